using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// RMSProp (Hinton 2012; Goodfellow et al. 2016, Algorithm 8.5):
/// r ← decay·r + (1 − decay)·u ⊙ u, output u ⊘ √(epsilon + r) elementwise.
/// </summary>
public sealed class ScaleByRms : GradientTransform<ScaleByRms.State>
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
        Decay = Guard.UnitInterval(decay, nameof(decay));
        Epsilon = Guard.Positive(epsilon, nameof(epsilon));
    }

    /// <summary>ρ.</summary>
    public double Decay { get; }

    /// <summary>δ.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    protected override State InitCore(Vector<double> theta) => new State(Vector<double>.Build.Dense(theta.Count));

    /// <inheritdoc />
    protected override (Vector<double> Update, State State) UpdateCore(Vector<double> update, State state, StepContext context)
    {
        var r = state.MeanSquare * Decay + update.PointwiseMultiply(update) * (1 - Decay);
        var u = Vector<double>.Build.Dense(update.Count, i => update[i] / Math.Sqrt(Epsilon + r[i]));
        return (u, new State(r));
    }

    /// <inheritdoc />
    public override string ToString() => $"rms(ρ={Text.Num(Decay)}, δ={Text.Num(Epsilon)})";
}
