using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Functions;

public sealed class DegenerateSaddleTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    public void Derivatives_agree_with_finite_differences(int p)
    {
        var f = new DegenerateSaddle(p, 0.5, 2);
        var rng = new Random(p);
        for (int k = 0; k < 30; k++)
        {
            DerivativeCheck.At(f, DerivativeCheck.RandomPoint(f, rng), random: rng);
        }
    }

    [Fact]
    public void Default_is_x_squared_minus_y_to_the_fourth_with_a_singular_PSD_Hessian_yet_a_saddle()
    {
        var f = new DegenerateSaddle();
        Assert.Equal("x² − y⁴", f.Name);
        Assert.Equal(4 - 81, f.Value(V(2, 3)), 12);                  // 2² − 3⁴
        var h0 = f.Hessian(V(0, 0));
        Assert.Equal(Matrix<double>.Build.DenseOfDiagonalArray([2, 0]), h0);
        // The second-order test sees a PSD Hessian, but L < 0 on both sides along y.
        Assert.True(f.Value(V(0, 1e-2)) < 0 && f.Value(V(0, -1e-2)) < 0);
        var cp = f.KnownCriticalPoints.Single();
        Assert.True(cp.IsDegenerate);
        Assert.Equal(0, cp.Index);
        Assert.Empty(f.KnownMinimizers);
    }

    [Fact]
    public void Gradient_descent_escapes_the_degenerate_direction_only_polynomially_slowly()
    {
        // Along y, GD on −y⁴ is y ← y + 4εy³; flow time to blow up from y₀ is y₀⁻²/(4·2) (doc formula, p = 4, b = 1).
        // With ε = 0.01 and y₀ = 0.1 the discrete map needs about that time / ε = 1250 steps to reach y = 1.
        var f = new DegenerateSaddle();
        var theta = V(0.5, 0.1);
        int steps = 0;
        while (Math.Abs(theta[1]) < 1 && steps < 10_000)
        {
            theta -= 0.01 * f.Gradient(theta);
            steps++;
        }
        // Hand bound: reaching y = 1 takes (y₀⁻² − 1)/(8ε) = 99/0.08 ≈ 1238 flow steps; the explicit Euler map runs a
        // little ahead of the flow (convex growth), so allow 10% either way.
        Assert.InRange(steps, 1100, 1370);
    }

    [Fact]
    public void Bad_arguments_name_themselves()
    {
        Assert.Equal("power", Assert.Throws<ArgumentOutOfRangeException>(() => new DegenerateSaddle(2)).ParamName);
        Assert.Equal("power", Assert.Throws<ArgumentOutOfRangeException>(() => new DegenerateSaddle(-1)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentOutOfRangeException>(() => new DegenerateSaddle(a: 0)).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentOutOfRangeException>(() => new DegenerateSaddle(b: -1)).ParamName);
    }
}
