using Descent.Curvature;
using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Curvature;

public sealed class QuadraticFlowTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Theory]
    [InlineData(new[] { 0.5, 1.0, 4.0, 10.0 }, 0.15)] // positive definite, stable step (ε < 2/10)
    [InlineData(new[] { 0.5, 1.0, 4.0, 10.0 }, 0.21)] // positive definite, unstable step: iterates blow up
    [InlineData(new[] { -1.0, 0.3, 2.0, 5.0 }, 0.1)]  // indefinite: a saddle, iterates flee along λ = −1
    public void Discrete_closed_form_matches_iterating_gradient_descent(double[] eigenvalues, double epsilon)
    {
        var q = Quadratic.FromEigenvalues(eigenvalues, seed: 21, minimizer: V(1, -2, 0.5, 3));
        var a = q.A;
        var b = q.B;
        var flow = new QuadraticFlow(q);
        DerivativeCheck.AssertClose(V(1, -2, 0.5, 3), flow.CriticalPoint, 1e-12, "θ*");
        var theta = V(2, 0, -1, 1);
        var theta0 = theta.Clone();
        for (int k = 0; k <= 60; k++)
        {
            // θₖ from the closed form vs the loop θ ← θ − ε(Aθ − b); both accumulate rounding ~k·u·‖θ‖,
            // and the unstable case grows to ~1.1⁶⁰ ≈ 300, so compare relative to max(1, ‖θₖ‖∞) at 1e-10.
            DerivativeCheck.AssertClose(theta, flow.Discrete(theta0, epsilon, k), 1e-10, $"step {k}");
            theta -= epsilon * (a * theta - b);
        }
    }

    [Fact]
    public void Continuous_flow_is_the_limit_of_euler_steps_with_first_order_error()
    {
        // A = diag(1, 3), θ* = (1, −1), θ₀ = (3, 2): by hand θ(t)ᵢ = θ*ᵢ + e^{−λᵢt}(θ₀ − θ*)ᵢ.
        var a = Matrix<double>.Build.DenseOfDiagonalArray([1.0, 3.0]);
        var b = a * V(1, -1);
        var flow = new QuadraticFlow(a, b);
        var theta0 = V(3, 2);
        const double t = 1.0;
        var exact = V(1 + Math.Exp(-1) * 2, -1 + Math.Exp(-3) * 3);
        DerivativeCheck.AssertClose(exact, flow.Continuous(theta0, t), 1e-14, "θ(1) by hand");

        // Euler with step h: per component (1 − hλ)^{t/h} = e^{−λt}(1 − hλ²t/2 + O(h²)), so the error is
        // h·(t/2)·λᵢ²e^{−λᵢt}(θ₀ − θ*)ᵢ + O(h²): error/h must approach that constant vector.
        var leading = V(0.5 * t * 1 * Math.Exp(-1) * 2, 0.5 * t * 9 * Math.Exp(-3) * 3).L2Norm();
        double previous = double.PositiveInfinity;
        foreach (double h in new[] { 1e-2, 1e-3, 1e-4 })
        {
            var theta = theta0.Clone();
            int steps = (int)Math.Round(t / h);
            for (int k = 0; k < steps; k++)
            {
                theta -= h * (a * theta - b);
            }

            double error = (theta - flow.Continuous(theta0, t)).L2Norm();
            // The O(h²) remainder is ≲ (λ²h)² ~ 0.1·h relative at h = 1e-2: 15% covers it, 2% at h = 1e-3 and below.
            Assert.InRange(error / h, leading * (h > 5e-3 ? 0.85 : 0.98), leading * (h > 5e-3 ? 1.15 : 1.02));
            Assert.True(error < previous / 8, $"h = {h}: error {error} did not shrink ~10× from {previous}");
            previous = error;
        }
    }

    [Fact]
    public void The_two_closed_forms_agree_on_positive_definite_quadratics()
    {
        // θ* + Qe^{−Λt}Qᵀ(θ₀ − θ*) and θ₀ − QΛ'(t)Qᵀg with g = A(θ₀ − θ*) are algebraically equal:
        // I − Λ'(t)Λ = e^{−Λt}. Both are sums of O(1) terms: rounding ~1e-15; 1e-12 relative.
        var q = Quadratic.FromEigenvalues([0.1, 1.0, 3.0, 20.0, 50.0], seed: 4, minimizer: V(1, 2, 3, 4, 5));
        var flow = new QuadraticFlow(q);
        var theta0 = V(-1, 0, 2, 0.5, 8);
        var linearized = LinearizedFlow.At(q, theta0);
        foreach (double t in new[] { 0.0, 0.01, 0.3, 1.0, 10.0, 100.0 })
        {
            DerivativeCheck.AssertClose(flow.Continuous(theta0, t), linearized.At(t), 1e-12, $"t = {t}");
        }
        // Long times reach the minimizer.
        DerivativeCheck.AssertClose(V(1, 2, 3, 4, 5), flow.Continuous(theta0, 1000), 1e-12, "θ(∞)");
        // And the discrete forms agree with each other too.
        foreach (int k in new[] { 0, 1, 7, 50 })
        {
            DerivativeCheck.AssertClose(flow.Discrete(theta0, 0.03, k), linearized.AfterSteps(0.03, k), 1e-12, $"k = {k}");
        }
    }

    [Fact]
    public void Contraction_factor_and_step_limits_match_the_hand_values()
    {
        // d2l: λ = 0.2, 4. At ε = 0.4: max(|1 − 0.08|, |1 − 1.6|) = 0.92. Limit 2/4 = 0.5; best 2/4.2; κ = 20 → 19/21.
        var flow = new QuadraticFlow(Quadratic.D2l());
        Assert.Equal(0.92, flow.ContractionFactor(0.4), 14);
        Assert.Equal(0.5, flow.StabilityLimit, 14);
        Assert.Equal(2 / 4.2, flow.OptimalConstantStep, 14);
        Assert.Equal(19.0 / 21.0, flow.ContractionFactor(flow.OptimalConstantStep), 14);
        Assert.Contains("GD stable for ε < 0.5", flow.ToString());
    }

    [Fact]
    public void Singular_matrices_and_bad_arguments_are_rejected_by_name()
    {
        var singular = Matrix<double>.Build.DenseOfDiagonalArray([0.0, 1.0]);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => new QuadraticFlow(singular, V(0, 0))).ParamName);
        var flow = new QuadraticFlow(Quadratic.D2l());
        Assert.Equal("theta0", Assert.Throws<ArgumentException>(() => flow.Continuous(V(1, 2, 3), 1)).ParamName);
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => flow.Continuous(V(1, 2), -1)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => flow.Discrete(V(1, 2), 0, 3)).ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => flow.Discrete(V(1, 2), 0.1, -1)).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => new QuadraticFlow(Matrix<double>.Build.DenseIdentity(2), V(1))).ParamName);
    }
}
