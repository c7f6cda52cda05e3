namespace Descent.Experiments;

/// <summary>One eigen-direction of one (ε, B) run of <see cref="NoiseBallSimulation"/>.</summary>
/// <param name="LearningRate">ε.</param>
/// <param name="BatchSize">B.</param>
/// <param name="Curvature">λ.</param>
/// <param name="Steps">Steps run from x = 0.</param>
/// <param name="Measured">E[x²] over the chains after the last step.</param>
/// <param name="Predicted">Vₖ = V(1 − (1 − ελ)²ᵏ) with V = ε s² / (λ(2 − ελ)), s² = s₁²/B.</param>
public sealed record NoiseBallRow(double LearningRate, int BatchSize, double Curvature, int Steps, double Measured, double Predicted)
{
    /// <summary>Measured over predicted.</summary>
    public double Ratio => Measured / Predicted;

    /// <inheritdoc />
    public override string ToString() =>
        $"ε = {LearningRate:G3}, B = {BatchSize}, λ = {Curvature:G3}: Var x = {Measured:G4} (ε s²/(λ(2 − ελ)) = {Predicted:G4})";
}
