using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Functions;

public sealed class IndexSaddleTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(0.0)]
    public void Derivatives_agree_with_finite_differences(double gamma)
    {
        var f = new IndexSaddle(6, 2, [0.5, 1, 2, 3, 0.7, 4], gamma);
        var rng = new Random(17);
        for (int k = 0; k < 30; k++)
        {
            DerivativeCheck.At(f, DerivativeCheck.RandomPoint(f, rng), random: rng);
        }
    }

    [Fact]
    public void The_origin_is_a_saddle_of_index_k_with_eigenvalues_plus_and_minus_lambda()
    {
        var f = new IndexSaddle(5, 2, [1, 2, 3, 4, 5]);
        var h = f.Hessian(Vector<double>.Build.Dense(5));
        Assert.Equal(Matrix<double>.Build.DenseOfDiagonalArray([1, 2, 3, -4, -5]), h);
        Assert.Equal([1, 2, 3, -4, -5], f.SaddleEigenvalues);
    }

    [Fact]
    public void Critical_points_are_three_to_the_k_and_a_higher_index_means_a_higher_loss()
    {
        var f = new IndexSaddle(7, 3, confinement: 2.0);
        var cps = f.KnownCriticalPoints;
        Assert.Equal(27, cps.Count);
        // λ = 1, γ = 2: a point with m escape coordinates at 0 has index m and value −(3 − m)/(4·2).
        foreach (var cp in cps)
        {
            Assert.Equal(-(3 - cp.Index) / 8.0, cp.Value, 14);
        }

        Assert.Equal(8, f.KnownMinimizers.Count);
        Assert.Equal(-3 / 8.0, f.MinimumValue, 14);
        // Minimizers sit at ±√(λ/γ) = ±1/√2.
        Assert.All(f.KnownMinimizers, m => Assert.Equal(1 / Math.Sqrt(2), Math.Abs(m[6]), 14));
    }

    [Fact]
    public void Gradient_descent_from_near_the_saddle_escapes_into_a_minimum()
    {
        // With the quartic confinement the escape is finite: from a point 1e-6 off the saddle, plain GD
        // (ε = 0.1 < 2/λmax = 2/2 at the minima) reaches one of the 2ᵏ minima with the stated value.
        var f = new IndexSaddle(10, 3);
        var rng = new Random(1);
        var theta = Vector<double>.Build.Dense(10, _ => 1e-6 * (rng.NextDouble() - 0.5));
        for (int k = 0; k < 2000; k++)
        {
            theta -= 0.1 * f.Gradient(theta);
        }
        // Error after 2000 steps: contraction ≤ (1 − 0.1·1)ⁿ after escape, far below 1e-9.
        Assert.Equal(f.MinimumValue, f.Value(theta), 9);
    }

    [Fact]
    public void Bad_arguments_name_themselves()
    {
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => new IndexSaddle(3, 4)).ParamName);
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => new IndexSaddle(0, 0)).ParamName);
        Assert.Equal("curvatures", Assert.Throws<ArgumentException>(() => new IndexSaddle(3, 1, [1, 2])).ParamName);
        Assert.Equal("curvatures", Assert.Throws<ArgumentException>(() => new IndexSaddle(2, 1, [1, -2])).ParamName);
        Assert.Equal("confinement", Assert.Throws<ArgumentOutOfRangeException>(() => new IndexSaddle(confinement: -1)).ParamName);
        var f = new IndexSaddle(4, 2);
        Assert.Equal("signs", Assert.Throws<ArgumentException>(() => f.CriticalPoint([1])).ParamName);
    }
}
