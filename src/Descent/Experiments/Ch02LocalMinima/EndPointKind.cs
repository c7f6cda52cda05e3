namespace Descent.Experiments;

/// <summary>What a gradient-descent run on the Safran–Shamir objective ended at (see <see cref="SafranShamir.Classify"/>).</summary>
public enum EndPointKind
{
    /// <summary>‖∇F‖ ≤ tolerance and F ≤ the objective threshold: a global minimum (F* = 0).</summary>
    GlobalMinimum,

    /// <summary>‖∇F‖ ≤ tolerance, F above the threshold and the exact Hessian positive definite (λmin above its tolerance):
    /// a spurious local minimum.</summary>
    SpuriousMinimum,

    /// <summary>‖∇F‖ ≤ tolerance, F above the threshold, but λmin ≤ its tolerance: a saddle point or a degenerate critical point.</summary>
    SaddleOrDegenerate,

    /// <summary>The step budget ran out before ‖∇F‖ reached the tolerance.</summary>
    NotConverged,
}
