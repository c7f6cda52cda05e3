namespace Descent.Models;

/// <summary>What the two weight-space symmetries of Srihari, "Challenges in Neural Network Optimization" do to a trained MLP (see <see cref="WeightSymmetry.Check"/>).</summary>
/// <param name="Loss">L(θ).</param>
/// <param name="PermutedLoss">L after permuting the units of every hidden layer (a random permutation per layer).</param>
/// <param name="RescaledLoss">L after scaling every hidden layer's incoming weights and biases by α and its outgoing weights by 1/α.</param>
/// <param name="Alpha">The α used.</param>
/// <param name="PermutedDistance">‖θ_permuted − θ‖₂: a genuinely different point of parameter space.</param>
/// <param name="RescaledDistance">‖θ_rescaled − θ‖₂.</param>
/// <param name="GradientNorm">‖∇L(θ)‖₂.</param>
/// <param name="PermutedGradientNorm">‖∇L‖₂ at the permuted point (the same: the gradient is permuted too).</param>
/// <param name="RescaledGradientNorm">‖∇L‖₂ at the rescaled point (different: g_in ↦ g_in/α, g_out ↦ α g_out).</param>
/// <param name="Log10EquivalentNetworks">log₁₀ of the number of hidden-unit orderings, Σ log₁₀(nᵢ!) (= log₁₀ n!^m for m layers of n).</param>
public sealed record WeightSymmetryCheck(double Loss, double PermutedLoss, double RescaledLoss, double Alpha, double PermutedDistance,
    double RescaledDistance, double GradientNorm, double PermutedGradientNorm, double RescaledGradientNorm, double Log10EquivalentNetworks)
{
    /// <summary>|L_permuted − L| / L.</summary>
    public double PermutedRelativeChange => Math.Abs(PermutedLoss - Loss) / Math.Abs(Loss);

    /// <summary>|L_rescaled − L| / L.</summary>
    public double RescaledRelativeChange => Math.Abs(RescaledLoss - Loss) / Math.Abs(Loss);

    /// <inheritdoc />
    public override string ToString() =>
        $"L = {Loss:R}\npermuted hidden units: L = {PermutedLoss:R} (relative change {PermutedRelativeChange:G2}), ‖Δθ‖ = {PermutedDistance:G4}, "
        + $"‖g‖ {GradientNorm:G6} → {PermutedGradientNorm:G6}\n"
        + $"rescaled by α = {Alpha:G4} and 1/α: L = {RescaledLoss:R} (relative change {RescaledRelativeChange:G2}), ‖Δθ‖ = {RescaledDistance:G4}, "
        + $"‖g‖ {GradientNorm:G6} → {RescaledGradientNorm:G6}\n"
        + $"equivalent orderings of the hidden units: 10^{Log10EquivalentNetworks:F1}";
}
