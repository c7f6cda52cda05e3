namespace Descent.Functions;

/// <summary>
/// An objective whose gradient is Lipschitz with a known constant M = sup_θ ‖∇²L(θ)‖₂, so that
/// ‖∇L(a) − ∇L(b)‖ ≤ M‖a − b‖ for all a, b (Yarotsky's convergence proposition: gradient descent with a
/// learning rate α &lt; 2/M decreases L at every step while ∇L ≠ 0).
/// </summary>
public interface ILipschitzGradient
{
    /// <summary>M = sup_θ ‖∇²L(θ)‖₂, attained or approached somewhere in ℝⁿ (the smallest valid constant).</summary>
    double GradientLipschitzConstant { get; }
}
