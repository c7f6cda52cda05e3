namespace Descent.Experiments;

/// <summary>Where the single-unit RNN's loss jumps at one recurrent weight w, and how steep it is there.</summary>
/// <param name="Weight">w.</param>
/// <param name="Predicted">b* = h₀ − w·σ(h₀): the bias at which h₀ is a fixed point of f(h) = wσ(h) + b.</param>
/// <param name="Measured">The bias where h_T − h₀ changes sign, found by bisection at the experiment's T.</param>
/// <param name="LossBelow">L just below the wall (b = measured − 10⁻³).</param>
/// <param name="LossAbove">L just above the wall (b = measured + 10⁻³).</param>
/// <param name="Gain">g = w·σ'(h₀), the factor by which one step multiplies a perturbation of h at the fixed point.</param>
/// <param name="PredictedSlope">|∂L/∂b| at b*: 2|h₀ − target|·(gᵀ − 1)/(g − 1), since hₜ = h₀ for every t there and
/// ∂hₜ/∂b = 1 + g·∂hₜ₋₁/∂b.</param>
/// <param name="Slope">|∂L/∂b| at b* by the model's exact forward-mode derivative (rounding in b* is amplified by gᵀ, so
/// this agrees with the prediction only while gᵀ·10⁻¹⁶ ≪ 1).</param>
/// <param name="OrdinarySlope">|∂L/∂b| at b = b* − 0.3, away from the wall.</param>
public sealed record WallLocation(double Weight, double Predicted, double Measured, double LossBelow, double LossAbove, double Gain,
    double PredictedSlope, double Slope, double OrdinarySlope)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"w = {Weight:G4}: wall at b = {Measured:F6} (h₀ − wσ(h₀) = {Predicted:F6}); L jumps {LossBelow:G3} → {LossAbove:G3}; "
        + $"|∂L/∂b| at the wall {PredictedSlope:G3} (formula), {Slope:G3} (measured) vs {OrdinarySlope:G3} away";
}
