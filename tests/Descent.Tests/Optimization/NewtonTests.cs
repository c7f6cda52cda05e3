using Descent.Functions;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Optimization;

/// <summary>Newton's method and its saddle-aware variants on quadratics (seeds 001, 003).</summary>
public sealed class NewtonTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void Newton_solves_a_quadratic_in_one_step()
    {
        var xStar = V(2, -1, 0.5, 3, -4);
        var f = Quadratic.FromEigenvalues([0.01, 0.5, 3, 70, 1000], seed: 9, minimizer: xStar);
        var r = Trainer.Run(f, Optimizers.Newton(), V(10, 10, -10, 0, 5), new TrainingOptions { MaxSteps = 1, GradientTolerance = 1e-9 });
        // κ = 10⁵, so the solve loses about 5 digits: 1e-9 relative leaves margin.
        Support.DerivativeCheck.AssertClose(xStar, r.Theta, 1e-9, "θ after one Newton step");
        Assert.Equal(1, r.Steps);
    }

    // x₁² − x₂² is ½θᵀAθ with A = diag(2, −2): a saddle at the origin.
    private static Quadratic Saddle() => new(Matrix<double>.Build.DenseOfDiagonalArray([2.0, -2.0]));

    [Fact]
    public void On_the_saddle_x1_squared_minus_x2_squared_Newton_moves_toward_it()
    {
        var start = V(1, 0.5);
        // Half Newton steps: θ − ½H⁻¹g = θ − ½θ, so θₖ = 2⁻ᵏθ₀ → 0, the saddle.
        var r = Trainer.Run(Saddle(), Optimizers.Newton(0.5), start, new TrainingOptions { MaxSteps = 10 });
        var d = r.DistancesTo(V(0, 0));
        for (int k = 0; k < 10; k++)
        {
            Assert.True(d[k + 1] < d[k], $"Newton: distance to the saddle grew at step {k}");
        }

        Assert.Equal(start.L2Norm() / 1024, d[10], 1e-12);
        // The full Newton step lands exactly on the saddle.
        var full = Trainer.Run(Saddle(), Optimizers.Newton(), start, new TrainingOptions { MaxSteps = 1 });
        Assert.Equal(0.0, full.Theta.L2Norm(), 1e-15);
    }

    [Fact]
    public void On_the_saddle_gradient_descent_and_saddle_free_Newton_move_away()
    {
        var start = V(1, 0.5);
        // GD: x₁ ← (1 − 2ε)x₁, x₂ ← (1 + 2ε)x₂; with ε = 0.1 after 10 steps x₂ = 0.5·1.2¹⁰ ≈ 3.10.
        var gd = Trainer.Run(Saddle(), Optimizers.GradientDescent(0.1), start, new TrainingOptions { MaxSteps = 10 });
        Assert.Equal(0.5 * Math.Pow(1.2, 10), gd.Theta[1], 1e-12);
        Assert.True(gd.Theta.L2Norm() > start.L2Norm());

        // Saddle-free Newton: |H| = 2I, so θ ← θ − ½ε(2x₁, −2x₂) = ((1 − ε)x₁, (1 + ε)x₂); with ε = 0.5
        // after 10 steps x₁ = 2⁻¹⁰, x₂ = 0.5·1.5¹⁰ ≈ 28.8.
        var sfn = Trainer.Run(Saddle(), Optimizers.SaddleFreeNewton(0.5), start, new TrainingOptions { MaxSteps = 10 });
        Assert.Equal(Math.Pow(0.5, 10), sfn.Theta[0], 1e-12);
        Assert.Equal(0.5 * Math.Pow(1.5, 10), sfn.Theta[1], 1e-9);
        var d = sfn.DistancesTo(V(0, 0));
        Assert.True(d[^1] > 10 * d[0]);
    }

    [Fact]
    public void Saddle_free_Newton_floors_small_curvature()
    {
        // A = diag(1, 1e-6): with floor μ = 1e-2 the flat direction is scaled by 1/μ = 100, not 10⁶.
        var f = new Quadratic(Matrix<double>.Build.DenseOfDiagonalArray([1.0, 1e-6]));
        var theta = V(1, 1);
        var g = f.Gradient(theta);                                   // (1, 1e-6)
        var t = new ScaleBySaddleFreeNewton(1e-2);
        var (u, _) = t.Update(g, t.Init(theta), new StepContext(f, theta, g, f.Value(theta), 0));
        Assert.Equal(1.0, u[0], 1e-12);                              // 1/1
        Assert.Equal(1e-6 / 1e-2, u[1], 1e-15);                      // 1e-6/μ
    }

    [Fact]
    public void Newton_on_a_singular_Hessian_stops_with_a_failure_and_keeps_the_trajectory()
    {
        var f = new Quadratic(Matrix<double>.Build.DenseOfDiagonalArray([1.0, 0.0]));
        var r = Trainer.Run(f, Optimizers.Newton(), V(1, 1), new TrainingOptions { MaxSteps = 5 });
        Assert.Equal(StopReason.Failed, r.Reason);
        Assert.Contains("singular", r.Message);
        Assert.Equal(0, r.Steps);
        Assert.Equal([1.0, 1.0], r.Theta.ToArray());

        // Damping λ = 1 makes H + λI = diag(2, 1) invertible: (2, 1)⁻¹·(1, 0) = (0.5, 0).
        var damped = Trainer.Run(f, Optimizers.DampedNewton(1.0), V(1, 1), new TrainingOptions { MaxSteps = 1 });
        Assert.Equal(0.5, damped.Theta[0], 1e-14);
        Assert.Equal(1.0, damped.Theta[1], 1e-14);
    }

    [Fact]
    public void Started_exactly_on_the_saddle_gradient_descent_stays_and_perturbed_gradient_descent_escapes()
    {
        var origin = V(0, 0);
        // g(0) = 0: plain GD never moves.
        var gd = Trainer.Run(Saddle(), Optimizers.GradientDescent(0.1), origin, new TrainingOptions { MaxSteps = 100 });
        Assert.Equal([0.0, 0.0], gd.Theta.ToArray());

        // Perturbed GD (Jin et al.): ‖g‖ = 0 ≤ g_thres triggers a perturbation of radius 1e-3; the x₂ part
        // of it then grows by 1 + 2ε = 1.2 per step, so after 100 steps |x₂| ≈ |ξ₂|·1.2¹⁰⁰ ≈ 8e7·|ξ₂|.
        // Unless ξ₂ is exactly 0 (probability 0) the iterate leaves the unit ball around the saddle.
        var pgd = Trainer.Run(Saddle(), Optimizers.PerturbedGradientDescent(0.1, radius: 1e-3, gradientThreshold: 1e-2, quietSteps: 20, seed: 4),
            origin, new TrainingOptions { MaxSteps = 100 });
        Assert.True(Math.Abs(pgd.Theta[1]) > 1, $"x₂ = {pgd.Theta[1]}");
        Assert.True(pgd.Losses[^1] < -1, "it escaped downhill along the negative-curvature direction");
        // At least the perturbation at step 0 happened (more only while ‖g‖ stays ≤ g_thres, which depends on ξ).
        Assert.True(((AddPerturbation.State)((Chain.State)pgd.FinalState).Parts[1]).Perturbations >= 1);
    }
}
