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

    /// <summary>Rebuilds a result from its table (e.g. a CLI run stored with <see cref="StoredResults"/>).</summary>
    public static MemoryTaskResult FromTable(ResultTable table, int symbols = 4)
    {
        ArgumentNullException.ThrowIfNull(table);
        var c = table.Columns.ToList();
        int I(string name) => c.IndexOf(name) is var j and >= 0 ? j : throw new ArgumentException($"the table has no column '{name}'.", nameof(table));
        double D(IReadOnlyList<object> row, string name) => Convert.ToDouble(row[I(name)], System.Globalization.CultureInfo.InvariantCulture);
        var rows = table.Rows.Select(r => new MemoryTaskRow(Convert.ToString(r[I("initialization")], System.Globalization.CultureInfo.InvariantCulture)!,
            D(r, "clip_norm"), (int)D(r, "lag"), D(r, "success_rate"), D(r, "mean_accuracy"), D(r, "mean_final_loss"), D(r, "gradient_to_start"),
            D(r, "largest_gradient"))).ToArray();
        return new MemoryTaskResult(rows, symbols);
    }

    /// <inheritdoc />
    public string Summary => $"memory task, {Symbols} symbols (chance {1.0 / Symbols:P0}):\n" + string.Join("\n", Rows);

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["initialization", "clip_norm", "lag", "success_rate", "mean_accuracy", "mean_final_loss", "gradient_to_start", "largest_gradient"],
        Rows.Select(r => (IReadOnlyList<object>)[r.Initialization, r.ClipNorm, r.Lag, r.SuccessRate, r.MeanAccuracy, r.MeanFinalLoss, r.MeanGradientToStart, r.LargestGradient]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}
