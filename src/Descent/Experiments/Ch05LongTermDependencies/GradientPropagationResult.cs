namespace Descent.Experiments;

/// <summary>Result of <see cref="GradientPropagation"/>: one curve per (activation, recurrent matrix, ρ, input scale).</summary>
/// <param name="Curves">The curves.</param>
public sealed record GradientPropagationResult(IReadOnlyList<PropagationCurve> Curves) : IExperimentResult
{
    /// <summary>The curves grouped by everything but ρ, for a plot of fitted slope against ln ρ.</summary>
    public IReadOnlyList<PropagationFamily> Families =>
        Curves.GroupBy(c => (c.Activation, c.RecurrentKind, c.InputScale))
            .Select(g => new PropagationFamily(
                (g.Key.Activation == Models.Activation.Identity ? "linear" : Models.Naming.Of(g.Key.Activation)) + $", {g.Key.RecurrentKind}"
                    + (g.Key.Activation == Models.Activation.Identity ? "" : $", σ_U = {g.Key.InputScale:G3}"),
                g.Select(c => c.LogSpectralRadius).ToArray(), g.Select(c => c.Slope).ToArray()))
            .ToArray();

    /// <inheritdoc />
    public string Summary => string.Join("\n", Curves);

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["curve", "spectral_radius", "log_rho", "slope", "norm_at_T"],
        Curves.Select(c => (IReadOnlyList<object>)[c.Name, c.SpectralRadius, c.LogSpectralRadius, c.Slope, c.Norms[^1]]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}
