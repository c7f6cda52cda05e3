using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Functions;

public sealed class BaityJesiValleyTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    [InlineData(1.0)]
    public void Derivatives_agree_with_finite_differences(double epsilon)
    {
        var f = new BaityJesiValley(epsilon);
        var rng = new Random(23);
        for (int k = 0; k < 40; k++)
        {
            DerivativeCheck.At(f, DerivativeCheck.RandomPoint(f, rng), random: rng);
        }
    }

    [Fact]
    public void Hand_values_and_the_minimum_with_condition_number_one_over_epsilon()
    {
        var f = new BaityJesiValley(0.1);
        Assert.Equal(Math.Pow(3 - 4, 2) + 0.1 * 4, f.Value(V(2, 3)), 13); // (3 − 2²)² + 0.1·2²
        Assert.Equal(Matrix<double>.Build.DenseOfDiagonalArray([0.2, 2]), f.Hessian(V(0, 0)));
        Assert.Equal(0.1 * 2.25, f.Value(f.FloorPoint(1.5)), 13);         // on the floor L = εw₁²
    }

    [Fact]
    public void With_epsilon_zero_the_whole_parabola_is_minimal_and_connected()
    {
        var f = new BaityJesiValley(0);
        for (double w1 = -2; w1 <= 2; w1 += 0.25)
        {
            var p = f.FloorPoint(w1);
            Assert.Equal(0.0, f.Value(p));
            Assert.Equal(0.0, f.Gradient(p).InfinityNorm());
        }
    }

    [Fact]
    public void Bad_epsilon_is_rejected_by_name()
    {
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new BaityJesiValley(-0.1)).ParamName);
    }
}
