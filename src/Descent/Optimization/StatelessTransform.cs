using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// A transform without state (optax's <c>stateless</c>): <see cref="GradientTransform.Init"/> gives
/// <see cref="TransformState.None"/> and an update is u ↦ <see cref="Apply"/>(u, context). Clipping, fixed scales,
/// noise drawn from a seed and the step index, and Newton-type preconditioners are of this kind.
/// </summary>
public abstract class StatelessTransform : GradientTransform<TransformState>
{
    /// <inheritdoc />
    protected sealed override TransformState InitCore(Vector<double> theta) => TransformState.None;

    /// <inheritdoc />
    protected sealed override (Vector<double> Update, TransformState State) UpdateCore(Vector<double> update, TransformState state, StepContext context) =>
        (Apply(update, context), state);

    /// <summary>The outgoing update for <paramref name="update"/> (already checked: of θ's length); a new vector.</summary>
    /// <param name="update">Incoming vector.</param>
    /// <param name="context">The current step.</param>
    protected abstract Vector<double> Apply(Vector<double> update, StepContext context);
}
