using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// Newton's direction: output H⁻¹u with H = ∇²L(θₜ) (Harakeh, "Optimization for Training Deep Models": x* = x⁽⁰⁾ − H⁻¹∇f(x⁽⁰⁾); Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions":
/// solve g + H(θ − θ₀) = 0). Followed by scale(−1) it jumps to the critical point of the local
/// quadratic model — a minimum, a maximum or a saddle alike, which is Newton's failure mode.
/// Stateless.
/// </summary>
/// <remarks>Throws <see cref="ArithmeticException"/> when H is singular (the trainer reports it as a
/// failed run); use <see cref="ScaleByDampedNewton"/> or <see cref="ScaleBySaddleFreeNewton"/> there.</remarks>
public sealed class ScaleByNewton : StatelessTransform
{
    /// <inheritdoc />
    public override bool UsesHessian => true;

    /// <inheritdoc />
    protected override Vector<double> Apply(Vector<double> update, StepContext context) =>
        Spectral.Solve(context.Hessian(), update, 0.0, "newton", context.Step);

    /// <inheritdoc />
    public override string ToString() => "newton(H⁻¹g)";
}
