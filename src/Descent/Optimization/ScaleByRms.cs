using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// RMSProp (Hinton 2012; Goodfellow et al. 2016, Algorithm 8.5):
/// r ← decay·r + (1 − decay)·u ⊙ u, output u ⊘ √(epsilon + r) elementwise.
/// </summary>
public sealed class ScaleByRms : GradientTransform
{
    /// <summary>The running mean of squared gradients r.</summary>
    /// <param name="MeanSquare">r, owned by the state.</param>
    public sealed record State(Vector<double> MeanSquare) : TransformState
    {
        /// <inheritdoc />
        public override string ToString() => $"r = {Text.Vec(MeanSquare)}";
    }

    /// <summary>Creates RMSProp scaling.</summary>
    /// <param name="decay">ρ in [0, 1), 0.9 by default.</param>
    /// <param name="epsilon">δ &gt; 0 inside the square root (10⁻⁶ in the book).</param>
    public ScaleByRms(double decay = 0.9, double epsilon = 1e-6)
    {
        Decay = Text.UnitInterval(decay, nameof(decay));
        Epsilon = Text.NonNegative(epsilon, nameof(epsilon), strict: true);
    }

    /// <summary>ρ.</summary>
    public double Decay { get; }

    /// <summary>δ.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public override TransformState Init(Vector<double> theta) => new State(Vector<double>.Build.Dense(theta.Count));

    /// <inheritdoc />
    public override (Vector<double> Update, TransformState State) Update(Vector<double> update, TransformState state, StepContext context)
    {
        CheckUpdateArguments(update, state, context);
        var r = StateAs<State>(state).MeanSquare * Decay + update.PointwiseMultiply(update) * (1 - Decay);
        var u = Vector<double>.Build.Dense(update.Count, i => update[i] / Math.Sqrt(Epsilon + r[i]));
        return (u, new State(r));
    }

    /// <inheritdoc />
    public override string ToString() => $"rms(ρ={Text.Num(Decay)}, δ={Text.Num(Epsilon)})";
}
