using Descent.Curvature;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Curvature;

public sealed class FiniteDifferenceTests
{
    [Fact]
    public void Gradient_of_a_known_function_matches_its_hand_derivative()
    {
        // f(x, y) = sin(x)·eʸ + x³; ∂f/∂x = cos(x)eʸ + 3x², ∂f/∂y = sin(x)eʸ (derived by hand).
        static double F(Vector<double> p) => Math.Sin(p[0]) * Math.Exp(p[1]) + Math.Pow(p[0], 3);
        var theta = Vector<double>.Build.DenseOfArray([0.7, -0.3]);
        var g = FiniteDifference.Gradient(F, theta);
        // Central differences with h ≈ 6e-6: error ≈ h²|f'''| ≈ 1e-10; 1e-8 leaves a wide margin.
        Assert.Equal(Math.Cos(0.7) * Math.Exp(-0.3) + 3 * 0.49, g[0], 8);
        Assert.Equal(Math.Sin(0.7) * Math.Exp(-0.3), g[1], 8);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-3)]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    public void A_step_outside_its_range_is_rejected_by_name(double step)
    {
        var theta = Vector<double>.Build.Dense(2);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => FiniteDifference.Gradient(_ => 0.0, theta, step));
        Assert.Equal("step", ex.ParamName);
    }
}
