using Descent.Data;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Models;

public sealed class GradientNoiseTests
{
    private static (Mlp Model, Vector<double> Theta) SmallMlp()
    {
        var train = Digits.Load(seed: 3).Train.Subset(Enumerable.Range(0, 60).ToArray());
        var mlp = new Mlp([64, 8, 10], Activation.Tanh, LossFunction.SoftmaxCrossEntropy, train.Inputs, train.Labels!, l2: 1e-3);
        return (mlp, mlp.Initialize(Initialization.Glorot, 3));
    }

    [Fact]
    public void Per_example_gradients_average_to_the_batched_full_gradient_and_sigma_matches_the_one_pass_formula()
    {
        var (mlp, theta) = SmallMlp();
        var rows = GradientNoise.PerExampleGradients(mlp, theta);
        var mean = Vector<double>.Build.DenseOfArray(GradientNoise.Mean(rows));
        var full = mlp.Gradient(theta);
        // Same sums in a different order (one batched pass vs 60 single-row passes, L2 term included in each): rounding only.
        Assert.True((mean - full).L2Norm() <= 1e-12 * full.L2Norm() + 1e-15, $"{(mean - full).L2Norm()}");
        // Independent formula σ² = (1/N) Σ‖gᵢ‖² − ‖ḡ‖² (one pass; cancellation costs at most ~1e-12 relative here).
        double meanSquare = rows.Average(r => r.Sum(x => x * x));
        double expected = Math.Sqrt(meanSquare - full.DotProduct(full));
        Assert.Equal(expected, GradientNoise.StandardDeviation(mlp, theta), 1e-9 * expected);
    }

    [Fact]
    public void Measured_error_follows_sigma_over_root_n_and_the_finite_population_correction()
    {
        // Scalars ±1 (N = 10): σ = 1 exactly. With replacement the mean of n draws has RMS error 1/√n; the estimate from
        // R = 20,000 draws has relative standard error ≈ √(Var(d²))/(2 E d² √R) ≤ 1/√(2R)·√(κ/2 + …) < 1 %, so 3 % is > 3 SE.
        var rows = Enumerable.Range(0, 10).Select(i => new[] { i % 2 == 0 ? 1.0 : -1.0 }).ToArray();
        Assert.Equal(1.0, GradientNoise.StandardDeviation(rows), 1e-15);
        var rng = new Random(11);
        foreach (int n in new[] { 1, 4, 9 })
        {
            double measured = GradientNoise.MeasuredError(rows, n, 20_000, rng);
            Assert.Equal(1 / Math.Sqrt(n), measured, 0.03 / Math.Sqrt(n));
            double without = GradientNoise.MeasuredError(rows, n, 20_000, rng, withReplacement: false);
            double fpc = Math.Sqrt((10.0 - n) / 9.0) / Math.Sqrt(n);
            Assert.Equal(fpc, GradientNoise.PredictedError(1.0, n, 10, withReplacement: false), 1e-15);
            Assert.Equal(fpc, without, 0.03 * fpc);
        }
        // The whole data set without replacement is the exact gradient: error 0 (to rounding of the mean).
        Assert.True(GradientNoise.MeasuredError(rows, 10, 5, rng, withReplacement: false) < 1e-15);
    }

    [Fact]
    public void Slope_of_a_power_law_and_the_batch_size_for_a_target_error_are_exact()
    {
        var x = new double[] { 1, 10, 100, 1000 };
        Assert.Equal(-0.5, GradientNoise.LogLogSlope(x, x.Select(v => 3 / Math.Sqrt(v)).ToArray()), 12);
        // σ = 2, target 0.1: σ/√n ≤ 0.1 ⇔ n ≥ 400; σ = 2.5: n ≥ 625.
        Assert.Equal(400, GradientNoise.BatchSizeFor(2, 0.1));
        Assert.Equal(625, GradientNoise.BatchSizeFor(2.5, 0.1));
        Assert.Equal(626, GradientNoise.BatchSizeFor(2.5001, 0.1));
    }

    [Fact]
    public void Bad_arguments_name_the_parameter_and_the_range()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => GradientNoise.PredictedError(1, 11, 10, withReplacement: false));
        Assert.Equal("batchSize", e.ParamName);
        Assert.Contains("1..10", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientNoise.BatchSizeFor(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientNoise.MeasuredError([[1.0], [2.0]], 1, 1, new Random(1)));
    }
}
