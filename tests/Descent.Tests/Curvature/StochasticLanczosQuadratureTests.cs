using Descent.Curvature;
using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Curvature;

public sealed class StochasticLanczosQuadratureTests
{
    /// <summary>Standard deviation of the Hutchinson estimate of tr(A)/n from N Rademacher probes:
    /// Var(zᵀAz) = 2(‖A‖_F² − Σ Aᵢᵢ²), so sd = √(2(‖A‖_F² − Σ Aᵢᵢ²)/N) / n.</summary>
    private static double HutchinsonSd(Matrix<double> a, int probes)
    {
        int n = a.RowCount;
        double frob2 = a.Enumerate().Sum(x => x * x);
        double diag2 = Enumerable.Range(0, n).Sum(i => a[i, i] * a[i, i]);
        return Math.Sqrt(2 * (frob2 - diag2) / probes) / n;
    }

    [Fact]
    public void Density_integrates_to_one_and_its_moments_match_the_traces()
    {
        const int n = 150, probes = 20;
        var h = RandomMatrices.Symmetric(n, seed: 2019) + Matrix<double>.Build.DenseIdentity(n) * 2.0;
        var density = StochasticLanczosQuadrature.Estimate(HessianOperator.FromMatrix(h), steps: 40, probes: probes, seed: 7);

        // Weights sum to 1 per probe and the grid spans the nodes ± 6σ with spacing ≈ 0.11σ, so the Gaussian
        // mass outside (2e-9) and the trapezoid error (spectrally small for h ≪ σ) are far below 1e-6.
        Assert.Equal(1.0, density.Integral(), 6);

        // First moment: tr(H)/n, up to the Hutchinson Monte-Carlo error; 4 standard deviations.
        double mean = h.Trace() / n;
        double tol1 = 4 * HutchinsonSd(h, probes);
        Assert.InRange(density.Moment(1), mean - tol1, mean + tol1);
        // The quadrature itself is exact per probe (degree 1 ≤ 2m − 1), so grid and nodes agree to the grid error.
        Assert.Equal(density.QuadratureMoment(1), density.Moment(1), 6);

        // Second moment: tr(H²)/n plus the broadening σ² (the variance of each Gaussian bump), 4 standard deviations.
        var h2 = h * h;
        double meanSquare = h2.Trace() / n;
        double tol2 = 4 * HutchinsonSd(h2, probes);
        double sigma2 = density.Sigma * density.Sigma;
        Assert.InRange(density.Moment(2) - sigma2, meanSquare - tol2, meanSquare + tol2);
        Assert.Equal(density.QuadratureMoment(2) + sigma2, density.Moment(2), 6);

        // The tolerances are meaningful: a wrong normalization (e.g. weights not divided by the probe count,
        // or a mean off by 10%) would exceed them.
        Assert.True(tol1 < 0.1 * Math.Abs(mean), $"tol1 = {tol1}");
        Assert.True(tol2 < 0.1 * meanSquare, $"tol2 = {tol2}");
    }

    [Fact]
    public void Support_and_extremes_match_the_exact_spectrum()
    {
        var h = RandomMatrices.Symmetric(120, seed: 17);
        var exact = RandomMatrices.Eigenvalues(h);
        var density = StochasticLanczosQuadrature.Estimate(HessianOperator.FromMatrix(h), steps: 60, probes: 4, seed: 3);
        // Each probe's Ritz values interlace the spectrum, and 60 of 120 steps converge the extremes far
        // below 1e-6 (see LanczosTests); the extreme nodes are then the extreme eigenvalues.
        Assert.Equal(exact[0], density.MinNode, 6);
        Assert.Equal(exact[^1], density.MaxNode, 6);
    }

    [Fact]
    public void Two_clusters_show_up_as_two_bumps_with_the_right_mass()
    {
        // 60 eigenvalues near −1 and 40 near +2 (spread 0.05): 60% of the spectrum is negative.
        var rng = new Random(5);
        var eig = Enumerable.Range(0, 100).Select(i => (i < 60 ? -1.0 : 2.0) + 0.05 * (rng.NextDouble() - 0.5)).ToArray();
        var a = Quadratic.FromEigenvalues(eig, seed: 6).A;
        const int probes = 30;
        var density = StochasticLanczosQuadrature.Estimate(HessianOperator.FromMatrix(a), steps: 20, probes: probes, seed: 1, sigma: 0.1);
        // The negative fraction is the Hutchinson estimate of tr(P)/n for the projector P onto the negative
        // eigenspace: sd ≤ √(2·‖P‖_F²/N)/n = √(2·60/30)/100 = 0.02; 4 sd = 0.08.
        Assert.InRange(density.NegativeFraction, 0.6 - 0.08, 0.6 + 0.08);
        // The density is high at the clusters and essentially zero in the gap (0.5 is 15σ from both).
        double At(double t) => density.Density[Array.FindIndex(density.Grid, g => g >= t)];
        Assert.True(At(-1.0) > 1.0, $"p(−1) = {At(-1.0)}");
        Assert.True(At(2.0) > 1.0, $"p(2) = {At(2.0)}");
        Assert.True(At(0.5) < 1e-6, $"p(0.5) = {At(0.5)}");
        Assert.Contains("negative fraction", density.ToString());
    }

    [Fact]
    public void Estimates_are_reproducible_and_arguments_are_checked()
    {
        var op = HessianOperator.FromMatrix(RandomMatrices.Symmetric(30, seed: 2));
        var a = StochasticLanczosQuadrature.Estimate(op, 10, 3, seed: 9, gridPoints: 64);
        var b = StochasticLanczosQuadrature.Estimate(op, 10, 3, seed: 9, gridPoints: 64);
        Assert.Equal(a.Density, b.Density);
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => StochasticLanczosQuadrature.Estimate(op, 31)).ParamName);
        Assert.Equal("probes", Assert.Throws<ArgumentOutOfRangeException>(() => StochasticLanczosQuadrature.Estimate(op, 5, 0)).ParamName);
        Assert.Equal("gridPoints", Assert.Throws<ArgumentOutOfRangeException>(() => StochasticLanczosQuadrature.Estimate(op, 5, 2, gridPoints: 3)).ParamName);
        Assert.Equal("sigma", Assert.Throws<ArgumentOutOfRangeException>(() => StochasticLanczosQuadrature.Estimate(op, 5, 2, sigma: 0)).ParamName);
    }
}
