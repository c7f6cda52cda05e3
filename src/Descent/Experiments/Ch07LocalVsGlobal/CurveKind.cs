namespace Descent.Experiments;

/// <summary>The shape of a path φ(t), t ∈ [0, 1], from θ_A to θ_B with one trainable bend θ_bend (Garipov et al. 2018, arXiv:1802.10026).</summary>
public enum CurveKind
{
    /// <summary>Quadratic Bézier curve φ(t) = (1 − t)²θ_A + 2t(1 − t)θ_bend + t²θ_B.</summary>
    Bezier = 0,

    /// <summary>Polygonal chain with one bend: θ_A → θ_bend for t ≤ ½, θ_bend → θ_B for t ≥ ½.</summary>
    PolyChain = 1,
}
