namespace Descent.Experiments;

/// <summary>Result of <see cref="GradientPropagation"/>: one curve per (activation, recurrent matrix, ρ, input scale).</summary>
/// <param name="Curves">The curves.</param>
public sealed record GradientPropagationResult(IReadOnlyList<PropagationCurve> Curves) : IExperimentResult
{
    /// <inheritdoc />
    public string Summary => string.Join("\n", Curves);

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["curve", "spectral_radius", "log_rho", "slope", "norm_at_T"],
        Curves.Select(c => (IReadOnlyList<object>)[c.Name, c.SpectralRadius, c.LogSpectralRadius, c.Slope, c.Norms[^1]]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}
