namespace Descent.Optimization;

/// <summary>
/// The explicit state of a <see cref="GradientTransform"/> between steps (optax's <c>OptState</c>).
/// Every concrete state is an immutable record: <see cref="GradientTransform.Update"/> never changes
/// the state it is given, it returns a new one, so a run can be replayed from any saved state.
/// </summary>
/// <remarks>Vectors held by a state are owned by it: transforms allocate fresh vectors for the next
/// state and never write into the vectors of the state they received.</remarks>
public abstract record TransformState
{
    /// <summary>The state of a stateless transform.</summary>
    public static TransformState None { get; } = new NoState();

    private sealed record NoState : TransformState
    {
        public override string ToString() => "∅";
    }
}
