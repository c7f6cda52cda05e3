using Descent.Curvature;
using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Curvature;

public sealed class LipschitzTests
{
    [Fact]
    public void On_a_quadratic_the_constants_are_the_eigenvalue_extremes()
    {
        // H = A everywhere with λ = −5, 1, 3: max λmax = 3 and max ‖H‖₂ = 5 at every sample.
        var q = Quadratic.FromEigenvalues([-5.0, 1.0, 3.0], seed: 3);
        var est = Lipschitz.EstimateGradient(q, samples: 400, seed: 8);
        Assert.Equal(3.0, est.MaxCurvature, 12);
        Assert.Equal(5.0, est.MaxSpectralNorm, 12);
        Assert.Equal(2.0 / 3.0, est.SafeStepLimit, 12);
        // Pairs: ‖A(a − b)‖/‖a − b‖ ≤ ‖A‖₂ = 5 always. For a uniform unit direction u in 3-D the component c₁ along
        // the λ = −5 eigenvector is uniform on [−1, 1] (Archimedes), and |c₁| ≥ 0.9 gives ‖Au‖ ≥ 4.5; the 200 local
        // pairs all miss that with probability 0.9²⁰⁰ ≈ 7e-10.
        Assert.InRange(est.SampledLowerBound, 4.5, 5.0 + 1e-12);
        Assert.Contains("max λmax(H) = 3", est.ToString());
    }

    [Fact]
    public void On_Rosenbrock_the_estimates_are_bracketed_by_the_corner_curvature()
    {
        // On [−2, 2]², H = [[1200x² − 400y + 2, −400x], [−400x, 200]]. λmax grows with H₁₁ and |H₁₂|, so its maximum is
        // at (±2, −2): H = [[5602, ∓800], [∓800, 200]], λmax = (5802 + √(5402² + 4·800²))/2. And −λmin ≤ max(−H₁₁, −H₂₂) + |H₁₂|
        // ≤ 798 + 800, so sup ‖H‖₂ = that λmax too: by the mean value theorem no gradient pair can exceed it.
        double m = (5802 + Math.Sqrt(5402.0 * 5402.0 + 4 * 800.0 * 800.0)) / 2;
        var f = new Rosenbrock();
        var small = Lipschitz.EstimateGradient(f, samples: 100, seed: 1);
        var large = Lipschitz.EstimateGradient(f, samples: 2000, seed: 1);
        Assert.True(large.MaxCurvature <= m * (1 + 1e-12));
        Assert.True(large.MaxSpectralNorm <= m * (1 + 1e-12));
        Assert.True(large.SampledLowerBound <= m * (1 + 1e-12));
        // Same seed, more samples: a superset of points, so the estimate cannot decrease.
        Assert.True(large.MaxCurvature >= small.MaxCurvature);

        // How close should 2000 uniform samples get? Count the fraction p of a fine grid where λmax ≥ 0.9·m
        // (an independent computation with the hand Hessian); all samples miss that set with probability (1 − p)²⁰⁰⁰.
        int hits = 0, total = 0;
        for (int i = 0; i <= 400; i++)
        {
            for (int j = 0; j <= 400; j++)
            {
                double x = -2 + i * 0.01, y = -2 + j * 0.01;
                double h11 = 1200 * x * x - 400 * y + 2, h12 = -400 * x, h22 = 200;
                double lmax = (h11 + h22) / 2 + Math.Sqrt((h11 - h22) * (h11 - h22) / 4 + h12 * h12);
                total++;
                if (lmax >= 0.9 * m)
                {
                    hits++;
                }
            }
        }

        double p = hits / (double)total;
        Assert.True(Math.Pow(1 - p, 2000) < 1e-6, $"p = {p}: the 0.9 bound would not be justified");
        Assert.True(large.MaxCurvature >= 0.9 * m, large.ToString());
    }

    [Fact]
    public void Above_one_hundred_dimensions_lanczos_gives_lower_bounds_of_the_extremes()
    {
        // n = 120 takes the Lanczos path (30 steps). Ritz values interlace the spectrum, so the estimate cannot exceed
        // λmax of the dense Hessian at the point where it was found; and 30 steps of a Krylov method on a matrix whose
        // top eigenvalues are well separated (Rosenbrock's 1200xᵢ² − 400xᵢ₊₁ diagonal varies with the point) recover
        // λmax to better than 1% — far tighter than a wrong branch (λmin, 0, one Rayleigh quotient) could reach.
        var f = new Rosenbrock(120);
        var est = Lipschitz.EstimateGradient(f, samples: 3, seed: 5);
        var exact = RandomMatrices.Eigenvalues(f.Hessian(est.ArgMaxCurvature));
        Assert.True(est.MaxCurvature <= exact[^1] * (1 + 1e-12), est.ToString());
        Assert.True(est.MaxCurvature >= 0.99 * exact[^1], $"{est.MaxCurvature} vs λmax {exact[^1]}");
    }

    [Fact]
    public void Bad_boxes_and_sample_counts_are_rejected_by_name()
    {
        var f = new Rosenbrock();
        Assert.Equal("samples", Assert.Throws<ArgumentOutOfRangeException>(() => Lipschitz.EstimateGradient(f, 0)).ParamName);
        Assert.Equal("lower", Assert.Throws<ArgumentException>(() => Lipschitz.EstimateGradient(f, 10, lower: [0.0], upper: [1.0, 1.0])).ParamName);
        Assert.Equal("upper", Assert.Throws<ArgumentException>(() => Lipschitz.EstimateGradient(f, 10, lower: [0.0, 0.0], upper: [1.0, 0.0])).ParamName);
    }
}
