using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// Nesterov momentum in the form of Sutskever et al. (2013) and Bengio et al. (2013), optax's
/// <c>trace(nesterov=True)</c>: vₜ₊₁ = momentum·vₜ + u, output u + momentum·vₜ₊₁.
/// </summary>
/// <remarks>
/// Goodfellow et al. (2016, Algorithm 8.3) evaluate the gradient at the look-ahead point θ + αv. With
/// φ = θ + αv that algorithm becomes φₜ₊₁ = φₜ − ε(gₜ + α vₜ₊₁), vₜ₊₁ = αvₜ + gₜ, gₜ = ∇L(φₜ), which
/// is what this transform computes; the iterates a trainer records are the look-ahead points φₜ.
/// </remarks>
public sealed class ScaleByNesterov : GradientTransform
{
    /// <summary>The velocity v.</summary>
    /// <param name="Velocity">v, owned by the state.</param>
    public sealed record State(Vector<double> Velocity) : TransformState
    {
        /// <inheritdoc />
        public override string ToString() => $"v = {Text.Vec(Velocity)}";
    }

    /// <summary>Creates Nesterov momentum.</summary>
    /// <param name="momentum">Decay β of the velocity, in [0, 1).</param>
    public ScaleByNesterov(double momentum) => Momentum = Text.UnitInterval(momentum, nameof(momentum));

    /// <summary>β.</summary>
    public double Momentum { get; }

    /// <inheritdoc />
    public override TransformState Init(Vector<double> theta) => new State(Vector<double>.Build.Dense(theta.Count));

    /// <inheritdoc />
    public override (Vector<double> Update, TransformState State) Update(Vector<double> update, TransformState state, StepContext context)
    {
        CheckUpdateArguments(update, state, context);
        var v = StateAs<State>(state).Velocity * Momentum + update;
        return (update + v * Momentum, new State(v));
    }

    /// <inheritdoc />
    public override string ToString() => $"nesterov({Text.Num(Momentum)})";
}
