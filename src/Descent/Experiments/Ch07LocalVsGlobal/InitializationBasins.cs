using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="InitializationBasins"/>.</summary>
public sealed record InitializationBasinsParameters
{
    /// <summary>Hidden-layer widths of the digits MLP.</summary>
    public int[] Hidden { get; init; } = [16];

    /// <summary>Initialization seeds (at least two).</summary>
    public int[] Seeds { get; init; } = [1, 2];

    /// <summary>Multipliers of the Glorot standard deviation (each ≥ 0).</summary>
    public double[] Scales { get; init; } = [0.1, 1.0, 4.0];

    /// <summary>SGD steps per network.</summary>
    public int Steps { get; init; } = 1000;

    /// <summary>Learning rate ε of SGD.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Minibatch size.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Points on the line between the first two seeds' solutions (≥ 3).</summary>
    public int Points { get; init => field = Guard.InRange(value, 3, 10_000, nameof(Points)); } = 21;
}

/// <summary>One trained network of <see cref="InitializationBasins"/>.</summary>
/// <param name="Seed">Initialization seed (also the minibatch order's).</param>
/// <param name="Scale">Multiplier of the Glorot standard deviation.</param>
/// <param name="Run">The training run.</param>
public sealed record InitializationOutcome(int Seed, double Scale, DigitsTrainingRun Run);

/// <summary>Result of <see cref="InitializationBasins"/>.</summary>
/// <param name="Outcomes">One per (scale, seed), scales outermost.</param>
/// <param name="T">Positions t on the lines between solutions.</param>
/// <param name="LineLosses">Per scale, the training loss along (1 − t)θ*_{seed 1} + tθ*_{seed 2}.</param>
/// <param name="Scales">The scales, in order.</param>
public sealed record InitializationBasinsResult(IReadOnlyList<InitializationOutcome> Outcomes, double[] T, double[][] LineLosses, double[] Scales)
    : IExperimentResult
{
    /// <summary>Per scale, the loss barrier of the line between the first two seeds' solutions.</summary>
    public double[] LineBarriers => LineLosses.Select(l => LossBarrier.Height(T, l)).ToArray();

    /// <summary>Per scale, the mean final training loss over the seeds.</summary>
    public double[] MeanTrainLoss => Scales.Select(s => Outcomes.Where(o => o.Scale == s).Average(o => o.Run.TrainLoss)).ToArray();

    /// <inheritdoc />
    public string Summary => string.Join("; ", Scales.Select((s, k) =>
        $"scale {s:G3}: train loss {string.Join(" / ", Outcomes.Where(o => o.Scale == s).Select(o => o.Run.TrainLoss.ToString("G3")))}, "
        + $"barrier between seeds {LineBarriers[k]:G3}"));

    /// <inheritdoc />
    public ResultTable ToTable() => new(["scale", "seed", "initial_train_loss", "train_loss", "validation_loss", "train_error", "validation_error", "distance_travelled"],
        Outcomes.Select(o => (IReadOnlyList<object>)[o.Scale, o.Seed, o.Run.InitialTrainLoss, o.Run.TrainLoss, o.Run.ValidationLoss,
            o.Run.TrainError, o.Run.ValidationError, o.Run.StraightDistance]).ToArray());

    /// <inheritdoc />
    public override string ToString() => ToTable() + "\n" + Summary;
}

/// <summary>
/// Initialization decides the basin (Srihari, "Challenges in Neural Network Optimization"; Harakeh, "Optimization for Training Deep Models": "initialization is really important"): the same digits MLP
/// trained by the same SGD from several seeded Glorot initializations at several scales. Different seeds end in
/// different solutions — the straight line between two of them crosses a loss barrier — and the scale changes how
/// good a solution the same step budget reaches.
/// </summary>
public sealed class InitializationBasins : Experiment<InitializationBasinsParameters, InitializationBasinsResult>
{
    /// <inheritdoc />
    public override string Name => "initialization-basins";

    /// <inheritdoc />
    public override string Chapter => "07";

    /// <inheritdoc />
    public override string Summary => "The digits MLP from several seeds and initialization scales: final losses and the barrier between two solutions.";

    /// <inheritdoc />
    public override InitializationBasinsResult Run(InitializationBasinsParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Seeds is null || parameters.Seeds.Length < 2)
        {
            throw new ArgumentException("Seeds must list at least two seeds.", nameof(parameters));
        }

        if (parameters.Scales is null || parameters.Scales.Length < 1 || parameters.Scales.Any(s => !(s >= 0) || !double.IsFinite(s)))
        {
            throw new ArgumentException("Scales must list at least one finite scale ≥ 0.", nameof(parameters));
        }

        var network = new DigitsNetwork(parameters.Hidden);
        var outcomes = new List<InitializationOutcome>();
        var t = LinearInterpolation.Grid(0, 1, parameters.Points);
        var lines = new double[parameters.Scales.Length][];
        int done = 0, total = parameters.Scales.Length * parameters.Seeds.Length;
        for (int k = 0; k < parameters.Scales.Length; k++)
        {
            var solutions = new List<Vector<double>>();
            foreach (var seed in parameters.Seeds)
            {
                var run = network.Fit(network.Initialize(seed, parameters.Scales[k]), parameters.Steps, parameters.LearningRate,
                    parameters.BatchSize, seed, cancellationToken: cancellationToken);
                outcomes.Add(new InitializationOutcome(seed, parameters.Scales[k], run));
                solutions.Add(run.Theta);
                progress?.Report(++done / (double)total);
            }
            lines[k] = t.Select(s => network.Train.Value((1 - s) * solutions[0] + s * solutions[1])).ToArray();
        }
        return new InitializationBasinsResult(outcomes, t, lines, (double[])parameters.Scales.Clone());
    }
}
