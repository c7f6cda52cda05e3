using System.Collections.Immutable;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// Applies transforms one after another (optax's <c>chain</c>): u₀ = g, uᵢ = Tᵢ(uᵢ₋₁), Δθ = uₖ.
/// Its state is the tuple of the parts' states. Nested chains and optimizers are flattened, so
/// <c>new Chain(new ClipByGlobalNorm(1), Optimizers.Adam(0.1))</c> is clipping followed by Adam's parts.
/// </summary>
public sealed class Chain : GradientTransform<Chain.State>
{
    /// <summary>The state of a chain: one state per part, in order.</summary>
    /// <param name="Parts">States of the parts.</param>
    public sealed record State(ImmutableArray<TransformState> Parts) : TransformState
    {
        /// <inheritdoc />
        public override string ToString() => "(" + string.Join(", ", Parts) + ")";
    }

    /// <summary>Composes <paramref name="transforms"/> left to right.</summary>
    public Chain(params GradientTransform[] transforms)
    {
        ArgumentNullException.ThrowIfNull(transforms);
        if (transforms.Length == 0)
        {
            throw new ArgumentException("a chain needs at least one transform.", nameof(transforms));
        }

        if (transforms.Any(t => t is null))
        {
            throw new ArgumentException("transforms must not contain null.", nameof(transforms));
        }
        // Nested chains (an optimizer is a named chain) are flattened so that the printed form and the state
        // stay one level deep.
        Transforms = [.. transforms.SelectMany(t => t switch
        {
            Chain c => c.Transforms,
            Optimizer o => o.Transform.Transforms,
            _ => [t],
        })];
    }

    /// <summary>The parts, in the order they are applied.</summary>
    public ImmutableArray<GradientTransform> Transforms { get; }

    /// <inheritdoc />
    public override bool UsesHessian => Transforms.Any(t => t.UsesHessian);

    /// <inheritdoc />
    protected override State InitCore(Vector<double> theta) => new([.. Transforms.Select(t => t.Init(theta))]);

    /// <inheritdoc />
    protected override (Vector<double> Update, State State) UpdateCore(Vector<double> update, State state, StepContext context)
    {
        var s = state;
        if (s.Parts.Length != Transforms.Length)
        {
            throw new ArgumentException($"the state has {s.Parts.Length} parts but the chain has {Transforms.Length}.", nameof(state));
        }

        var next = ImmutableArray.CreateBuilder<TransformState>(Transforms.Length);
        var u = update;
        for (int i = 0; i < Transforms.Length; i++)
        {
            (u, var si) = Transforms[i].Update(u, s.Parts[i], context);
            next.Add(si);
        }
        return (u, new State(next.MoveToImmutable()));
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(" → ", Transforms);
}
