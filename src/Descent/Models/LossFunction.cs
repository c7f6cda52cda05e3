namespace Descent.Models;

/// <summary>Per-example loss ℓ(o, y) between a network output o and a target y; models report the mean over examples.</summary>
public enum LossFunction
{
    /// <summary>ℓ = ½‖o − y‖²; ∂ℓ/∂o = o − y, ∂²ℓ/∂o² = I.</summary>
    SquaredError,

    /// <summary>ℓ = −Σₖ yₖ log softmax(o)ₖ (y one-hot or a probability vector);
    /// ∂ℓ/∂o = s·p − y with p = softmax(o), s = Σₖ yₖ; ∂²ℓ/∂o² = s(diag p − ppᵀ).</summary>
    SoftmaxCrossEntropy,

    /// <summary>Binary logistic loss on one logit o with y ∈ {0, 1}: ℓ = log(1 + e^o) − y·o;
    /// ∂ℓ/∂o = σ(o) − y, ∂²ℓ/∂o² = σ(o)(1 − σ(o)).</summary>
    Logistic,

    /// <summary>Binary hinge loss on one output o with y ∈ {−1, +1}: ℓ = max(0, 1 − y·o);
    /// ∂ℓ/∂o = −y·1[y·o &lt; 1], ∂²ℓ/∂o² = 0 almost everywhere (kink at y·o = 1).</summary>
    Hinge,
}
