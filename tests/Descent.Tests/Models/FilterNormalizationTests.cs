using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Models;

public sealed class FilterNormalizationTests
{
    private static Mlp Model()
    {
        var x = Matrix<double>.Build.Dense(4, 3, (i, j) => Math.Sin(i + 2 * j));
        return new Mlp([3, 5, 2], Activation.Tanh, LossFunction.SoftmaxCrossEntropy, x, [0, 1, 1, 0]);
    }

    [Fact]
    public void Every_weight_row_gets_the_norm_of_the_same_row_of_theta_and_biases_are_zero()
    {
        var mlp = Model();
        var theta = mlp.Initialize(Initialization.Glorot, 3);
        var d = FilterNormalization.RandomDirection(mlp, theta, 11);
        for (int l = 0; l < mlp.LayerCount; l++)
        {
            var w = mlp.Weights(d, l);
            var wt = mlp.Weights(theta, l);
            for (int r = 0; r < w.RowCount; r++)
            {
                Assert.Equal(wt.Row(r).L2Norm(), w.Row(r).L2Norm(), 1e-12); // rescaling is exact up to rounding
            }

            Assert.Equal(0.0, mlp.Biases(d, l).L2Norm());
        }
    }

    [Fact]
    public void Normalize_only_rescales_each_row_so_directions_within_a_row_are_kept()
    {
        var mlp = Model();
        var theta = mlp.Initialize(Initialization.Glorot, 3);
        var raw = Vector<double>.Build.Dense(mlp.Dimension, i => i % 3 - 1.0 + 0.1 * i);
        var d = FilterNormalization.Normalize(mlp, raw, theta);
        var r0 = mlp.Weights(raw, 0).Row(1);
        var d0 = mlp.Weights(d, 0).Row(1);
        // Parallel rows: cos = 1 to rounding.
        Assert.Equal(1.0, r0.DotProduct(d0) / (r0.L2Norm() * d0.L2Norm()), 12);
    }

    [Fact]
    public void Same_seed_same_direction_and_bad_lengths_are_rejected()
    {
        var mlp = Model();
        var theta = mlp.Initialize(Initialization.Glorot, 3);
        Assert.Equal(FilterNormalization.RandomDirection(mlp, theta, 5), FilterNormalization.RandomDirection(mlp, theta, 5));
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => FilterNormalization.RandomDirection(mlp, Vector<double>.Build.Dense(2), 5)).ParamName);
    }
}
