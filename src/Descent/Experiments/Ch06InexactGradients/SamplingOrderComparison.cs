using Descent.Data;

namespace Descent.Experiments;

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
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.BatchSize, $"BatchSize must be in 1..{mlp.ExampleCount}.");
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
                if (k >= lastEpochStep && lastEpochStart < 0) lastEpochStart = steps.Count;
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
