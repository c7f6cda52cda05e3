namespace Descent.Experiments;

/// <summary>One model trained by SGD with clipping by norm: the minibatch gradient norm before clipping at every step.</summary>
/// <param name="Model">Which model.</param>
/// <param name="Threshold">v.</param>
/// <param name="GradientNorms">‖ĝₖ‖ of the minibatch gradient at step k, before clipping.</param>
/// <param name="BatchLosses">Minibatch loss at step k.</param>
/// <param name="InitialLoss">Full training loss at the start.</param>
/// <param name="FinalLoss">Full training loss at the end with clipping.</param>
/// <param name="UnclippedFinalLoss">Full training loss at the end of the same run without clipping (same seed and batches).</param>
public sealed record ClippingTrace(string Model, double Threshold, double[] GradientNorms, double[] BatchLosses, double InitialLoss, double FinalLoss,
    double UnclippedFinalLoss)
{
    /// <summary>Fraction of steps with ‖ĝ‖ &gt; v (those the clip rescaled).</summary>
    public double ClippedFraction => GradientNorms.Count(n => n > Threshold) / (double)GradientNorms.Length;

    /// <summary>Median ‖ĝ‖.</summary>
    public double MedianNorm => Quantile(0.5);

    /// <summary>Largest ‖ĝ‖.</summary>
    public double MaxNorm => GradientNorms.Max();

    /// <summary>The q-quantile of ‖ĝ‖ (nearest rank).</summary>
    public double Quantile(double q)
    {
        if (!(q >= 0 && q <= 1)) throw new ArgumentOutOfRangeException(nameof(q), q, "q must be in [0, 1].");
        var sorted = GradientNorms.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Model}: ‖ĝ‖ median {MedianNorm:G3}, 99th percentile {Quantile(0.99):G3}, max {MaxNorm:G3}; v = {Threshold:G3} clipped {ClippedFraction:P1} of "
        + $"{GradientNorms.Length} steps; loss {InitialLoss:G3} → {FinalLoss:G3} (without clipping {UnclippedFinalLoss:G3})";
}
