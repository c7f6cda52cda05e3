using System.Globalization;

namespace Descent.Experiments;

/// <summary>Result of <see cref="LossSpread"/>: the final losses of many seeded runs per hidden width.</summary>
/// <param name="Rows">One row per width, in the order given.</param>
public sealed record LossSpreadResult(IReadOnlyList<LossSpreadRow> Rows) : IExperimentResult
{
    /// <summary>The file the CLI result is stored in, under the repository's data/ folder.</summary>
    public const string StoredFileName = "loss-spread.csv";

    /// <inheritdoc />
    public string Summary => "spread (sd) of the final training loss: "
        + string.Join(", ", Rows.Select(r => $"width {r.Width}: {r.StandardDeviation:G2} (mean {r.Mean:G3})"));

    /// <inheritdoc />
    public ResultTable ToTable() => new(["width", "run", "train_loss", "test_loss"],
        Rows.SelectMany(r => r.TrainLosses.Select((l, i) => (IReadOnlyList<object>)[r.Width, i, l, r.TestLosses[i]])).ToArray());

    /// <summary>Reads a table written by <c>descent experiment run loss-spread --out FILE.csv</c> ('#' lines are comments).</summary>
    public static LossSpreadResult Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1);
        var rows = lines.Select(l => l.Split(','))
            .Select(c => (Width: int.Parse(c[0], CultureInfo.InvariantCulture),
                Train: double.Parse(c[2], NumberStyles.Float, CultureInfo.InvariantCulture),
                Test: double.Parse(c[3], NumberStyles.Float, CultureInfo.InvariantCulture)))
            .GroupBy(r => r.Width)
            .Select(g => new LossSpreadRow(g.Key, g.Select(r => r.Train).ToArray(), g.Select(r => r.Test).ToArray()))
            .ToArray();
        return new LossSpreadResult(rows);
    }

    /// <summary>The stored CLI result, data/<see cref="StoredFileName"/>.</summary>
    public static LossSpreadResult LoadStored() => Load(DataFiles.Find(StoredFileName));

    /// <inheritdoc />
    public override string ToString() => string.Join("\n", Rows);
}
