using Descent.Functions;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Optimization;

public sealed class GradientDescentGuaranteeTests
{
    [Fact]
    public void The_constants_match_a_hand_computation()
    {
        // M = 2, α = 0.3: c = 0.3·(1 − 0.3) = 0.21; gap 4.2: bound(N = 5) = √(4.2/(0.21·5)) = 2; steps for ε = 0.5: 4.2/(0.21·0.25) = 80.
        var g = new GradientDescentGuarantee(2, 0.3, 4.2);
        Assert.Equal(0.21, g.StepFactor, 15);
        Assert.Equal(2.0, g.GradientNormBound(5), 14);
        Assert.Equal(80.0, g.StepsBound(0.5), 12);
        Assert.True(g.Applies);
    }

    [Fact]
    public void Nothing_is_guaranteed_from_alpha_2_over_M_on()
    {
        var g = new GradientDescentGuarantee(2, 1.0, 1);
        Assert.Equal(0.0, g.StepFactor);
        Assert.False(g.Applies);
        Assert.Equal(double.PositiveInfinity, g.GradientNormBound(10));
        Assert.Equal(double.PositiveInfinity, g.StepsBound(0.1));
        Assert.Contains("none", g.ToString());
    }

    [Fact]
    public void One_over_M_maximizes_c_on_a_fine_grid()
    {
        const double m = 3.7;
        double best = 0, argBest = 0;
        for (double a = 1e-5; a < 2 / m; a += 1e-5)
        {
            double c = GradientDescentGuarantee.DecreaseFactor(m, a);
            if (c > best) { best = c; argBest = a; }
        }
        // Grid spacing 1e-5 bounds the error of the arg-max; the maximum is 1/(2M).
        Assert.Equal(GradientDescentGuarantee.OptimalLearningRate(m), argBest, 1e-5);
        Assert.Equal(1 / (2 * m), GradientDescentGuarantee.DecreaseFactor(m, 1 / m), 15);
    }

    [Fact]
    public void Bad_arguments_name_the_parameter_and_the_range()
    {
        Assert.Equal("LipschitzConstant", Assert.Throws<ArgumentOutOfRangeException>(() => new GradientDescentGuarantee(0, 1, 1)).ParamName);
        Assert.Equal("LearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new GradientDescentGuarantee(1, -1, 1)).ParamName);
        Assert.Equal("InitialGap", Assert.Throws<ArgumentOutOfRangeException>(() => new GradientDescentGuarantee(1, 1, double.NaN)).ParamName);
        var g = new GradientDescentGuarantee(1, 1, 1);
        Assert.Equal("iterates", Assert.Throws<ArgumentOutOfRangeException>(() => g.GradientNormBound(0)).ParamName);
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => g.StepsBound(0)).ParamName);
    }

    [Fact]
    public void Accelerated_first_steps_match_a_hand_computation()
    {
        // L = ½(θ₁² + 4θ₂²) from (1, 1), s = 0.2: x₁ = (1, 1) − 0.2(1, 4) = (0.8, 0.2); y₁ = x₁ (momentum (1−1)/3 = 0);
        // x₂ = (0.8, 0.2) − 0.2(0.8, 0.8) = (0.64, 0.04).
        var f = Quadratic.FromEigenvalues2D(1, 4, 0);
        var run = AcceleratedGradientDescent.Run(f, 0.2, Vector<double>.Build.DenseOfArray([1.0, 1.0]), 2);
        Assert.Equal(0.64, run.Theta[0], 14);
        Assert.Equal(0.04, run.Theta[1], 14);
        Assert.Equal(0.5 * (0.64 * 0.64 + 4 * 0.04 * 0.04), run.Losses[2], 14);
    }

    [Fact]
    public void Accelerated_method_meets_the_Beck_Teboulle_bound_at_every_step_on_a_convex_quadratic()
    {
        // L(x_k) − L* ≤ 2‖x₀ − x*‖²/(s(k+1)²) for s = 1/M (Beck & Teboulle 2009, Thm 4.4); an ill-conditioned bowl, 300 steps.
        var f = Quadratic.FromEigenvalues2D(0.001, 1.0, 0.3);
        var x0 = Vector<double>.Build.DenseOfArray([3.0, -2.0]);
        var xStar = f.KnownMinimizers[0];
        double fStar = f.Value(xStar), r2 = (x0 - xStar).DotProduct(x0 - xStar);
        var run = AcceleratedGradientDescent.Run(f, 1.0, x0, 300);
        for (int k = 0; k <= 300; k++)
        {
            Assert.True(run.Losses[k] - fStar <= 2 * r2 / ((k + 1.0) * (k + 1.0)), $"k = {k}");
        }
    }
}
