using Descent.Data;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="EpochReuse"/>.</summary>
public sealed record EpochReuseParameters
{
    /// <summary>Hidden-layer widths of the digits MLP.</summary>
    public int[] Hidden { get; init; } = [32];

    /// <summary>Training examples used, 10 … 1078: the first rows of the (shuffled, class-interleaved) training split; few, so
    /// that re-use shows quickly.</summary>
    public int TrainCount { get; init; } = 200;

    /// <summary>Minibatch size B.</summary>
    public int BatchSize { get; init; } = 10;

    /// <summary>Constant learning rate ε &gt; 0.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Epochs (≥ 2).</summary>
    public int Epochs { get; init; } = 25;

    /// <summary>Measure the full training and validation losses every this many steps (≥ 1).</summary>
    public int MonitorEvery { get; init; } = 1;

    /// <summary>Seed of the split, the initialization and the minibatch order.</summary>
    public int Seed { get; init; } = 1;
}

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
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.TrainCount, $"TrainCount must be in 10..{split.Train.Count}.");
        }

        if (parameters.BatchSize < 1 || parameters.BatchSize > parameters.TrainCount)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.BatchSize, $"BatchSize must be in 1..{parameters.TrainCount}.");
        }

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

/// <summary>Result of <see cref="EpochReuse"/>: per epoch, three estimates of the loss at the current parameters.</summary>
/// <param name="Epochs">1, 2, … .</param>
/// <param name="BatchLoss">Mean over the epoch's steps of the loss of the batch about to be used, before the step uses it.</param>
/// <param name="TrainLoss">Mean over the epoch's monitored steps of the full training loss.</param>
/// <param name="ValidationLoss">Mean over the same steps of the validation loss (an independent estimate of the generalization loss).</param>
/// <param name="TrainCount">N, the training examples.</param>
public sealed record EpochReuseResult(int[] Epochs, double[] BatchLoss, double[] TrainLoss, double[] ValidationLoss, int TrainCount) : IExperimentResult
{
    /// <summary>Validation loss minus batch loss per epoch: ≈ 0 in the first epoch (unbiased), positive and growing after.</summary>
    public double[] Gap => ValidationLoss.Zip(BatchLoss, (v, b) => v - b).ToArray();

    /// <inheritdoc />
    public string Summary =>
        $"N = {TrainCount}. Epoch 1 (every batch unseen): batch loss {BatchLoss[0]:G3} vs validation {ValidationLoss[0]:G3} (gap {Gap[0]:+0.000;-0.000}). "
        + $"Epoch {Epochs[^1]} (every batch seen {Epochs[^1] - 1}×): batch loss {BatchLoss[^1]:G3}, training {TrainLoss[^1]:G3}, validation {ValidationLoss[^1]:G3} (gap {Gap[^1]:+0.000;-0.000})";

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["epoch", "batch_loss", "train_loss", "validation_loss", "gap"],
        Epochs.Select((e, k) => (IReadOnlyList<object>)[e, BatchLoss[k], TrainLoss[k], ValidationLoss[k], Gap[k]]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}
