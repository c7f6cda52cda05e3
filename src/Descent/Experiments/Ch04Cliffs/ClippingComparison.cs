using Descent.Models;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="ClippingComparison"/>: gradient descent on the single-unit RNN from a grid of starts
/// around its wall, for several clipping thresholds.</summary>
public sealed record ClippingComparisonParameters
{
    /// <summary>T ≥ 1 of the single-unit RNN.</summary>
    public int Steps { get; init; } = 50;

    /// <summary>Recurrent weights w of the starts.</summary>
    public double[] StartWeights { get; init; } = [6, 7, 8, 9, 10, 11];

    /// <summary>Start biases relative to the wall, b₀ = b*(w) + offset.</summary>
    public double[] StartOffsets { get; init; } = [-0.6, -0.3, -0.1, 0.1, 0.3, 0.6];

    /// <summary>Thresholds v of clipping by norm; 0 means no clipping.</summary>
    public double[] Thresholds { get; init; } = [0, 1, 3, 10, 30, 100];

    /// <summary>Constant learning rate ε &gt; 0.</summary>
    public double LearningRate { get; init => field = Guard.Positive(value, nameof(LearningRate)); } = 0.01;

    /// <summary>Gradient-descent steps per run, ≥ 1.</summary>
    public int TrainingSteps { get; init => field = Guard.AtLeast(value, 1, nameof(TrainingSteps)); } = 1000;

    /// <summary>A run succeeds when its final loss is below this.</summary>
    public double SuccessLoss { get; init; } = 0.01;

    /// <summary>A step longer than this counts as a jump.</summary>
    public double JumpLength { get; init; } = 1.0;

    /// <summary>Index into the starts (row-major over weights × offsets) whose training curves are kept for plotting.</summary>
    public int ShowcaseStart { get; init; } = 21;
}

/// <summary>
/// Clipping by norm (Pascanu, Mikolov &amp; Bengio 2013, arXiv:1211.5063, Algorithm 1: ĝ ← v·g/‖g‖ when ‖g‖ &gt; v) against plain
/// gradient descent on the single-unit RNN, from a grid of starts on both sides of its wall b*(w) = h₀ − wσ(h₀), for several
/// thresholds v: how often each reaches a low loss, how often it jumps, and how many of its steps were clipped. Every clipped
/// step has length ≤ εv, a bound that holds whatever the gradient is.
/// </summary>
public sealed class ClippingComparison : Experiment<ClippingComparisonParameters, ClippingComparisonResult>
{
    /// <inheritdoc />
    public override string Name => "clipping-comparison";

    /// <inheritdoc />
    public override string Chapter => "04";

    /// <inheritdoc />
    public override string Summary => "Gradient descent on the single-unit RNN from starts around its wall, with clipping by norm at several thresholds.";

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);

    /// <inheritdoc />
    public override ClippingComparisonResult Run(ClippingComparisonParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.StartWeights is not { Length: > 0 } || parameters.StartOffsets is not { Length: > 0 })
        {
            throw new ArgumentException("StartWeights and StartOffsets must each list at least one value.", nameof(parameters));
        }

        if (parameters.Thresholds is not { Length: > 0 } || parameters.Thresholds.Any(v => !(v >= 0) || !double.IsFinite(v)))
        {
            throw new ArgumentException("Thresholds must list finite values ≥ 0 (0 = no clipping).", nameof(parameters));
        }

        var rnn = new SingleUnitRnn(parameters.Steps);
        var starts = parameters.StartWeights.SelectMany(w => parameters.StartOffsets.Select(o =>
            Vector<double>.Build.DenseOfArray([w, RnnCliff.PredictedWall(rnn, w) + o]))).ToArray();
        if (parameters.ShowcaseStart < 0 || parameters.ShowcaseStart >= starts.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.ShowcaseStart, $"ShowcaseStart must be in 0 … {starts.Length - 1}.");
        }

        var options = new TrainingOptions { MaxSteps = parameters.TrainingSteps, RecordThetaEvery = 0, DivergenceFactor = double.PositiveInfinity };
        var rows = new List<ClippingRow>();
        var showcase = new List<TrainingResult>();
        for (int i = 0; i < parameters.Thresholds.Length; i++)
        {
            double v = parameters.Thresholds[i];
            var optimizer = Optimizers.GradientDescent(parameters.LearningRate);
            if (v > 0)
            {
                optimizer = optimizer.Prepend(new ClipByGlobalNorm(v));
            }

            var runs = starts.Select(s => Trainer.Run(rnn, optimizer, s, options, cancellationToken)).ToArray();
            showcase.Add(runs[parameters.ShowcaseStart]);
            var finals = runs.Select(r => double.IsFinite(r.Loss) ? r.Loss : double.PositiveInfinity).Order().ToArray();
            var distances = runs.Select((r, j) => (r.Theta - starts[j]).L2Norm()).Select(d => double.IsFinite(d) ? d : double.PositiveInfinity).Order().ToArray();
            long steps = runs.Sum(r => (long)r.StepLengths.Length);
            long clipped = v > 0 ? runs.Sum(r => (long)r.GradientNorms.Take(r.StepLengths.Length).Count(n => n > v)) : 0;
            rows.Add(new ClippingRow(v,
                runs.Count(r => r.Loss < parameters.SuccessLoss) / (double)runs.Length,
                Median(finals),
                runs.Count(r => r.StepLengths.Any(l => l > parameters.JumpLength)) / (double)runs.Length,
                runs.Max(r => r.StepLengths.DefaultIfEmpty(0).Max()),
                steps == 0 ? 0 : clipped / (double)steps,
                Median(distances)));
            progress?.Report((i + 1.0) / parameters.Thresholds.Length);
        }
        return new ClippingComparisonResult(rows, showcase, parameters);
    }
}

