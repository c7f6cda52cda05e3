using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// Gradient clipping by value (Mikolov 2012): each entry clamped, uᵢ ↦ min(max(uᵢ, −maxValue), maxValue).
/// Bounds every coordinate (so ‖Δ‖ ≤ maxValue·√n) but can change the direction. Stateless.
/// </summary>
public sealed class ClipByValue : StatelessTransform
{
    /// <summary>Creates value clipping.</summary>
    /// <param name="maxValue">Threshold c &gt; 0 on every |uᵢ|.</param>
    public ClipByValue(double maxValue) => MaxValue = Guard.Positive(maxValue, nameof(maxValue));

    /// <summary>The threshold on each |uᵢ|.</summary>
    public double MaxValue { get; }

    /// <inheritdoc />
    protected override Vector<double> Apply(Vector<double> update, StepContext context) =>
        update.Map(x => Math.Clamp(x, -MaxValue, MaxValue));

    /// <inheritdoc />
    public override string ToString() => $"clip(|gᵢ|≤{Text.Num(MaxValue)})";
}
