using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// One small building block of an optimizer (optax's <c>GradientTransformation</c>): <see cref="Init"/>
/// creates the explicit state, <see cref="Update"/> maps (incoming update u, state, context) to
/// (outgoing update, new state). The first transform of a chain receives the gradient g; the last
/// one's output Δθ is added to the parameters: θₜ₊₁ = θₜ + Δθ (so the chain ends with a negative
/// scale such as <see cref="ScaleByLearningRate"/>).
/// </summary>
/// <remarks>
/// Contract: <see cref="Update"/> is a pure function of its arguments (randomness comes from a seed
/// and the step index), never writes into <c>update</c>, the state or the context, and returns a
/// new vector. A transform shared by several optimizers is therefore safe.
/// New transforms derive from <see cref="GradientTransform{TState}"/>, which checks the arguments and the
/// state's type once and calls <c>UpdateCore</c>, or from <see cref="StatelessTransform"/>. An
/// <see cref="Optimizer"/> is itself a transform, so optimizers compose with <see cref="Chain"/>.
/// </remarks>
public abstract class GradientTransform
{
    /// <summary>True when <see cref="Update"/> needs second derivatives of the objective (the Hessian or
    /// Hessian-vector products), so a trainer can reject an objective without them before it starts.</summary>
    public virtual bool UsesHessian => false;

    /// <summary>Creates the initial state for parameters shaped like <paramref name="theta"/>.</summary>
    public abstract TransformState Init(Vector<double> theta);

    /// <summary>Transforms the incoming update and advances the state.</summary>
    /// <param name="update">Incoming vector: the gradient for the first transform of a chain,
    /// otherwise the previous transform's output.</param>
    /// <param name="state">This transform's state from <see cref="Init"/> or the previous call.</param>
    /// <param name="context">θ, raw gradient, loss, step index and objective of the current step.</param>
    public abstract (Vector<double> Update, TransformState State) Update(Vector<double> update, TransformState state, StepContext context);

    /// <summary>A short formula-like description, e.g. "momentum(0.9)".</summary>
    public abstract override string ToString();
}
