using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Functions;

public sealed class RampedDoubleWellTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static double SpectralNorm(Matrix<double> h) => h.Evd(Symmetricity.Symmetric).EigenValues.Max(z => Math.Abs(z.Real));

    [Theory]
    [InlineData(2.0)]
    [InlineData(3.0)]
    [InlineData(1.2)]
    public void The_minimizer_solves_x_equals_a_tanh_x_and_gives_the_stated_minimum(double a)
    {
        // Independent: bisection on x − a·tanh x over [0.5·a·tanh(a), a] (negative at the left end for a > 1... checked below).
        double lo = 1e-6, hi = a;
        Assert.True(lo - a * Math.Tanh(lo) < 0 && hi - a * Math.Tanh(hi) > 0);
        for (int i = 0; i < 200; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid - a * Math.Tanh(mid) < 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        var f = new RampedDoubleWell(a, 0.7);
        // Bisection brackets the root to an ulp; Newton's answer agrees to rounding (1e-13 relative).
        Assert.Equal(lo, f.MinimizerX, lo * 1e-13);
        double value = 0.5 * lo * lo - a * Math.Log(Math.Cosh(lo));
        Assert.Equal(value, f.MinimumValue, 1e-13);
        Assert.Equal(value, f.Value(V(-lo, 0)), 1e-13);
    }

    [Fact]
    public void The_default_surface_has_min_value_minus_0_65305_at_x_1_9150()
    {
        // The chapter quotes these: x* = 1.9150 (root of x = 2 tanh x), L* = ½x*² − 2 log cosh x* = −0.65305.
        var f = new RampedDoubleWell();
        Assert.Equal(1.9150, f.MinimizerX, 4);
        Assert.Equal(-0.65305, f.MinimumValue, 5);
        Assert.Equal(1.0, f.GradientLipschitzConstant);
    }

    [Theory]
    [InlineData(2.0, 1.0)]
    [InlineData(3.0, 0.5)]
    [InlineData(1.5, 4.0)]
    public void M_is_max_of_1_a_minus_1_and_b_attained_or_approached_where_the_doc_says(double a, double b)
    {
        var f = new RampedDoubleWell(a, b);
        double m = Math.Max(1, Math.Max(a - 1, b));
        Assert.Equal(m, f.GradientLipschitzConstant);
        // |1 − a| at x = 0 and b at y = 0 exactly; 1 as |x| → ∞ (sech²(40) ≈ 7e-35 is below rounding).
        Assert.Equal(Math.Max(a - 1, b), SpectralNorm(f.Hessian(V(0, 0))), 1e-14);
        Assert.Equal(Math.Max(1, b), SpectralNorm(f.Hessian(V(40, 0))), 1e-14);
        var rng = new Random(3);
        for (int k = 0; k < 500; k++)
        {
            var theta = V(20 * rng.NextDouble() - 10, 20 * rng.NextDouble() - 10);
            Assert.True(SpectralNorm(f.Hessian(theta)) <= m * (1 + 1e-12));
        }
    }

    [Fact]
    public void Far_up_the_ramp_the_gradient_is_the_slope()
    {
        // ∂L/∂y = b·tanh(y), and 1 − tanh(20) ≈ 8.5e-18: the gradient is b to rounding.
        var f = new RampedDoubleWell(2, 1.5);
        Assert.Equal(1.5, f.Gradient(V(0, 20))[1], 15);
    }

    [Fact]
    public void Bad_arguments_name_the_parameter()
    {
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => new RampedDoubleWell(1.0)).ParamName);
        Assert.Equal("slope", Assert.ThrowsAny<ArgumentException>(() => new RampedDoubleWell(2.0, 0)).ParamName);
    }
}
