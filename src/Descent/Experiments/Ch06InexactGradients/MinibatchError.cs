using Descent.Data;
using Descent.Models;

namespace Descent.Experiments;

/// <summary>
/// Harakeh's "standard error of the mean is σ/√n" on a real network: at a mid-training θ of the digits MLP, the
/// minibatch gradient ĝₙ (mean of n per-example gradients) is measured against the full gradient g for a range of
/// batch sizes. The error falls like σ/√n — slope −½ on a log-log plot — so 100× the examples buy only 10× less error
/// (the "less than linear return"); without replacement the finite-population factor √((N − n)/(N − 1)) takes it to 0 at n = N.
/// </summary>
public sealed class MinibatchError : Experiment<MinibatchErrorParameters, MinibatchErrorResult>
{
    /// <inheritdoc />
    public override string Name => "minibatch-error";

    /// <inheritdoc />
    public override string Chapter => "06";

    /// <inheritdoc />
    public override string Summary => "Error of the minibatch gradient vs batch size on the digits MLP, against σ/√n.";

    /// <summary>The digits MLP on the training split and the mid-training θ where the error is measured: the Glorot start
    /// followed by <see cref="MinibatchErrorParameters.WarmupSteps"/> SGD steps (batch 32, ε = 0.1).</summary>
    public static (Mlp Model, MathNet.Numerics.LinearAlgebra.Vector<double> Theta) MeasurementPoint(MinibatchErrorParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Guard.AllAtLeast(parameters.Hidden, 1, "Hidden");
        Guard.AtLeast(parameters.WarmupSteps, 0, nameof(parameters.WarmupSteps));
        var split = Digits.Load(seed: parameters.Seed);
        var mlp = InexactGradientSetup.Network(parameters.Hidden, split.Train);
        var theta = InexactGradientSetup.Start(mlp, parameters.Seed);
        var sampler = MinibatchSampler.ShuffledEachEpoch(mlp.ExampleCount, 32, parameters.Seed);
        theta = MinibatchTraining.Sgd(mlp, theta, 0.1, parameters.WarmupSteps, sampler, Math.Max(1, parameters.WarmupSteps), (_, _) => { }, default);
        return (mlp, theta);
    }

    /// <inheritdoc />
    public override MinibatchErrorResult Run(MinibatchErrorParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Guard.AllAtLeast(parameters.Hidden, 1, "Hidden");
        Guard.NonEmpty(parameters.BatchSizes, nameof(parameters.BatchSizes));
        Guard.AtLeast(parameters.WarmupSteps, 0, nameof(parameters.WarmupSteps));
        Guard.AtLeast(parameters.Draws, 2, nameof(parameters.Draws));
        Guard.AtLeast(parameters.ExamplesPerSize, 0, nameof(parameters.ExamplesPerSize));

        var (mlp, theta) = MeasurementPoint(parameters);
        int n = mlp.ExampleCount;
        foreach (int b in parameters.BatchSizes)
            if (b < 1 || b > n) throw new ArgumentOutOfRangeException(nameof(parameters), b, $"every batch size must be in 1..{n} (the training examples).");

        var perExample = GradientNoise.PerExampleGradients(mlp, theta);
        var g = GradientNoise.Mean(perExample);
        double sigma = GradientNoise.StandardDeviation(perExample);
        var rng = new Random(parameters.Seed + 104729);
        int m = parameters.BatchSizes.Length;
        var measured = new double[m];
        var predicted = new double[m];
        var measuredWithout = new double[m];
        var predictedWithout = new double[m];
        for (int k = 0; k < m; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int b = parameters.BatchSizes[k];
            int draws = Math.Max(parameters.Draws, (parameters.ExamplesPerSize + b - 1) / b);
            measured[k] = GradientNoise.MeasuredError(perExample, b, draws, rng);
            predicted[k] = GradientNoise.PredictedError(sigma, b, n);
            measuredWithout[k] = parameters.WithoutReplacement
                ? GradientNoise.MeasuredError(perExample, b, draws, rng, withReplacement: false) : double.NaN;
            predictedWithout[k] = GradientNoise.PredictedError(sigma, b, n, withReplacement: false);
            progress?.Report((k + 1.0) / m);
        }
        return new MinibatchErrorResult(n, sigma, Math.Sqrt(g.Sum(x => x * x)), [.. parameters.BatchSizes], measured, predicted, measuredWithout, predictedWithout);
    }
}
