using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>Multiplies by a constant: Δ = factor · u (optax's <c>scale</c>). Stateless.</summary>
public sealed class Scale : GradientTransform<TransformState>
{
    /// <summary>Creates the transform u ↦ factor·u.</summary>
    /// <param name="factor">Any finite number (negative to turn a direction into a descent step).</param>
    public Scale(double factor)
    {
        if (!double.IsFinite(factor)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "factor must be finite.");
        Factor = factor;
    }

    /// <summary>The constant factor.</summary>
    public double Factor { get; }

    /// <inheritdoc />
    protected override TransformState InitCore(Vector<double> theta) => TransformState.None;

    /// <inheritdoc />
    protected override (Vector<double> Update, TransformState State) UpdateCore(Vector<double> update, TransformState state, StepContext context)
    {
        return (update * Factor, state);
    }

    /// <inheritdoc />
    public override string ToString() => $"scale({Text.Num(Factor)})";
}
