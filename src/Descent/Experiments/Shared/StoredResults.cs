namespace Descent.Experiments;

/// <summary>
/// Results a CLI run stored in the repository's <c>data/</c> folder (CSV written by <c>descent experiment run NAME --out
/// data/FILE.csv</c>, with comment lines starting with <c>#</c> that give the exact command). Notebooks show them next to a
/// smaller live run when the full experiment takes longer than a cell may.
/// </summary>
public static class StoredResults
{
    /// <summary>Reads <c>data/<paramref name="fileName"/></c>, found by walking up from the current directory and then from
    /// the application folder; numbers become doubles, everything else stays text.</summary>
    /// <exception cref="FileNotFoundException">No folder above either start holds the file.</exception>
    public static ResultTable Load(string fileName) => Parse(File.ReadAllLines(DataFiles.Find(fileName)));

    /// <summary>The comment lines (without the leading <c>#</c>) of <c>data/<paramref name="fileName"/></c>: how it was made.</summary>
    public static string Provenance(string fileName) =>
        string.Join("\n", File.ReadLines(DataFiles.Find(fileName)).Where(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim()));

    /// <summary>One numeric column of a table, by name.</summary>
    public static double[] Column(ResultTable table, string name)
    {
        ArgumentNullException.ThrowIfNull(table);
        return DataFiles.Column(table.Columns, table.Rows, name, "the table");
    }

    /// <summary>Parses CSV lines (comments starting with <c>#</c> skipped; the first other line is the header; no quoted commas).</summary>
    public static ResultTable Parse(IEnumerable<string> lines)
    {
        var (_, columns, rows) = DataFiles.Parse(lines, "the table");
        return new ResultTable(columns, rows);
    }
}