/// <summary>Result of <see cref="ClippingComparison"/>: one row per threshold, and the training runs of one showcase start.</summary>
/// <param name="Rows">One row per threshold, in the parameters' order.</param>
/// <param name="Showcase">The runs from the showcase start, one per threshold.</param>
/// <param name="Parameters">The parameters used.</param>
public sealed record ClippingComparisonResult(IReadOnlyList<ClippingRow> Rows, IReadOnlyList<TrainingResult> Showcase, ClippingComparisonParameters Parameters)
    : IExperimentResult
{
    /// <summary>Legend names of <see cref="Showcase"/>.</summary>
    public IReadOnlyList<string> Names => Rows.Select(r => r.Threshold == 0 ? "no clipping" : $"‖g‖ ≤ {r.Threshold:G3}").ToArray();

    /// <inheritdoc />
    public string Summary =>
        $"{Parameters.StartWeights.Length * Parameters.StartOffsets.Length} starts around the wall, ε = {Parameters.LearningRate:G3}, {Parameters.TrainingSteps} steps:\n"
        + string.Join("\n", Rows);

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["threshold", "success_rate", "median_final_loss", "jump_rate", "largest_step", "clipped_fraction", "median_distance"],
        Rows.Select(r => (IReadOnlyList<object>)[r.Threshold, r.SuccessRate, r.MedianFinalLoss, r.JumpRate, r.LargestStep, r.ClippedFraction, r.MedianDistance]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>One threshold of <see cref="ClippingComparison"/>, over all starts.</summary>
/// <param name="Threshold">v (0 = no clipping).</param>
/// <param name="SuccessRate">Fraction of runs whose final loss is below the success level.</param>
/// <param name="MedianFinalLoss">Median final loss.</param>
/// <param name="JumpRate">Fraction of runs that took at least one step longer than the jump length.</param>
/// <param name="LargestStep">Largest step of any run.</param>
/// <param name="ClippedFraction">Fraction of all steps at which ‖g‖ &gt; v (0 without clipping).</param>
/// <param name="MedianDistance">Median distance ‖θ_end − θ₀‖ between where a run starts and where it ends.</param>
public sealed record ClippingRow(double Threshold, double SuccessRate, double MedianFinalLoss, double JumpRate, double LargestStep, double ClippedFraction,
    double MedianDistance)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{(Threshold == 0 ? "no clipping" : $"‖g‖ ≤ {Threshold:G3}")}: {SuccessRate:P0} reach the target, median final loss {MedianFinalLoss:G3}, "
        + $"{JumpRate:P0} jump, largest step {LargestStep:G3}, {ClippedFraction:P1} of steps clipped, median distance travelled {MedianDistance:G3}";
}
