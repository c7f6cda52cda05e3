using System.Diagnostics;
using Descent.Data;

namespace Descent.Experiments;

/// <summary>
/// Harakeh's "what minibatch size should we use?": SGD on the digits MLP with batch sizes from 1 to the full training set,
/// each until the full training loss reaches a target. The deterministic cost is the number of example gradients
/// computed (the rows of all the batches used); the wall-clock time of the steps is measured too, but depends on the machine, its load and
/// how well a batch of B uses the cores — it changes from run to run. The validation loss and error at the target show
/// whether small batches generalize better at equal training loss (the regularizing effect, Wilson &amp; Martinez 2003).
/// </summary>
public sealed class BatchSizeRace : Experiment<BatchSizeRaceParameters, BatchSizeRaceResult>
{
    /// <inheritdoc />
    public override string Name => "batch-size-time";

    /// <inheritdoc />
    public override string Chapter => "06";

    /// <inheritdoc />
    public override string Summary => "Batch size vs examples and wall-clock time to a target training loss on the digits MLP.";

    /// <inheritdoc />
    public override BatchSizeRaceResult Run(BatchSizeRaceParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Guard.AllAtLeast(parameters.Hidden, 1, "Hidden");
        Guard.NonEmpty(parameters.BatchSizes, nameof(parameters.BatchSizes));
        if (parameters.LearningRates is null || parameters.LearningRates.Length != parameters.BatchSizes.Length)
            throw new ArgumentException("LearningRates needs one learning rate per batch size.", nameof(parameters));
        foreach (double e in parameters.LearningRates) Guard.Positive(e, nameof(parameters.LearningRates));
        Guard.Positive(parameters.TargetLoss, nameof(parameters.TargetLoss));
        Guard.AtLeast(parameters.MaxEpochs, 1, nameof(parameters.MaxEpochs));
        Guard.AtLeast(parameters.CheckEvery, 1, nameof(parameters.CheckEvery));

        var split = Digits.Load(seed: parameters.Seed);
        var mlp = InexactGradientSetup.Network(parameters.Hidden, split.Train);
        var validation = InexactGradientSetup.Network(parameters.Hidden, split.Validation);
        int n = mlp.ExampleCount;
        foreach (int b in parameters.BatchSizes)
            if (b < 1 || b > n) throw new ArgumentOutOfRangeException(nameof(parameters), b, $"every batch size must be in 1..{n}.");
        var theta0 = InexactGradientSetup.Start(mlp, parameters.Seed);
        var rows = new List<BatchSizeRaceRow>();
        for (int j = 0; j < parameters.BatchSizes.Length; j++)
        {
            int b = parameters.BatchSizes[j];
            double eps = parameters.LearningRates[j];
            var sampler = MinibatchSampler.ShuffledEachEpoch(n, b, parameters.Seed);
            var theta = theta0.Clone();
            long examples = 0, nextCheck = parameters.CheckEvery, budget = (long)parameters.MaxEpochs * n;
            int steps = 0;
            bool reached = false;
            double loss = mlp.Value(theta);
            var clock = new Stopwatch();
            while (examples < budget)
            {
                cancellationToken.ThrowIfCancellationRequested();
                clock.Start();
                var batch = sampler.Next();
                var g = mlp.ValueAndGradient(theta, batch).Gradient;
                theta.Subtract(eps * g, theta);
                clock.Stop();
                examples += batch.Length;
                steps++;
                if (examples >= nextCheck)
                {
                    while (nextCheck <= examples) nextCheck += parameters.CheckEvery;
                    loss = mlp.Value(theta);
                    if (!double.IsFinite(loss)) break;
                    if (loss <= parameters.TargetLoss) { reached = true; break; }
                }
            }
            rows.Add(new BatchSizeRaceRow(b, eps, reached, steps, examples, clock.Elapsed.TotalSeconds, loss,
                validation.Value(theta), validation.ZeroOneLoss(theta)));
            progress?.Report((j + 1.0) / parameters.BatchSizes.Length);
        }
        return new BatchSizeRaceResult(rows, n, parameters.TargetLoss);
    }
}
