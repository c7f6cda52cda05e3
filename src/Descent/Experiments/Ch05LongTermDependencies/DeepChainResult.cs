namespace Descent.Experiments;

/// <summary>Result of <see cref="DeepChain"/>.</summary>
/// <param name="Curves">Shared and independent weights for each scale.</param>
/// <param name="Width">n.</param>
/// <param name="Repeats">Repeats averaged per curve.</param>
public sealed record DeepChainResult(IReadOnlyList<ChainCurve> Curves, int Width, int Repeats) : IExperimentResult
{
    /// <inheritdoc />
    public string Summary => string.Join("\n", Curves);

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["kind", "scale", "rate", "predicted_rate", "mean_log_norm_at_L"],
        Curves.Select(c => (IReadOnlyList<object>)[c.Kind, c.Scale, c.Rate, c.PredictedRate, c.MeanLogNorms[^1]]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}
