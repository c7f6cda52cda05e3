using System.Globalization;

namespace Descent.Experiments;

/// <summary>Result of <see cref="SafranShamir"/>: one row per (k, n) next to the paper's values, and every run's end point.</summary>
/// <param name="Rows">One row per (k, n), in the order run.</param>
/// <param name="EndPoints">Every run's end point (empty when read back from a CSV file).</param>
/// <param name="Parameters">The parameters used (null when read back from a CSV file).</param>
public sealed record SafranShamirResult(IReadOnlyList<SafranShamirRow> Rows, IReadOnlyList<SafranShamirEndPoint> EndPoints,
    SafranShamirParameters? Parameters) : IExperimentResult
{
    /// <summary>The file the full table is stored in, under the repository's data/ folder.</summary>
    public const string StoredFileName = "safran-shamir.csv";

    /// <summary>The columns of <see cref="ToTable"/> (and of the stored CSV).</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "k", "n", "runs", "global", "spurious", "saddle_or_degenerate", "not_converged", "spurious_percent", "standard_error",
        "paper_percent", "paper_standard_error", "z_score", "avg_min_eigenvalue", "paper_avg_min_eigenvalue",
        "avg_objective", "paper_avg_objective", "distinct_spurious", "mean_steps", "max_gradient_norm",
    ];

    /// <summary>The row for (k, n), or null.</summary>
    public SafranShamirRow? Row(int k, int n) => Rows.FirstOrDefault(r => r.K == k && r.N == n);

    /// <summary>The spurious minima found (with their θ).</summary>
    public IEnumerable<SafranShamirEndPoint> SpuriousMinima => EndPoints.Where(e => e.Kind == EndPointKind.SpuriousMinimum);

    /// <inheritdoc />
    public string Summary
    {
        get
        {
            var parts = Rows.GroupBy(r => r.N - r.K).OrderBy(g => g.Key).Select(g =>
            {
                var first = g.First();
                var last = g.Last();
                string label = g.Key == 0 ? "n = k" : $"n = k + {g.Key}";
                return first == last
                    ? $"{label}: k = {first.K} {first.SpuriousPercent:G3}% spurious"
                    : $"{label}: {first.SpuriousPercent:G3}% spurious at k = {first.K} → {last.SpuriousPercent:G3}% at k = {last.K}";
            });
            int runs = Rows.Count == 0 ? 0 : Rows[0].Runs;
            return $"{runs} GD runs per (k, n); " + string.Join("; ", parts);
        }
    }

    /// <inheritdoc />
    public ResultTable ToTable() => new(Columns, Rows.Select(r =>
    {
        var p = r.Paper;
        return (IReadOnlyList<object>)
        [
            r.K, r.N, r.Runs, r.GlobalMinima, r.SpuriousMinima, r.SaddlesOrDegenerate, r.NotConverged, r.SpuriousPercent, r.StandardError,
            p?.Percent ?? double.NaN, p?.StandardError ?? double.NaN, r.ZScore, r.AverageMinEigenvalue, p?.AverageMinEigenvalue ?? double.NaN,
            r.AverageObjective, p?.AverageObjective ?? double.NaN, r.DistinctSpuriousMinima, r.MeanSteps, r.MaxGradientNorm,
        ];
    }).ToArray());

    /// <summary>A compact side-by-side table for a notebook: ours ± SE next to the paper's ± SE.</summary>
    public ResultTable Comparison() => new(
        ["k", "n", "ours %", "± SE", "paper %", "± SE", "z", "ours λmin", "paper λmin", "ours F", "paper F", "distinct"],
        Rows.Select(r =>
        {
            var p = r.Paper;
            return (IReadOnlyList<object>)
            [
                r.K, r.N, Math.Round(r.SpuriousPercent, 2), Math.Round(r.StandardError, 2),
                p is null ? "—" : p.Percent, p is null ? "—" : Math.Round(p.StandardError, 2),
                double.IsNaN(r.ZScore) ? "—" : Math.Round(r.ZScore, 2),
                Round(r.AverageMinEigenvalue, 4), p is null ? "—" : p.AverageMinEigenvalue,
                Round(r.AverageObjective, 4), p is null ? "—" : p.AverageObjective, r.DistinctSpuriousMinima,
            ];
        }).ToArray());

    /// <summary>Reads a table written by <c>descent experiment run safran-shamir --out FILE.csv</c> (lines starting with
    /// '#' are comments). End points are not stored, so <see cref="EndPoints"/> is empty.</summary>
    public static SafranShamirResult Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        if (lines.Length == 0) throw new FormatException($"{path} has no header line.");
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i
            : throw new FormatException($"{path} has no column '{name}'.");
        var rows = lines.Skip(1).Select(line =>
        {
            var c = line.Split(',');
            int I(string name) => int.Parse(c[Col(name)], CultureInfo.InvariantCulture);
            double D(string name) => double.Parse(c[Col(name)], NumberStyles.Float, CultureInfo.InvariantCulture);
            return new SafranShamirRow(I("k"), I("n"), I("runs"), I("global"), I("spurious"), I("saddle_or_degenerate"), I("not_converged"),
                D("avg_min_eigenvalue"), D("avg_objective"), I("distinct_spurious"), D("mean_steps"), D("max_gradient_norm"));
        }).ToArray();
        return new SafranShamirResult(rows, [], null);
    }

    /// <summary>A table the CLI stored in the repository's data/ folder (default: the full n = k table,
    /// data/<see cref="StoredFileName"/>), found by walking up from the current directory as <see cref="Data.Digits.FindFile()"/> does.</summary>
    public static SafranShamirResult LoadStored(string fileName = StoredFileName) => Load(DataFiles.Find(fileName));

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + Comparison();

    private static object Round(double x, int digits) => double.IsNaN(x) ? "—" : Math.Round(x, digits);
}
