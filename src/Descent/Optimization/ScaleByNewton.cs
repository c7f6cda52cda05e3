using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// Newton's direction: output H⁻¹u with H = ∇²L(θₜ) (seed 001: x* = x⁽⁰⁾ − H⁻¹∇f(x⁽⁰⁾); seed 003:
/// solve g + H(θ − θ₀) = 0). Followed by scale(−1) it jumps to the critical point of the local
/// quadratic model — a minimum, a maximum or a saddle alike, which is Newton's failure mode.
/// Stateless.
/// </summary>
/// <remarks>Throws <see cref="ArithmeticException"/> when H is singular (the trainer reports it as a
/// failed run); use <see cref="ScaleByDampedNewton"/> or <see cref="ScaleBySaddleFreeNewton"/> there.</remarks>
public sealed class ScaleByNewton : GradientTransform<TransformState>
{
    /// <inheritdoc />
    public override bool UsesHessian => true;

    /// <inheritdoc />
    protected override TransformState InitCore(Vector<double> theta) => TransformState.None;

    /// <inheritdoc />
    protected override (Vector<double> Update, TransformState State) UpdateCore(Vector<double> update, TransformState state, StepContext context)
    {
        return (Spectral.Solve(context.Hessian(), update, 0.0, "newton", context.Step), state);
    }

    /// <inheritdoc />
    public override string ToString() => "newton(H⁻¹g)";
}
