using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// Gradient clipping by value (Mikolov 2012): each entry clamped, uᵢ ↦ min(max(uᵢ, −maxValue), maxValue).
/// Bounds every coordinate (so ‖Δ‖ ≤ maxValue·√n) but can change the direction. Stateless.
/// </summary>
public sealed class ClipByValue : GradientTransform
{
    /// <summary>Creates value clipping.</summary>
    /// <param name="maxValue">Threshold c &gt; 0 on every |uᵢ|.</param>
    public ClipByValue(double maxValue) => MaxValue = Text.NonNegative(maxValue, nameof(maxValue), strict: true);

    /// <summary>The threshold on each |uᵢ|.</summary>
    public double MaxValue { get; }

    /// <inheritdoc />
    public override TransformState Init(Vector<double> theta) => TransformState.None;

    /// <inheritdoc />
    public override (Vector<double> Update, TransformState State) Update(Vector<double> update, TransformState state, StepContext context)
    {
        CheckUpdateArguments(update, state, context);
        return (update.Map(x => Math.Clamp(x, -MaxValue, MaxValue)), state);
    }

    /// <inheritdoc />
    public override string ToString() => $"clip(|gᵢ|≤{Text.Num(MaxValue)})";
}
