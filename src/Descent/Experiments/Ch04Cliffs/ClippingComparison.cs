using Descent.Models;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

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
            throw new ArgumentException("StartWeights and StartOffsets must each list at least one value.", nameof(parameters));
        if (parameters.Thresholds is not { Length: > 0 } || parameters.Thresholds.Any(v => !(v >= 0) || !double.IsFinite(v)))
            throw new ArgumentException("Thresholds must list finite values ≥ 0 (0 = no clipping).", nameof(parameters));
        var rnn = new SingleUnitRnn(parameters.Steps);
        var starts = parameters.StartWeights.SelectMany(w => parameters.StartOffsets.Select(o =>
            Vector<double>.Build.DenseOfArray([w, RnnCliff.PredictedWall(rnn, w) + o]))).ToArray();
        if (parameters.ShowcaseStart < 0 || parameters.ShowcaseStart >= starts.Length)
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.ShowcaseStart, $"ShowcaseStart must be in 0 … {starts.Length - 1}.");
        var options = new TrainingOptions { MaxSteps = parameters.TrainingSteps, RecordThetaEvery = 0, DivergenceFactor = double.PositiveInfinity };
        var rows = new List<ClippingRow>();
        var showcase = new List<TrainingResult>();
        for (int i = 0; i < parameters.Thresholds.Length; i++)
        {
            double v = parameters.Thresholds[i];
            var optimizer = Optimizers.GradientDescent(parameters.LearningRate);
            if (v > 0) optimizer = optimizer.Prepend(new ClipByGlobalNorm(v));
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
