using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// Damped (Levenberg–Marquardt regularized) Newton direction: output (H + damping·I)⁻¹u with
/// H = ∇²L(θₜ) (Goodfellow et al. 2016, §8.6.1). Large damping tends to gradient descent with
/// step 1/damping; zero damping is Newton. Stateless.
/// </summary>
/// <remarks>With strong negative curvature (λ &lt; −damping) the direction still points at a saddle
/// along that eigenvector; throws <see cref="ArithmeticException"/> when H + damping·I is singular.</remarks>
public sealed class ScaleByDampedNewton : StatelessTransform
{
    /// <summary>Creates the damped Newton direction.</summary>
    /// <param name="damping">λ ≥ 0 added to the diagonal.</param>
    public ScaleByDampedNewton(double damping) => Damping = Guard.NonNegative(damping, nameof(damping));

    /// <summary>λ.</summary>
    public double Damping { get; }

    /// <inheritdoc />
    public override bool UsesHessian => true;

    /// <inheritdoc />
    protected override Vector<double> Apply(Vector<double> update, StepContext context) =>
        Spectral.Solve(context.Hessian(), update, Damping, "damped-newton", context.Step);

    /// <inheritdoc />
    public override string ToString() => $"damped-newton((H+{Text.Num(Damping)}I)⁻¹g)";
}
