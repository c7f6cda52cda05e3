using Descent.Data;
using Descent.Models;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="LossSpread"/>.</summary>
public sealed record LossSpreadParameters
{
    /// <summary>Hidden widths to compare (each ≥ 1): one ReLU hidden layer, 64 → width → 10.</summary>
    public int[] Widths { get; init => field = Guard.AllAtLeast(value, 1, nameof(Widths)); } = [4, 16, 64, 256];

    /// <summary>Independently seeded runs per width (≥ 2).</summary>
    public int Runs { get; init => field = Guard.AtLeast(value, 2, nameof(Runs)); } = 24;

    /// <summary>SGD steps per run (≥ 1).</summary>
    public int Steps { get; init => field = Guard.AtLeast(value, 1, nameof(Steps)); } = 1500;

    /// <summary>Minibatch size (≥ 1).</summary>
    public int BatchSize { get; init => field = Guard.AtLeast(value, 1, nameof(BatchSize)); } = 32;

    /// <summary>Constant learning rate ε &gt; 0.</summary>
    public double LearningRate { get; init => field = Guard.Positive(value, nameof(LearningRate)); } = 0.05;

    /// <summary>Master seed: run r draws its He initialization and minibatch order from Seed·1000 + r; the data split is fixed by Seed.</summary>
    public int Seed { get; init; }

    /// <summary>Worker threads (0 = all cores). Results do not depend on it.</summary>
    public int Threads { get; init => field = Guard.AtLeast(value, 0, nameof(Threads)); }
}

/// <summary>
/// Choromanska et al. (2015, "The Loss Surfaces of Multilayer Networks", arXiv:1412.0233), as summarized in Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions":
/// "most minima are good, and this is more true for big models". Many seeded SGD runs train a one-hidden-layer ReLU MLP
/// on the digits at each width; the spread of the final losses shrinks as the network grows.
/// </summary>
public sealed class LossSpread : Experiment<LossSpreadParameters, LossSpreadResult>
{
    /// <inheritdoc />
    public override string Name => "loss-spread";

    /// <inheritdoc />
    public override string Chapter => "02";

    /// <inheritdoc />
    public override string Summary => "Final losses of many seeded SGD runs per hidden width on the digits (Choromanska et al.): the spread shrinks with size.";

    /// <inheritdoc />
    public override LossSpreadResult Run(LossSpreadParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);

        var split = Digits.Load(seed: parameters.Seed);
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = parameters.Threads > 0 ? parameters.Threads : Environment.ProcessorCount,
        };
        var rows = new List<LossSpreadRow>();
        int finished = 0, total = parameters.Widths.Length * parameters.Runs;
        foreach (int width in parameters.Widths)
        {
            int[] sizes = [Digits.PixelCount, width, Digits.ClassCount];
            var train = new Mlp(sizes, Activation.Relu, LossFunction.SoftmaxCrossEntropy, split.Train.Inputs, split.Train.Labels!);
            var test = new Mlp(sizes, Activation.Relu, LossFunction.SoftmaxCrossEntropy, split.Test.Inputs, split.Test.Labels!);
            var trainLosses = new double[parameters.Runs];
            var testLosses = new double[parameters.Runs];
            Parallel.For(0, parameters.Runs, options, r =>
            {
                int seed = parameters.Seed * 1000 + r;
                var theta = train.Initialize(Initialization.He, seed);
                var sampler = MinibatchSampler.ShuffledEachEpoch(train.ExampleCount, Math.Min(parameters.BatchSize, train.ExampleCount), seed);
                theta = MinibatchTraining.Sgd(train, theta, parameters.LearningRate, parameters.Steps, sampler, parameters.Steps, (_, _) => { },
                    cancellationToken, $" (width {width}, run {r}); lower LearningRate");
                trainLosses[r] = train.Value(theta);
                testLosses[r] = test.Value(theta);
                progress?.Report((double)Interlocked.Increment(ref finished) / total);
            });
            rows.Add(new LossSpreadRow(width, trainLosses, testLosses));
        }
        return new LossSpreadResult(rows);
    }
}

/// <summary>Result of <see cref="LossSpread"/>: the final losses of many seeded runs per hidden width.</summary>
/// <param name="Rows">One row per width, in the order given.</param>
public sealed record LossSpreadResult(IReadOnlyList<LossSpreadRow> Rows) : IExperimentResult
{
    /// <summary>The file the CLI result is stored in, under the repository's data/ folder.</summary>
    public const string StoredFileName = "loss-spread.csv";

    /// <inheritdoc />
    public string Summary => "spread (sd) of the final training loss: "
        + string.Join(", ", Rows.Select(r => $"width {r.Width}: {r.StandardDeviation:G2} (mean {r.Mean:G3})"));

    /// <inheritdoc />
    public ResultTable ToTable() => new(["width", "run", "train_loss", "test_loss"],
        Rows.SelectMany(r => r.TrainLosses.Select((l, i) => (IReadOnlyList<object>)[r.Width, i, l, r.TestLosses[i]])).ToArray());

    /// <summary>Reads a table written by <c>descent experiment run loss-spread --out FILE.csv</c> ('#' lines are comments).</summary>
    public static LossSpreadResult Load(string path) => From(StoredResult.Read(path));

    /// <summary>The stored CLI result, data/<see cref="StoredFileName"/>.</summary>
    public static LossSpreadResult LoadStored() => From(StoredResult.Load(StoredFileName));

    private static LossSpreadResult From(StoredResult stored)
    {
        var widths = stored.Column("width");
        var train = stored.Column("train_loss");
        var test = stored.Column("test_loss");
        var rows = Enumerable.Range(0, widths.Length)
            .GroupBy(i => (int)widths[i])
            .Select(g => new LossSpreadRow(g.Key, g.Select(i => train[i]).ToArray(), g.Select(i => test[i]).ToArray()))
            .ToArray();
        return new LossSpreadResult(rows);
    }

    /// <inheritdoc />
    public override string ToString() => string.Join("\n", Rows);
}

/// <summary>The final losses of every run at one hidden width.</summary>
/// <param name="Width">Hidden units.</param>
/// <param name="TrainLosses">Final full training loss of each run.</param>
/// <param name="TestLosses">Final loss on the held-out test split of each run.</param>
public sealed record LossSpreadRow(int Width, double[] TrainLosses, double[] TestLosses)
{
    /// <summary>Mean final training loss.</summary>
    public double Mean => TrainLosses.Average();

    /// <summary>Sample standard deviation of the final training losses.</summary>
    public double StandardDeviation => Std(TrainLosses);

    /// <summary>Largest minus smallest final training loss.</summary>
    public double Range => TrainLosses.Max() - TrainLosses.Min();

    /// <summary>Sample standard deviation of the final test losses.</summary>
    public double TestStandardDeviation => Std(TestLosses);

    private static double Std(double[] x)
    {
        double m = x.Average();
        return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Length - 1));
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"width {Width}: final training loss {Mean:G3} ± {StandardDeviation:G2} (range {Range:G2}), test loss sd {TestStandardDeviation:G2}, {TrainLosses.Length} runs";
}
