using System.Diagnostics;
using Descent.Data;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="BatchSizeRace"/>.</summary>
public sealed record BatchSizeRaceParameters
{
    /// <summary>Hidden-layer widths of the digits MLP.</summary>
    public int[] Hidden { get; init; } = [32];

    /// <summary>Batch sizes B (each in 1 … 1078; 1078 is full-batch gradient descent).</summary>
    public int[] BatchSizes { get; init; } = [1, 4, 16, 64, 256, 1078];

    /// <summary>Learning rate ε per batch size (same length as <see cref="BatchSizes"/>, each &gt; 0). The defaults are, per
    /// batch size, the ε of the grid 0.025·2ʲ (j = 0 … 10) that reached the target with the fewest examples (seed 1, at most
    /// 100 epochs; the smaller ε on a tie): ε grows in proportion to B up to B = 64, then saturates.</summary>
    public double[] LearningRates { get; init; } = [0.05, 0.2, 0.8, 3.2, 3.2, 6.4];

    /// <summary>The race ends when the full training loss is at most this (&gt; 0).</summary>
    public double TargetLoss { get; init; } = 0.1;

    /// <summary>Give up after this many epochs (≥ 1).</summary>
    public int MaxEpochs { get; init; } = 300;

    /// <summary>Check the full training loss after every step that completes another this-many examples (≥ 1).</summary>
    public int CheckEvery { get; init; } = 128;

    /// <summary>Seed of the split, the initialization and the minibatch order.</summary>
    public int Seed { get; init; } = 1;
}

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
        {
            throw new ArgumentException("LearningRates needs one learning rate per batch size.", nameof(parameters));
        }

        foreach (double e in parameters.LearningRates)
        {
            Guard.Positive(e, nameof(parameters.LearningRates));
        }

        Guard.Positive(parameters.TargetLoss, nameof(parameters.TargetLoss));
        Guard.AtLeast(parameters.MaxEpochs, 1, nameof(parameters.MaxEpochs));
        Guard.AtLeast(parameters.CheckEvery, 1, nameof(parameters.CheckEvery));

        var split = Digits.Load(seed: parameters.Seed);
        var mlp = InexactGradientSetup.Network(parameters.Hidden, split.Train);
        var validation = InexactGradientSetup.Network(parameters.Hidden, split.Validation);
        int n = mlp.ExampleCount;
        foreach (int b in parameters.BatchSizes)
        {
            if (b < 1 || b > n)
            {
                throw new ArgumentOutOfRangeException(nameof(parameters), b, $"every batch size must be in 1..{n}.");
            }
        }

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
                    while (nextCheck <= examples)
                    {
                        nextCheck += parameters.CheckEvery;
                    }

                    loss = mlp.Value(theta);
                    if (!double.IsFinite(loss))
                    {
                        break;
                    }

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

/// <summary>Result of <see cref="BatchSizeRace"/>: per batch size the cost to reach the target training loss.</summary>
/// <param name="Rows">One row per batch size.</param>
/// <param name="ExampleCount">N, the training examples.</param>
/// <param name="TargetLoss">The target training loss.</param>
public sealed record BatchSizeRaceResult(IReadOnlyList<BatchSizeRaceRow> Rows, int ExampleCount, double TargetLoss) : IExperimentResult
{
    /// <summary>The row with the fewest examples processed among those that reached the target.</summary>
    public BatchSizeRaceRow FewestExamples => Rows.Where(r => r.Reached).MinBy(r => r.Examples)
        ?? throw new InvalidOperationException("no batch size reached the target loss.");

    /// <inheritdoc />
    public string Summary
    {
        get
        {
            var best = FewestExamples;
            var full = Rows.MaxBy(r => r.BatchSize)!;
            return $"target training loss {TargetLoss:G3}: fewest examples with B = {best.BatchSize} ({best.Epochs(ExampleCount):G3} epochs), "
                + $"B = {full.BatchSize} needs {full.Examples / (double)best.Examples:G3}× as many"
                + $"; validation error at the target {string.Join(" / ", Rows.Select(r => r.ValidationError.ToString("P1")))} for B = {string.Join(" / ", Rows.Select(r => r.BatchSize))}"
                + " (wall-clock seconds are in the table and vary with the machine and its load)";
        }
    }

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["batch_size", "learning_rate", "reached", "steps", "examples", "epochs", "train_loss", "validation_loss", "validation_error", "wall_seconds_machine_dependent"],
        Rows.Select(r => (IReadOnlyList<object>)[r.BatchSize, r.LearningRate, r.Reached, r.Steps, r.Examples, r.Epochs(ExampleCount), r.TrainLoss,
            r.ValidationLoss, r.ValidationError, r.WallSeconds]).ToArray());

    /// <summary>The table without the wall-clock column: identical on every run and machine.</summary>
    public ResultTable DeterministicTable()
    {
        var t = ToTable();
        return new ResultTable(t.Columns.Take(t.Columns.Count - 1).ToArray(), t.Rows.Select(r => (IReadOnlyList<object>)r.Take(r.Count - 1).ToArray()).ToArray());
    }

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>One batch size of <see cref="BatchSizeRace"/>.</summary>
/// <param name="BatchSize">B.</param>
/// <param name="LearningRate">ε.</param>
/// <param name="Reached">Whether the training loss reached the target within the epoch budget.</param>
/// <param name="Steps">SGD steps taken.</param>
/// <param name="Examples">Example gradients computed (about steps × B; the last batch of an epoch can be smaller): the
/// deterministic cost.</param>
/// <param name="WallSeconds">Wall-clock seconds of the SGD steps alone (the loss checks excluded): machine-dependent,
/// varies from run to run.</param>
/// <param name="TrainLoss">Training loss at the end.</param>
/// <param name="ValidationLoss">Validation loss at the end.</param>
/// <param name="ValidationError">Validation 0-1 error at the end.</param>
public sealed record BatchSizeRaceRow(int BatchSize, double LearningRate, bool Reached, int Steps, long Examples, double WallSeconds,
    double TrainLoss, double ValidationLoss, double ValidationError)
{
    /// <summary>Examples per epoch-equivalent are N; this is Examples / N.</summary>
    public double Epochs(int exampleCount) => Examples / (double)exampleCount;

    /// <inheritdoc />
    public override string ToString() =>
        $"B = {BatchSize}, ε = {LearningRate:G3}: {(Reached ? "reached" : "missed")} the target after {Steps} steps = {Examples} examples "
        + $"({WallSeconds:F2} s on this machine); validation loss {ValidationLoss:G3}, error {ValidationError:P1}";
}
