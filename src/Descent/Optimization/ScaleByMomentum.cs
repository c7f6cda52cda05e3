using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// Heavy-ball momentum (Polyak 1964), optax's <c>trace</c>: vₜ₊₁ = momentum·vₜ + u, output vₜ₊₁.
/// Followed by scale(−ε) this is θₜ₊₁ = θₜ − εgₜ + momentum·(θₜ − θₜ₋₁) for a constant ε
/// (Goodfellow et al. 2016, Algorithm 8.2, with v rescaled by −ε).
/// </summary>
public sealed class ScaleByMomentum : GradientTransform
{
    /// <summary>The velocity v (the accumulated, decayed sum of past updates).</summary>
    /// <param name="Velocity">v, owned by the state.</param>
    public sealed record State(Vector<double> Velocity) : TransformState
    {
        /// <inheritdoc />
        public override string ToString() => $"v = {Text.Vec(Velocity)}";
    }

    /// <summary>Creates heavy-ball momentum.</summary>
    /// <param name="momentum">Decay β of the velocity, in [0, 1).</param>
    public ScaleByMomentum(double momentum) => Momentum = Text.UnitInterval(momentum, nameof(momentum));

    /// <summary>β.</summary>
    public double Momentum { get; }

    /// <inheritdoc />
    public override TransformState Init(Vector<double> theta) => new State(Vector<double>.Build.Dense(theta.Count));

    /// <inheritdoc />
    public override (Vector<double> Update, TransformState State) Update(Vector<double> update, TransformState state, StepContext context)
    {
        CheckUpdateArguments(update, state, context);
        var v = StateAs<State>(state).Velocity * Momentum + update;
        return (v.Clone(), new State(v));
    }

    /// <inheritdoc />
    public override string ToString() => $"momentum({Text.Num(Momentum)})";
}
