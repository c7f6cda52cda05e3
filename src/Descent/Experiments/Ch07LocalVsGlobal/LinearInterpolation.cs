using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="LinearInterpolation"/>.</summary>
public sealed record LinearInterpolationParameters
{
    /// <summary>Hidden-layer widths of the digits MLP (64 inputs, 10 outputs around them).</summary>
    public int[] Hidden { get; init; } = [16];

    /// <summary>SGD steps (≥ 1).</summary>
    public int Steps { get; init; } = 1000;

    /// <summary>Constant learning rate ε &gt; 0 of SGD.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Minibatch size (≥ 1).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Smallest α of the line (θ₀ at α = 0, θ* at α = 1).</summary>
    public double From { get; init; } = -0.5;

    /// <summary>Largest α of the line.</summary>
    public double To { get; init; } = 1.5;

    /// <summary>Number of α values, evenly spaced (≥ 3).</summary>
    public int Count { get; init; } = 41;

    /// <summary>Seed of the initialization and of the minibatch order.</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>Result of <see cref="LinearInterpolation"/>: train and validation loss along θ(α) = (1 − α)θ₀ + αθ*.</summary>
/// <param name="Alphas">α values.</param>
/// <param name="TrainLosses">Training loss at θ(α).</param>
/// <param name="ValidationLosses">Validation loss at θ(α).</param>
/// <param name="Run">The training run that produced θ₀ and θ*.</param>
public sealed record LinearInterpolationResult(double[] Alphas, double[] TrainLosses, double[] ValidationLosses, DigitsTrainingRun Run)
    : IExperimentResult
{
    private int[] Inside => Enumerable.Range(0, Alphas.Length).Where(i => Alphas[i] >= -1e-12 && Alphas[i] <= 1 + 1e-12).ToArray();

    /// <summary>Loss barrier of the training loss on α ∈ [0, 1] (<see cref="LossBarrier.Height(IReadOnlyList{double}, IReadOnlyList{double})"/>): 0 when the curve stays under its chord.</summary>
    public double Barrier => LossBarrier.Height(Inside.Select(i => Alphas[i]).ToArray(), Inside.Select(i => TrainLosses[i]).ToArray());

    /// <summary>Largest increase of the training loss anywhere along α ∈ [0, 1] (0 = the loss falls monotonically from θ₀ to θ*).</summary>
    public double LargestRise => LossBarrier.LargestRise(Inside.Select(i => TrainLosses[i]).ToArray());

    /// <summary>The α on the grid with the lowest training loss.</summary>
    public double AlphaOfMinimumTrainLoss => Alphas[Array.IndexOf(TrainLosses, TrainLosses.Min())];

    /// <summary>The α on the grid with the lowest validation loss.</summary>
    public double AlphaOfMinimumValidationLoss => Alphas[Array.IndexOf(ValidationLosses, ValidationLosses.Min())];

    /// <inheritdoc />
    public string Summary =>
        $"Along (1 − α)θ₀ + αθ*: train loss {TrainLosses[Array.IndexOf(Alphas, 0.0) is var z and >= 0 ? z : 0]:G4} at α = 0 → {Run.TrainLoss:G4} at α = 1; "
        + $"largest rise on [0, 1] {LargestRise:G3}, barrier {Barrier:G3}; lowest train loss at α = {AlphaOfMinimumTrainLoss:G3}, "
        + $"lowest validation loss at α = {AlphaOfMinimumValidationLoss:G3}. SGD's path was {Run.PathLength:G4} long for a straight distance of {Run.StraightDistance:G4} (×{Run.PathToDistanceRatio:G3})";

    /// <inheritdoc />
    public ResultTable ToTable() => new(["alpha", "train_loss", "validation_loss"],
        Enumerable.Range(0, Alphas.Length).Select(i => (IReadOnlyList<object>)[Alphas[i], TrainLosses[i], ValidationLosses[i]]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>
/// Goodfellow, Vinyals &amp; Saxe (2015, arXiv:1412.6544), as Goodfellow presents it in "Gradient Descent and the Structure of Neural Network Cost Functions" ("A Special 1-D Subspace"): train the digits MLP with SGD, then
/// evaluate the training and validation loss along the straight line θ(α) = (1 − α)θ₀ + αθ* through the start θ₀
/// (α = 0) and the solution θ* (α = 1), α ∈ [−0.5, 1.5]. The line is smooth and falls without a barrier, although
/// SGD's own path from θ₀ to θ* was several times longer than the line.
/// </summary>
public sealed class LinearInterpolation : Experiment<LinearInterpolationParameters, LinearInterpolationResult>
{
    /// <inheritdoc />
    public override string Name => "linear-interpolation";

    /// <inheritdoc />
    public override string Chapter => "07";

    /// <inheritdoc />
    public override string Summary => "Loss along the straight line from θ₀ to the SGD solution θ* on the digits MLP (Goodfellow et al. 2015).";

    /// <inheritdoc />
    public override LinearInterpolationResult Run(LinearInterpolationParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var network = new DigitsNetwork(parameters.Hidden);
        var run = network.Fit(network.Initialize(parameters.Seed), parameters.Steps, parameters.LearningRate, parameters.BatchSize,
            parameters.Seed, cancellationToken: cancellationToken);
        progress?.Report(0.8);
        return Along(network, run, parameters.From, parameters.To, parameters.Count);
    }

    /// <summary>Train and validation loss of <paramref name="network"/> along (1 − α)θ₀ + αθ* for the run's θ₀ and θ*,
    /// at <paramref name="count"/> evenly spaced α in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static LinearInterpolationResult Along(DigitsNetwork network, DigitsTrainingRun run, double from = -0.5, double to = 1.5, int count = 41)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(run);
        var alphas = Grid(from, to, count);
        var (train, validation) = LossesAlong(network, run.Start, run.Theta, alphas);
        return new LinearInterpolationResult(alphas, train, validation, run);
    }

    /// <summary>Train and validation loss at (1 − α)a + αb for each α.</summary>
    public static (double[] Train, double[] Validation) LossesAlong(DigitsNetwork network, Vector<double> a, Vector<double> b, IReadOnlyList<double> alphas)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(alphas);
        var train = new double[alphas.Count];
        var validation = new double[alphas.Count];
        for (int i = 0; i < alphas.Count; i++)
        {
            var theta = (1 - alphas[i]) * a + alphas[i] * b;
            train[i] = network.Train.Value(theta);
            validation[i] = network.Validation.Value(theta);
        }
        return (train, validation);
    }

    /// <summary><paramref name="count"/> evenly spaced values from <paramref name="from"/> to <paramref name="to"/> (both included, 0 and 1 exact when on the grid).</summary>
    internal static double[] Grid(double from, double to, int count)
    {
        if (!double.IsFinite(from) || !double.IsFinite(to) || !(from < to))
        {
            throw new ArgumentException($"the interval [{from}, {to}] must be finite with from < to.", nameof(to));
        }

        if (count < 3 || count > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be in [3, 10000].");
        }

        return Enumerable.Range(0, count).Select(i => Math.Round(from + (to - from) * i / (count - 1), 12)).ToArray();
    }
}
