namespace Descent.Models;

/// <summary>Matrix norm used for Jacobian products such as ∂h_T/∂h_t.</summary>
public enum JacobianNorm
{
    /// <summary>Spectral norm ‖J‖₂ = σ_max(J), the largest factor by which J stretches a vector (via SVD).</summary>
    Spectral,

    /// <summary>Frobenius norm ‖J‖_F = √(Σᵢⱼ Jᵢⱼ²) ≥ ‖J‖₂.</summary>
    Frobenius,
}
