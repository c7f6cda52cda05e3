using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Functions;

public sealed class NesterovChainTests
{
    /// <summary>Minimum of the chain over span{e₁ … e_k}, by solving the leading k×k block directly.</summary>
    private static double SpanMinimum(NesterovChain f, int k)
    {
        if (k == 0)
        {
            return f.Value(Vector<double>.Build.Dense(f.Dimension));
        }

        var h = f.Hessian(Vector<double>.Build.Dense(f.Dimension)).SubMatrix(0, k, 0, k);
        var rhs = Vector<double>.Build.Dense(k);
        rhs[0] = f.Smoothness / 4;
        var z = h.Solve(rhs);
        var x = Vector<double>.Build.Dense(f.Dimension);
        for (int i = 0; i < k; i++)
        {
            x[i] = z[i];
        }

        return f.Value(x);
    }

    [Theory]
    [InlineData(5, 1.0)]
    [InlineData(21, 2.5)]
    public void The_minimum_the_distance_and_the_Krylov_minima_match_direct_computation(int n, double m)
    {
        var f = new NesterovChain(n, m);
        var xStar = f.Minimizer;
        // Dense solves and sums agree with the closed forms to rounding (1e-12).
        Assert.Equal(f.Value(xStar), f.MinimumValue, 12);
        Assert.Equal(xStar.DotProduct(xStar), f.SquaredDistanceFromOrigin, 12);
        for (int k = 0; k <= n; k++)
        {
            Assert.Equal(SpanMinimum(f, k), f.KrylovMinimum(k), 12);
        }

        Assert.Equal(0.0, f.KrylovGap(n), 15);
    }

    [Fact]
    public void The_eigenvalues_are_M_sin_squared_and_lie_in_0_M()
    {
        var f = new NesterovChain(12, 3.0);
        var ev = f.Hessian(Vector<double>.Build.Dense(12)).Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).Order().ToArray();
        var expected = Enumerable.Range(1, 12).Select(j => 3.0 * Math.Pow(Math.Sin(j * Math.PI / 26), 2)).ToArray();
        for (int j = 0; j < 12; j++)
        {
            Assert.Equal(expected[j], ev[j], 12);
        }

        Assert.Equal(ev[^1], f.GradientLipschitzConstant, 12);
        Assert.Equal(ev[0], f.SmallestEigenvalue, 12);
    }

    [Fact]
    public void With_n_equal_2k_plus_1_the_Krylov_gap_exceeds_Nesterovs_3MR2_over_32_k_plus_1_squared()
    {
        // Nesterov (2004), Theorem 2.1.7.
        foreach (int k in new[] { 1, 5, 50 })
        {
            var f = new NesterovChain(2 * k + 1, 1.7);
            Assert.True(f.KrylovGap(k) >= 3 * 1.7 * f.SquaredDistanceFromOrigin / (32.0 * (k + 1) * (k + 1)));
        }
    }
}
