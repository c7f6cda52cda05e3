using Descent.Curvature;
using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Curvature;

public sealed class LinearizedFlowTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void Gradient_flow_flees_the_saddle_of_x1_squared_minus_x2_squared()
    {
        // L = x₁² − x₂²: dθ/dt = (−2x₁, 2x₂), so by hand x₁(t) = x₁(0)e^{−2t}, x₂(t) = x₂(0)e^{2t}.
        var saddle = new Quadratic(Matrix<double>.Build.DenseOfDiagonalArray([2.0, -2.0]));
        var flow = LinearizedFlow.At(saddle, V(1.0, 1e-3));
        foreach (double t in new[] { 0.0, 0.5, 1.0, 3.0 })
        {
            DerivativeCheck.AssertClose(V(Math.Exp(-2 * t), 1e-3 * Math.Exp(2 * t)), flow.At(t), 1e-13, $"t = {t}");
        }

        Assert.Contains("flees along 1 negative-curvature direction", flow.ToString());
    }

    [Fact]
    public void Zero_curvature_moves_linearly_in_time()
    {
        // ½x₂² − x₁ (A = diag(0, 1), b = (1, 0)): g = (−1, x₂), so x₁(t) = x₁(0) + t and x₂(t) = x₂(0)e^{−t}.
        var q = new Quadratic(Matrix<double>.Build.DenseOfDiagonalArray([0.0, 1.0]), V(1, 0));
        var flow = LinearizedFlow.At(q, V(0.5, 2));
        DerivativeCheck.AssertClose(V(0.5 + 4, 2 * Math.Exp(-4)), flow.At(4), 1e-13, "λ = 0 direction");
        // Discrete: x₁ gains ε per step, x₂ shrinks by (1 − ε) per step.
        DerivativeCheck.AssertClose(V(0.5 + 10 * 0.1, 2 * Math.Pow(0.9, 10)), flow.AfterSteps(0.1, 10), 1e-13, "discrete");
    }

    [Fact]
    public void Discrete_form_matches_iterating_on_an_indefinite_quadratic()
    {
        // On a quadratic the model is exact, so θₖ = θ₀ − QΛ'ₖQᵀg must equal k steps of θ ← θ − ε(Aθ − b).
        var q = Quadratic.FromEigenvalues([-0.5, 0.0, 1.0, 3.0], seed: 17);
        var a = q.A;
        var theta = V(0.2, -0.1, 0.4, 1.0);
        var flow = LinearizedFlow.At(q, theta);
        var theta0 = theta.Clone();
        for (int k = 0; k <= 40; k++)
        {
            // Rounding grows like k·u·‖θ‖ with ‖θ‖ ≤ 1.05⁴⁰ ≈ 7: 1e-11 relative leaves room.
            DerivativeCheck.AssertClose(theta, flow.AfterSteps(0.1, k), 1e-11, $"step {k}");
            theta -= 0.1 * (a * theta);
        }
    }

    [Fact]
    public void Flow_weights_are_accurate_for_tiny_and_zero_eigenvalues()
    {
        // (1 − e^{−λt})/λ = t − λt²/2 + …; at λ = 1e-12, t = 2 the naive formula loses ~4 digits.
        Assert.Equal(2 - 1e-12 * 2, LinearizedFlow.FlowWeight(1e-12, 2), 15);
        Assert.Equal(2.0, LinearizedFlow.FlowWeight(0, 2));
        // (1 − (1 − ελ)ᵏ)/λ ≈ kε − k(k−1)ε²λ/2 for small ελ.
        Assert.Equal(10 * 0.1 - 45 * 0.01 * 1e-12, LinearizedFlow.StepWeight(1e-12, 0.1, 10), 15);
        Assert.Equal(1.0, LinearizedFlow.StepWeight(0, 0.1, 10), 15);
        // Large ελ (oscillating steps): (1 − (−2)³)/3 = 3 at λ = 3, ε = 1, k = 3.
        Assert.Equal(3.0, LinearizedFlow.StepWeight(3, 1, 3), 14);
    }

    [Fact]
    public void Bad_arguments_are_rejected_by_name()
    {
        var h = Matrix<double>.Build.DenseIdentity(2);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => new LinearizedFlow(V(0, 0), V(1), h)).ParamName);
        Assert.Equal("hessian", Assert.Throws<ArgumentException>(() => new LinearizedFlow(V(0, 0), V(1, 1), Matrix<double>.Build.DenseIdentity(3))).ParamName);
        var flow = new LinearizedFlow(V(0, 0), V(1, 1), h);
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => flow.At(double.NaN)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => flow.AfterSteps(-1, 2)).ParamName);
        Assert.Throws<NotSupportedException>(() => LinearizedFlow.At(new GradientOnlyRosenbrock(), V(0, 0)));
        // Fleeing for too long overflows, which is reported rather than returned as ∞.
        var saddle = new LinearizedFlow(V(0, 0), V(1, 1), Matrix<double>.Build.DenseOfDiagonalArray([1.0, -1.0]));
        Assert.Throws<ArithmeticException>(() => saddle.At(1000));
    }
}
