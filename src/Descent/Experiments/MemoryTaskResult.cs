namespace Descent.Experiments;

/// <summary>Result of <see cref="MemoryTaskExperiment"/>: success rate against lag for each initialization and clipping.</summary>
/// <param name="Rows">One row per (initialization, clipping, lag).</param>
/// <param name="Symbols">S (chance accuracy 1/S).</param>
public sealed record MemoryTaskResult(IReadOnlyList<MemoryTaskRow> Rows, int Symbols) : IExperimentResult
{
    /// <summary>The configurations in order (initialization and clipping).</summary>
    public IReadOnlyList<string> Configurations => Rows.Select(r => r.Configuration).Distinct().ToArray();

    /// <summary>The rows of one configuration, by lag.</summary>
    public IReadOnlyList<MemoryTaskRow> Of(string configuration) => Rows.Where(r => r.Configuration == configuration).OrderBy(r => r.Lag).ToArray();

    /// <inheritdoc />
    public string Summary => $"memory task, {Symbols} symbols (chance {1.0 / Symbols:P0}):\n" + string.Join("\n", Rows);

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["initialization", "clip_norm", "lag", "success_rate", "mean_accuracy", "mean_final_loss", "gradient_to_start", "largest_gradient"],
        Rows.Select(r => (IReadOnlyList<object>)[r.Initialization, r.ClipNorm, r.Lag, r.SuccessRate, r.MeanAccuracy, r.MeanFinalLoss, r.MeanGradientToStart, r.LargestGradient]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}
