using Descent.Curvature;
using Descent.Models;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Curvature;

/// <summary>The curvature tools on a real network Hessian (exact products from the model's R-operator backprop).</summary>
public sealed class ModelCurvatureTests
{
    private static (Mlp Model, Vector<double> Theta) SmallNetwork()
    {
        var rng = new Random(2024);
        var x = Matrix<double>.Build.Dense(20, 3, (_, _) => RandomMatrices.Gaussian(rng));
        var y = Matrix<double>.Build.Dense(20, 1, (i, _) => Math.Sin(x[i, 0]) + 0.5 * x[i, 1] * x[i, 2]);
        var model = new Mlp([3, 8, 1], Activation.Tanh, LossFunction.SquaredError, x, y);
        return (model, model.Initialize(Initialization.Glorot, seed: 3));
    }

    [Fact]
    public void Lanczos_finds_the_extreme_curvatures_of_a_network_loss()
    {
        var (model, theta) = SmallNetwork();
        Assert.Equal(41, model.Dimension); // 3·8 + 8 + 8·1 + 1
        var op = HessianOperator.ForObjective(model, theta);
        Assert.Equal(HessianProductSource.Exact, op.Source);
        var exact = RandomMatrices.Eigenvalues(model.Hessian(theta));
        var run = Lanczos.Run(op, steps: 41, seed: 1);
        // A full Krylov space: extremes agree with the dense spectrum to rounding, 1e-9 relative to ‖H‖.
        double scale = Math.Max(1.0, Math.Max(Math.Abs(exact[0]), Math.Abs(exact[^1])));
        Assert.True(Math.Abs(exact[0] - run.MinEigenvalue) <= 1e-9 * scale);
        Assert.True(Math.Abs(exact[^1] - run.MaxEigenvalue) <= 1e-9 * scale);

        // Finite-difference products (flagged) reproduce the extremes to the difference error, ~1e-8 relative; 1e-6 as elsewhere.
        var fd = Lanczos.Run(HessianOperator.ForObjective(model, theta, forceFiniteDifference: true), steps: 41, seed: 1);
        Assert.Equal(HessianProductSource.FiniteDifference, fd.Source);
        Assert.True(Math.Abs(exact[^1] - fd.MaxEigenvalue) <= 1e-6 * scale, fd.ToString());
    }

    [Fact]
    public void Spectral_density_of_a_network_hessian_is_normalized_with_the_right_mean()
    {
        var (model, theta) = SmallNetwork();
        var h = model.Hessian(theta);
        const int probes = 30;
        var density = StochasticLanczosQuadrature.Estimate(HessianOperator.ForObjective(model, theta), steps: 20, probes: probes, seed: 4);
        // Grid covers the nodes ± 6σ finely: the integral is 1 to ~1e-9 (see StochasticLanczosQuadratureTests).
        Assert.Equal(1.0, density.Integral(), 6);
        // Mean eigenvalue tr(H)/n within 4 Hutchinson standard deviations √(2(‖H‖_F² − Σ Hᵢᵢ²)/N)/n.
        int n = model.Dimension;
        double frob2 = h.Enumerate().Sum(v => v * v), diag2 = Enumerable.Range(0, n).Sum(i => h[i, i] * h[i, i]);
        double tol = 4 * Math.Sqrt(2 * (frob2 - diag2) / probes) / n;
        Assert.InRange(density.QuadratureMoment(1), h.Trace() / n - tol, h.Trace() / n + tol);
    }
}
