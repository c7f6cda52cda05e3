using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Functions;

public sealed class WrongSideOfMountainTests
{
    [Theory]
    [InlineData(3.0, 1.0)]
    [InlineData(5.0, 0.0)]
    public void Derivatives_agree_with_finite_differences(double height, double depth)
    {
        var f = new WrongSideOfMountain(height, depth);
        var rng = new Random(79);
        for (int k = 0; k < 40; k++)
        {
            DerivativeCheck.At(f, DerivativeCheck.RandomPoint(f, rng), random: rng);
        }
    }

    [Fact]
    public void At_the_start_the_locally_best_direction_points_away_from_the_global_minimum()
    {
        var f = new WrongSideOfMountain();
        var s = f.Start;
        var toGlobal = f.GlobalMinimizer - s;
        var descent = -f.Gradient(s);
        double cos = descent.DotProduct(toGlobal) / (descent.L2Norm() * toGlobal.L2Norm());
        Assert.True(cos < -0.5, $"cos = {cos:G3}"); // more than 120° off: the mountain's slope dominates the bowl's pull
        // The straight segment to the global minimum climbs over the mountain: higher than the start by > 1.
        double top = Enumerable.Range(0, 101).Select(k => f.Value(s + k / 100.0 * toGlobal)).Max();
        Assert.True(top > f.Value(s) + 1);
    }

    [Fact]
    public void Gradient_descent_from_the_start_settles_in_the_local_basin_not_the_global_one()
    {
        var f = new WrongSideOfMountain();
        var theta = f.Start;
        for (int k = 0; k < 5000; k++)
        {
            theta -= 0.1 * f.Gradient(theta); // ε = 0.1 ≪ 2/λmax ≈ 2/3 here
        }

        Assert.NotNull(f.LocalMinimizer);
        DerivativeCheck.AssertClose(f.LocalMinimizer!, theta, 1e-8, "end of descent");
        Assert.True(f.Value(theta) > f.Value(f.GlobalMinimizer) + 1); // ≈ −0.15 vs ≈ −1.97
    }

    [Fact]
    public void Without_the_local_basin_descent_reaches_the_global_minimum_by_a_long_detour()
    {
        var f = new WrongSideOfMountain(localBasinDepth: 0);
        Assert.Null(f.LocalMinimizer);
        var theta = f.Start;
        double length = 0;
        for (int k = 0; k < 20000; k++)
        {
            var step = 0.1 * f.Gradient(theta);
            length += step.L2Norm();
            theta -= step;
        }
        DerivativeCheck.AssertClose(f.GlobalMinimizer, theta, 1e-8, "end of descent");
        // The path arcs around the mountain: more than twice the straight distance (≈ 9.3 vs 4.25).
        Assert.True(length > 2 * (f.GlobalMinimizer - f.Start).L2Norm(), $"path length {length:G4}");
    }

    [Fact]
    public void Bad_arguments_name_themselves()
    {
        Assert.Equal("mountainHeight", Assert.Throws<ArgumentOutOfRangeException>(() => new WrongSideOfMountain(mountainHeight: 0)).ParamName);
        Assert.Equal("localBasinDepth", Assert.Throws<ArgumentOutOfRangeException>(() => new WrongSideOfMountain(localBasinDepth: -1)).ParamName);
        Assert.Equal("confinement", Assert.Throws<ArgumentOutOfRangeException>(() => new WrongSideOfMountain(confinement: double.NaN)).ParamName);
        // A local basin deeper than the global one is no longer the wrong side.
        Assert.Equal("localBasinDepth", Assert.Throws<ArgumentException>(() => new WrongSideOfMountain(localBasinDepth: 10)).ParamName);
    }
}
