namespace Descent.Experiments;

/// <summary>How <see cref="SaxeLearningCurves"/> and <see cref="SaxeDepthSweep"/> initialize a deep linear network.</summary>
public enum SaxeInitialization
{
    /// <summary>Decoupled and balanced (Saxe et al.'s exact-solution setting): W₁ = cVᵀ, Wₗ = cI, W_d = cU with c = u₀^{1/d},
    /// so every mode starts at strength u₀ and follows the analytic curve.</summary>
    Decoupled,

    /// <summary>Small i.i.d. Gaussian weights N(0, σ²): modes start small and random, and learn after a plateau.</summary>
    SmallGaussian,

    /// <summary>Random orthogonal matrices (gain 1, Saxe et al.'s recommendation): the product is orthogonal, every mode
    /// starts at strength O(1), and learning time no longer grows with depth.</summary>
    Orthogonal,
}
