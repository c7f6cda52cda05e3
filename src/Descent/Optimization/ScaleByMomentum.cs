using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// Momentum, optax's <c>trace</c>: vₜ₊₁ = momentum·vₜ + u, output vₜ₊₁ (heavy ball, Polyak 1964) or, with
/// <c>nesterov: true</c>, u + momentum·vₜ₊₁ (Sutskever et al. 2013; Bengio et al. 2013).
/// Followed by scale(−ε) the heavy ball is θₜ₊₁ = θₜ − εgₜ + momentum·(θₜ − θₜ₋₁) for a constant ε
/// (Goodfellow et al. 2016, Algorithm 8.2, with v rescaled by −ε).
/// </summary>
/// <remarks>
/// Nesterov: Goodfellow et al. (2016, Algorithm 8.3) evaluate the gradient at the look-ahead point θ + αv. With
/// φ = θ + αv that algorithm becomes φₜ₊₁ = φₜ − ε(gₜ + α vₜ₊₁), vₜ₊₁ = αvₜ + gₜ, gₜ = ∇L(φₜ), which
/// is what this transform computes; the iterates a trainer records are the look-ahead points φₜ.
/// </remarks>
public sealed class ScaleByMomentum : GradientTransform<ScaleByMomentum.State>
{
    /// <summary>The velocity v (the accumulated, decayed sum of past updates).</summary>
    /// <param name="Velocity">v, owned by the state.</param>
    public sealed record State(Vector<double> Velocity) : TransformState
    {
        /// <inheritdoc />
        public override string ToString() => $"v = {Text.Vec(Velocity)}";
    }

    /// <summary>Creates heavy-ball or Nesterov momentum.</summary>
    /// <param name="momentum">Decay β of the velocity, in [0, 1).</param>
    /// <param name="nesterov">Output u + β·vₜ₊₁ (Nesterov) instead of vₜ₊₁ (heavy ball).</param>
    public ScaleByMomentum(double momentum, bool nesterov = false)
    {
        Momentum = Guard.UnitInterval(momentum, nameof(momentum));
        Nesterov = nesterov;
    }

    /// <summary>β.</summary>
    public double Momentum { get; }

    /// <summary>True for Nesterov's look-ahead form.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc />
    protected override State InitCore(Vector<double> theta) => new State(Vector<double>.Build.Dense(theta.Count));

    /// <inheritdoc />
    protected override (Vector<double> Update, State State) UpdateCore(Vector<double> update, State state, StepContext context)
    {
        var v = state.Velocity * Momentum + update;
        return (Nesterov ? update + v * Momentum : v.Clone(), new State(v));
    }

    /// <inheritdoc />
    public override string ToString() => $"{(Nesterov ? "nesterov" : "momentum")}({Text.Num(Momentum)})";
}
