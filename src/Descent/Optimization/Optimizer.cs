using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// A named chain of gradient transforms: Δθ = Tₖ(…T₂(T₁(g))…), θₜ₊₁ = θₜ + Δθ. Built by
/// <see cref="Optimizers"/> (the course's vocabulary) or by hand from transforms. An optimizer is itself a
/// <see cref="GradientTransform"/> (optax's <c>alias.py</c> returns a <c>GradientTransformation</c>), so it composes
/// like any other: <c>new Chain(new ClipByGlobalNorm(1), Optimizers.Adam(0.1))</c> is clipping followed by Adam.
/// Immutable; all run-time state lives in the <see cref="TransformState"/> returned by <see cref="Init"/>.
/// </summary>
/// <example><c>Optimizers.Momentum(0.1, 0.9).Prepend(new ClipByGlobalNorm(1))</c> prints
/// "clip(‖g‖≤1) → momentum(0.9) → scale(−0.1)".</example>
public sealed class Optimizer : GradientTransform
{
    /// <summary>Creates an optimizer from transforms applied left to right.</summary>
    /// <param name="name">Display name, e.g. "Momentum(learningRate=0.1, momentum=0.9)".</param>
    /// <param name="transforms">The chain; the last one should turn the direction into a step (negative scale).</param>
    public Optimizer(string name, params GradientTransform[] transforms)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Transform = new Chain(transforms);
    }

    /// <summary>Display name.</summary>
    public string Name { get; }

    /// <summary>The chain of transforms.</summary>
    public Chain Transform { get; }

    /// <summary>True when some transform needs the Hessian or Hessian-vector products.</summary>
    public override bool UsesHessian => Transform.UsesHessian;

    /// <summary>The initial state for parameters shaped like θ: the chain's state.</summary>
    public override TransformState Init(Vector<double> theta) => Transform.Init(theta);

    /// <summary>One update: (Δθ, new state) from the gradient at θₜ; the caller sets θₜ₊₁ = θₜ + Δθ.</summary>
    /// <param name="update">The gradient gₜ (or, inside a larger chain, the previous transform's output).</param>
    /// <param name="state">The chain's state from <see cref="Init"/> or the previous call.</param>
    /// <param name="context">The current step.</param>
    public override (Vector<double> Update, TransformState State) Update(Vector<double> update, TransformState state, StepContext context) =>
        Transform.Update(update, state, context);

    /// <summary>A new optimizer with <paramref name="transform"/> in front of the chain (e.g. clipping or noise).</summary>
    public Optimizer Prepend(GradientTransform transform) =>
        new($"{transform} then {Name}", [transform, this]);

    /// <summary>A new optimizer with <paramref name="transform"/> after the chain (e.g. a perturbation).</summary>
    public Optimizer Append(GradientTransform transform) =>
        new($"{Name} then {transform}", [this, transform]);

    /// <summary>The chain, e.g. "momentum(0.9) → scale(−0.1)".</summary>
    public override string ToString() => Transform.ToString();
}
