using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>‖∂h_T/∂h_{T−k}‖ against the lag k for one RNN, and the fitted growth rate.</summary>
/// <param name="Activation">φ (identity: a linear RNN).</param>
/// <param name="RecurrentKind">"orthogonal" (W = ρQ, Q orthogonal) or "Gaussian" (entries N(0, 1/H), rescaled to spectral radius ρ).</param>
/// <param name="SpectralRadius">ρ = max|λᵢ(W)|.</param>
/// <param name="InputScale">Standard deviation of the input weights.</param>
/// <param name="Recurrent">W.</param>
/// <param name="Norms">Norms[k] = ‖∂h_T/∂h_{T−k}‖₂, k = 0 … T.</param>
/// <param name="Slope">Least-squares slope of ln Norms[k] against k over every lag.</param>
public sealed record PropagationCurve(Activation Activation, string RecurrentKind, double SpectralRadius, double InputScale,
    Matrix<double> Recurrent, double[] Norms, double Slope)
{
    /// <summary>ln ρ: the slope a linear RNN approaches (Gelfand: ‖Wᵏ‖^(1/k) → ρ).</summary>
    public double LogSpectralRadius => Math.Log(SpectralRadius);

    /// <summary>Legend name.</summary>
    public string Name => $"{(Activation == Activation.Identity ? "linear" : Naming.Of(Activation))}, {RecurrentKind}, ρ = {SpectralRadius:G3}"
        + (Activation == Activation.Identity ? "" : $", σ_U = {InputScale:G3}");

    /// <inheritdoc />
    public override string ToString() => $"{Name}: fitted slope {Slope:F4} vs ln ρ = {LogSpectralRadius:F4}; ‖∂h_T/∂h₀‖ = {Norms[^1]:G3}";
}
