using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Functions;

public sealed class CliffTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Theory]
    [InlineData(10.0, 0.05)]
    [InlineData(100.0, 0.01)]
    [InlineData(1.0, 1.0)]
    public void Derivatives_agree_with_finite_differences(double height, double width)
    {
        var f = new Cliff(height, width, position: 0.5, curvature: 0.2, bowlCenter: V(-1, 0.5));
        var rng = new Random(47);
        for (int k = 0; k < 40; k++)
        {
            DerivativeCheck.At(f, DerivativeCheck.RandomPoint(f, rng), random: rng);
        }
        // Random points rarely land on a wall this thin, so also check on it, where the derivatives are largest.
        for (int k = 0; k < 20; k++)
        {
            DerivativeCheck.At(f, V(0.5 + width * (4 * rng.NextDouble() - 2), 3 * rng.NextDouble()), random: rng);
        }
    }

    [Fact]
    public void The_wall_is_H_high_and_its_slope_is_H_over_4w()
    {
        var f = new Cliff(height: 10, width: 0.05, position: 0, curvature: 0.1, bowlCenter: V(-2, 0));
        // Far on either side: the step contributes 0 and H (to e^−40 ≈ 4e-18), plus the bowl.
        Assert.Equal(0.5 * 0.1 * 1, f.Value(V(-2, 1)), 12);
        Assert.Equal(10 + 0.5 * 0.1 * 16, f.Value(V(2, 0)), 12);
        // At the wall σ = ½: slope H/(4w) = 50 plus the bowl's μ(0 − (−2)) = 0.2.
        Assert.Equal(50.0, f.MaxWallSlope, 12);
        Assert.Equal(50.2, f.Gradient(V(0, 0))[0], 12);
        // A step that suits the flats (ε = 0.1) jumps 5 units from the wall — past the bowl's centre.
        var next = V(0, 0) - 0.1 * f.Gradient(V(0, 0));
        Assert.True(next[0] < -2);
    }

    [Fact]
    public void The_minimizer_solves_the_one_dimensional_equation_and_is_the_only_critical_point_on_the_axis()
    {
        // Steep-but-wide wall so the minimizer moves visibly left of the bowl centre.
        var f = new Cliff(height: 5, width: 0.5, position: 0, curvature: 0.5, bowlCenter: V(-1, 0.3));
        var m = f.KnownMinimizers.Single();
        Assert.Equal(0.3, m[1]);
        Assert.True(m[0] < -1);
        // Independent check of φ(x) = μ(x − m₁) + (H/w)σ'((x − c)/w) = 0 with σ' written via tanh: σ' = ¼ sech²(z/2).
        double Phi(double x) => 0.5 * (x + 1) + 5 / 0.5 * 0.25 / Math.Pow(Math.Cosh(x / 0.5 / 2), 2);
        Assert.True(Math.Abs(Phi(m[0])) < 1e-12);
        // Sign scan: φ < 0 left of the minimizer, > 0 right of it, on a fine grid over the plot range.
        for (double x = -6; x <= 4; x += 0.01)
        {
            Assert.Equal(Math.Sign(x - m[0]), Math.Sign(Phi(x)));
        }
    }

    [Fact]
    public void Bad_arguments_name_themselves()
    {
        Assert.Equal("height", Assert.Throws<ArgumentOutOfRangeException>(() => new Cliff(height: -1)).ParamName);
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => new Cliff(width: 0)).ParamName);
        Assert.Equal("position", Assert.Throws<ArgumentOutOfRangeException>(() => new Cliff(position: double.NaN)).ParamName);
        Assert.Equal("curvature", Assert.Throws<ArgumentOutOfRangeException>(() => new Cliff(curvature: 0)).ParamName);
        Assert.Equal("bowlCenter", Assert.Throws<ArgumentException>(() => new Cliff(bowlCenter: V(1, 0))).ParamName);
    }
}
