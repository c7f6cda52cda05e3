using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Functions;

public sealed class NoCriticalPointTests
{
    [Fact]
    public void Derivatives_agree_with_finite_differences()
    {
        var f = new NoCriticalPoint([2, -0.5, -3, 0.1]);
        var rng = new Random(53);
        for (int k = 0; k < 40; k++)
        {
            DerivativeCheck.At(f, DerivativeCheck.RandomPoint(f, rng), random: rng);
        }
    }

    [Fact]
    public void The_bound_is_the_hand_computed_distance_and_holds_everywhere()
    {
        // a = (2, −0.5, −3, 0.1): distances to [−1, 0] are 2, 0, 2, 0.1 → β = √(4 + 0 + 4 + 0.01).
        var f = new NoCriticalPoint([2, -0.5, -3, 0.1]);
        Assert.Equal(Math.Sqrt(8.01), f.GradientNormLowerBound, 14);
        var rng = new Random(59);
        for (int k = 0; k < 2000; k++)
        {
            // Points from the plot box and far beyond it (up to |θᵢ| = 200, where σ saturates).
            double scale = k % 2 == 0 ? 1 : 50;
            var theta = DerivativeCheck.RandomPoint(f, rng) * scale;
            Assert.True(f.Gradient(theta).L2Norm() >= f.GradientNormLowerBound);
        }
    }

    [Fact]
    public void The_bound_is_sharp_and_gradient_descent_never_stops()
    {
        var f = new NoCriticalPoint(); // a = (−1.5, 0.5), β = √(0.5² + 0.5²)
        Assert.Equal(Math.Sqrt(0.5), f.GradientNormLowerBound, 14);
        // Approached where σ(θ₁) → 1 and σ(θ₂) → 0: at (40, −40) the gap is e^−40 ≈ 4e-18, below rounding.
        Assert.Equal(Math.Sqrt(0.5), f.Gradient(Vector<double>.Build.DenseOfArray([40, -40])).L2Norm(), 14);
        // Hand values: L(0) = 2·log 2; ∇L(0) = a + ½.
        Assert.Equal(2 * Math.Log(2), f.Value(Vector<double>.Build.Dense(2)), 14);
        var theta = Vector<double>.Build.Dense(2);
        double previous = f.Value(theta);
        for (int k = 0; k < 1000; k++)
        {
            theta -= 0.5 * f.Gradient(theta);
            double loss = f.Value(theta);
            Assert.True(loss < previous);
            previous = loss;
        }
        // Each step lowers L by at least ε(1 − εM/2)β² with M = ¼ (the largest Hessian entry): > 0.05 per step.
        Assert.True(previous < 2 * Math.Log(2) - 1000 * 0.5 * (1 - 0.5 * 0.25 / 2) * 0.5);
    }

    [Fact]
    public void Slopes_that_allow_a_critical_point_are_rejected()
    {
        Assert.Equal("slopes", Assert.Throws<ArgumentException>(() => new NoCriticalPoint([-0.5, -0.2])).ParamName);
        Assert.Equal("slopes", Assert.Throws<ArgumentException>(() => new NoCriticalPoint([0, -1])).ParamName);
        Assert.Equal("slopes", Assert.Throws<ArgumentException>(() => new NoCriticalPoint([])).ParamName);
        Assert.Equal("slopes", Assert.Throws<ArgumentException>(() => new NoCriticalPoint([double.NaN, 2])).ParamName);
    }
}
