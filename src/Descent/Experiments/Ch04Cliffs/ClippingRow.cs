namespace Descent.Experiments;

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
