namespace Descent.Experiments;

/// <summary>
/// A numeric result table that a CLI run stored in the repository's <c>data/</c> folder
/// (<c>descent experiment run NAME --out data/FILE.csv</c>), read back for a notebook. Lines starting with <c>#</c> are
/// comments — by convention the first says which command produced the file; the first other line is the header.
/// </summary>
/// <param name="Path">Where the file was read from.</param>
/// <param name="Comments">The comment lines without their leading <c>#</c>.</param>
/// <param name="Columns">Column names.</param>
/// <param name="Rows">Values, one array per row (non-numeric cells become NaN).</param>
public sealed record StoredTable(string Path, IReadOnlyList<string> Comments, IReadOnlyList<string> Columns, IReadOnlyList<double[]> Rows)
{
    /// <summary>Reads <c>data/<paramref name="fileName"/></c>, found by walking up from the current directory (then from the
    /// application folder) to the repository root.</summary>
    /// <exception cref="FileNotFoundException">No folder above either start has data/<paramref name="fileName"/>.</exception>
    public static StoredTable Load(string fileName) => Read(DataFiles.Find(fileName));

    /// <summary>Reads a stored CSV from an explicit path.</summary>
    public static StoredTable Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var (comments, columns, rows) = DataFiles.Parse(File.ReadLines(path), path);
        return new StoredTable(path, comments, columns, [.. rows.Select(r => r.Select(c => c is double d ? d : double.NaN).ToArray())]);
    }

    /// <summary>The values of one column.</summary>
    public double[] Column(string name)
    {
        int j = Columns.ToList().IndexOf(name);
        if (j < 0)
        {
            throw new ArgumentException($"no column '{name}'; the columns are {string.Join(", ", Columns)}.", nameof(name));
        }

        return Rows.Select(r => r[j]).ToArray();
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"data/{System.IO.Path.GetFileName(Path)}: {Rows.Count} rows × {Columns.Count} columns ({string.Join(", ", Columns)})" +
        (Comments.Count > 0 ? $"\nmade by: {Comments[0]}" : "");
}
