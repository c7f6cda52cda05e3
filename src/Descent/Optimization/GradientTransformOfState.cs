using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// A <see cref="GradientTransform"/> whose state has the type <typeparamref name="TState"/> (the pattern of
/// <see cref="Functions.Objective"/>: a sealed public method validates, a protected Core method computes).
/// <see cref="Update"/> checks that update, state and context are given, that the update has θ's length and
/// that the state is a <typeparamref name="TState"/> (from this transform's <see cref="Init"/>), then calls
/// <see cref="UpdateCore"/>. A stateless transform uses <see cref="TransformState"/> and returns
/// <see cref="TransformState.None"/> from <see cref="InitCore"/>.
/// </summary>
/// <typeparam name="TState">The transform's immutable state record.</typeparam>
public abstract class GradientTransform<TState> : GradientTransform where TState : TransformState
{
    /// <inheritdoc />
    public sealed override TransformState Init(Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        return InitCore(theta);
    }

    /// <inheritdoc />
    public sealed override (Vector<double> Update, TransformState State) Update(Vector<double> update, TransformState state, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        if (update.Count != context.Theta.Count)
        {
            throw new ArgumentException($"update has length {update.Count}, but θ has length {context.Theta.Count}.", nameof(update));
        }

        var typed = state as TState ?? throw new ArgumentException(
            $"{this} expects a {typeof(TState).Name} state (from its own Init), but got {state.GetType().Name}.", nameof(state));
        return UpdateCore(update, typed, context);
    }

    /// <summary>The initial state for parameters shaped like <paramref name="theta"/> (not null).</summary>
    protected abstract TState InitCore(Vector<double> theta);

    /// <summary>Transforms the update and advances the state; the arguments are already checked.</summary>
    /// <param name="update">Incoming vector, of θ's length.</param>
    /// <param name="state">This transform's state.</param>
    /// <param name="context">The current step.</param>
    protected abstract (Vector<double> Update, TState State) UpdateCore(Vector<double> update, TState state, StepContext context);
}
