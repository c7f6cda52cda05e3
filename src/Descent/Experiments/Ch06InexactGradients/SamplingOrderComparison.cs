using Descent.Data;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="SamplingOrderComparison"/>.</summary>
public sealed record SamplingOrderParameters
{
    /// <summary>Hidden-layer widths of the digits MLP.</summary>
    public int[] Hidden { get; init; } = [32];

    /// <summary>The orders compared.</summary>
    public SamplingOrder[] Orders { get; init; } = [SamplingOrder.ShuffledEachEpoch, SamplingOrder.ShuffledOnce, SamplingOrder.SortedByClass];

    /// <summary>Minibatch size B (1 … 1078).</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>Constant learning rate ε &gt; 0.</summary>
    public double LearningRate { get; init; } = 0.5;

    /// <summary>Epochs (≥ 1).</summary>
    public int Epochs { get; init; } = 6;

    /// <summary>Record the full training loss and the validation error every this many steps (≥ 1).</summary>
    public int RecordEvery { get; init; } = 9;

    /// <summary>Seed of the split, the initialization (the same for every order) and the orders.</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>
/// Harakeh's "sampling minibatches": the same network, start, learning rate and number of steps, with minibatches
/// from a fresh shuffle every epoch, from one shuffle reused every epoch ("shuffle once and store on disk"), and from the
/// data sorted by class. Shuffling once costs nothing measurable; sorted batches are strongly correlated (each holds
/// one or two digits), so every stretch of steps pulls the network towards the current class and it forgets the others.
/// </summary>
public sealed class SamplingOrderComparison : Experiment<SamplingOrderParameters, SamplingOrderResult>
{
    /// <inheritdoc />
    public override string Name => "sampling-order";

    /// <inheritdoc />
    public override string Chapter => "06";

    /// <inheritdoc />
    public override string Summary => "Training curves of the digits MLP for shuffled-every-epoch, shuffled-once and sorted-by-class minibatches.";

    /// <inheritdoc />
    public override SamplingOrderResult Run(SamplingOrderParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Guard.AllAtLeast(parameters.Hidden, 1, "Hidden");
        Guard.NonEmpty(parameters.Orders, nameof(parameters.Orders));
        Guard.Positive(parameters.LearningRate, nameof(parameters.LearningRate));
        Guard.AtLeast(parameters.Epochs, 1, nameof(parameters.Epochs));
        Guard.AtLeast(parameters.RecordEvery, 1, nameof(parameters.RecordEvery));

        var split = Digits.Load(seed: parameters.Seed);
        var mlp = InexactGradientSetup.Network(parameters.Hidden, split.Train);
        var validation = InexactGradientSetup.Network(parameters.Hidden, split.Validation);
        if (parameters.BatchSize < 1 || parameters.BatchSize > mlp.ExampleCount)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.BatchSize, $"BatchSize must be in 1..{mlp.ExampleCount}.");
        }

        var theta0 = InexactGradientSetup.Start(mlp, parameters.Seed);
        var curves = new List<SamplingOrderCurve>();
        for (int j = 0; j < parameters.Orders.Length; j++)
        {
            var sampler = MinibatchSampler.Create(parameters.Orders[j], split.Train, parameters.BatchSize, parameters.Seed);
            int total = parameters.Epochs * sampler.BatchesPerEpoch, lastEpochStep = (parameters.Epochs - 1) * sampler.BatchesPerEpoch;
            var theta = theta0.Clone();
            List<int> steps = [];
            List<double> loss = [], error = [];
            int lastEpochStart = -1;
            MinibatchTraining.Sgd(mlp, theta, parameters.LearningRate, total, sampler, parameters.RecordEvery, (k, at) =>
            {
                if (k >= lastEpochStep && lastEpochStart < 0)
                {
                    lastEpochStart = steps.Count;
                }

                steps.Add(k);
                loss.Add(mlp.Value(at));
                error.Add(validation.ZeroOneLoss(at));
            }, cancellationToken);
            curves.Add(new SamplingOrderCurve(parameters.Orders[j], [.. steps], steps.Select(s => s / (double)sampler.BatchesPerEpoch).ToArray(),
                [.. loss], [.. error], lastEpochStart));
            progress?.Report((j + 1.0) / parameters.Orders.Length);
        }
        return new SamplingOrderResult(curves);
    }
}

/// <summary>Result of <see cref="SamplingOrderComparison"/>: one training curve per sampling order.</summary>
/// <param name="Curves">In the order of the parameters.</param>
public sealed record SamplingOrderResult(IReadOnlyList<SamplingOrderCurve> Curves) : IExperimentResult
{
    /// <summary>The curve of one order.</summary>
    public SamplingOrderCurve this[SamplingOrder order] => Curves.FirstOrDefault(c => c.Order == order)
        ?? throw new ArgumentOutOfRangeException(nameof(order), order, $"not run; the orders are {string.Join(", ", Curves.Select(c => c.Order))}.");

    /// <inheritdoc />
    public string Summary => "over the last epoch, mean (peak) training loss and mean validation error: "
        + string.Join("; ", Curves.Select(c => $"{c.Order} {c.LastEpochLoss:G3} ({c.LastEpochPeakLoss:G3}), {c.LastEpochValidationError:P1}"));

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["order", "step", "epoch", "train_loss", "validation_error"],
        Curves.SelectMany(c => c.Steps.Select((s, k) => (IReadOnlyList<object>)[c.Order.ToString(), s, c.Epochs[k], c.TrainLoss[k], c.ValidationError[k]])).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>The training curve of one sampling order in <see cref="SamplingOrderComparison"/>.</summary>
/// <param name="Order">How the minibatches were formed.</param>
/// <param name="Steps">SGD step of each record.</param>
/// <param name="Epochs">The same steps in epochs.</param>
/// <param name="TrainLoss">Full training loss L(θₖ).</param>
/// <param name="ValidationError">Validation 0-1 error at θₖ.</param>
/// <param name="LastEpochStart">Index of the first record in the last epoch.</param>
public sealed record SamplingOrderCurve(SamplingOrder Order, int[] Steps, double[] Epochs, double[] TrainLoss, double[] ValidationError, int LastEpochStart)
{
    /// <summary>Mean training loss over the records of the last epoch.</summary>
    public double LastEpochLoss => TrainLoss[LastEpochStart..].Average();

    /// <summary>Largest training loss over the records of the last epoch (the top of the saw-tooth).</summary>
    public double LastEpochPeakLoss => TrainLoss[LastEpochStart..].Max();

    /// <summary>Mean validation error over the records of the last epoch.</summary>
    public double LastEpochValidationError => ValidationError[LastEpochStart..].Average();

    /// <inheritdoc />
    public override string ToString() =>
        $"{Order}: training loss {TrainLoss[0]:G3} → {TrainLoss[^1]:G3} (last-epoch mean {LastEpochLoss:G3}), validation error over the last epoch {LastEpochValidationError:P1}";
}
