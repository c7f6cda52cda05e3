namespace Descent.Curvature;

/// <summary>Where a <see cref="HessianOperator"/>'s products H·v come from.</summary>
public enum HessianProductSource
{
    /// <summary>The objective's exact Hessian-vector product (analytic or forward-over-reverse).</summary>
    Exact,

    /// <summary>Central differences of exact gradients, (∇L(θ + rv) − ∇L(θ − rv)) / 2r: relative error ~1e-10, an approximation.</summary>
    FiniteDifference,

    /// <summary>An explicit symmetric matrix (for known test spectra).</summary>
    Matrix,
}
