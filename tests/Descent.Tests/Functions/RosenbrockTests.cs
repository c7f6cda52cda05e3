using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Functions;

public sealed class RosenbrockTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void Derivatives_agree_with_finite_differences(int n)
    {
        var f = new Rosenbrock(n);
        var rng = new Random(20261125 + n);
        for (int k = 0; k < 30; k++)
        {
            DerivativeCheck.At(f, DerivativeCheck.RandomPoint(f, rng), random: rng);
        }
    }

    [Fact]
    public void Minimum_is_zero_at_all_ones_with_zero_gradient()
    {
        var f = new Rosenbrock(4);
        var ones = f.KnownMinimizers[0];
        Assert.Equal(0.0, f.Value(ones));
        Assert.Equal(0.0, f.Gradient(ones).InfinityNorm());
        // Hand value at (−1, 1): 100(1 − 1)² + (1 + 1)² = 4.
        Assert.Equal(4.0, new Rosenbrock().Value(Vector<double>.Build.DenseOfArray([-1, 1])), 12);
    }
}
