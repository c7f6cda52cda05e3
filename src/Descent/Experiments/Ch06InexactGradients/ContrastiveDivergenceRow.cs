namespace Descent.Experiments;

/// <summary>Bias and variance of CD-k at one k (<see cref="ContrastiveDivergenceBias"/>).</summary>
/// <param name="K">Gibbs steps k.</param>
/// <param name="Bias">‖E[CD-k] − ∇L‖, with E[CD-k] computed exactly from the Gibbs transition matrix.</param>
/// <param name="Noise">√(E‖CD-k − E[CD-k]‖²), the Monte Carlo spread of one CD-k estimate (measured over the draws).</param>
/// <param name="MonteCarloBias">‖mean of the draws − ∇L‖ (tends to <see cref="Bias"/> as the draws grow).</param>
/// <param name="Cosine">cos∠(E[CD-k], ∇L): whether the expected CD direction is still a descent direction.</param>
public sealed record ContrastiveDivergenceRow(int K, double Bias, double Noise, double MonteCarloBias, double Cosine)
{
    /// <inheritdoc />
    public override string ToString() => $"CD-{K}: bias {Bias:G3}, noise {Noise:G3}, cos(E[CD], ∇L) = {Cosine:F3}";
}
