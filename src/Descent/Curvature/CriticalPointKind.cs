namespace Descent.Curvature;

/// <summary>What the second-order test says about a point.</summary>
public enum CriticalPointKind
{
    /// <summary>‖∇L‖ exceeds the gradient tolerance: not a critical point.</summary>
    NotCritical,

    /// <summary>Critical, every eigenvalue λᵢ &gt; tol: a strict local minimum.</summary>
    Minimum,

    /// <summary>Critical, every eigenvalue λᵢ &lt; −tol: a strict local maximum.</summary>
    Maximum,

    /// <summary>Critical, some λᵢ &gt; tol and some λⱼ &lt; −tol: a saddle (whatever the zero eigenvalues say).</summary>
    Saddle,

    /// <summary>Critical, no eigenvalue of both signs and some |λᵢ| ≤ tol: the second-order test is inconclusive
    /// (e.g. x³, x⁴, the monkey saddle x³ − 3xy² at the origin).</summary>
    Degenerate,
}
