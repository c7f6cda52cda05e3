using Descent.Data;

namespace Descent.Experiments;

/// <summary>
/// Harakeh's biased estimates: in the first epoch every minibatch is fresh data, so its loss (and gradient), taken before
/// the step that uses it, is an unbiased estimate of the generalization loss (and gradient) at the current θ. From the
/// second epoch on the same examples come back: θ has already been fitted to them, so the batch estimates follow the
/// training loss and fall below the validation loss — the gap that opens is the bias of re-used examples.
/// </summary>
public sealed class EpochReuse : Experiment<EpochReuseParameters, EpochReuseResult>
{
    /// <inheritdoc />
    public override string Name => "epoch-reuse";

    /// <inheritdoc />
    public override string Chapter => "06";

    /// <inheritdoc />
    public override string Summary => "Batch loss vs validation loss per epoch: unbiased in the first pass, biased once examples are re-used.";

    /// <inheritdoc />
    public override EpochReuseResult Run(EpochReuseParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Guard.AllAtLeast(parameters.Hidden, 1, "Hidden");
        Guard.Positive(parameters.LearningRate, nameof(parameters.LearningRate));
        Guard.AtLeast(parameters.Epochs, 2, nameof(parameters.Epochs));
        Guard.AtLeast(parameters.MonitorEvery, 1, nameof(parameters.MonitorEvery));
        var split = Digits.Load(seed: parameters.Seed);
        if (parameters.TrainCount < 10 || parameters.TrainCount > split.Train.Count)
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.TrainCount, $"TrainCount must be in 10..{split.Train.Count}.");
        if (parameters.BatchSize < 1 || parameters.BatchSize > parameters.TrainCount)
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.BatchSize, $"BatchSize must be in 1..{parameters.TrainCount}.");

        // The training split is already shuffled (class-interleaved), so its first TrainCount rows are a random subset.
        var train = split.Train.Subset(Enumerable.Range(0, parameters.TrainCount).ToArray(), "digits train subset");
        var mlp = InexactGradientSetup.Network(parameters.Hidden, train);
        var validation = InexactGradientSetup.Network(parameters.Hidden, split.Validation);
        var theta = InexactGradientSetup.Start(mlp, parameters.Seed);
        var sampler = MinibatchSampler.ShuffledEachEpoch(mlp.ExampleCount, parameters.BatchSize, parameters.Seed);
        var batchLoss = new double[parameters.Epochs];
        var trainLoss = new double[parameters.Epochs];
        var validationLoss = new double[parameters.Epochs];
        for (int e = 0; e < parameters.Epochs; e++)
        {
            var batches = sampler.NextEpoch();
            int monitored = 0;
            for (int k = 0; k < batches.Count; k++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (k % parameters.MonitorEvery == 0)
                {
                    trainLoss[e] += mlp.Value(theta);
                    validationLoss[e] += validation.Value(theta);
                    monitored++;
                }
                var (loss, g) = mlp.ValueAndGradient(theta, batches[k]);
                batchLoss[e] += loss / batches.Count;
                theta.Subtract(parameters.LearningRate * g, theta);
            }
            trainLoss[e] /= monitored;
            validationLoss[e] /= monitored;
            progress?.Report((e + 1.0) / parameters.Epochs);
        }
        return new EpochReuseResult(Enumerable.Range(1, parameters.Epochs).ToArray(), batchLoss, trainLoss, validationLoss, mlp.ExampleCount);
    }
}
