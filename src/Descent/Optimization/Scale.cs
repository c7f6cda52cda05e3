using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>Multiplies by a constant: Δ = factor · u (optax's <c>scale</c>). Stateless.</summary>
public sealed class Scale : StatelessTransform
{
    /// <summary>Creates the transform u ↦ factor·u.</summary>
    /// <param name="factor">Any finite number (negative to turn a direction into a descent step).</param>
    public Scale(double factor)
    {
        if (!double.IsFinite(factor))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "factor must be finite.");
        }

        Factor = factor;
    }

    /// <summary>The constant factor.</summary>
    public double Factor { get; }

    /// <inheritdoc />
    protected override Vector<double> Apply(Vector<double> update, StepContext context) =>
        update * Factor;

    /// <inheritdoc />
    public override string ToString() => $"scale({Text.Num(Factor)})";
}
