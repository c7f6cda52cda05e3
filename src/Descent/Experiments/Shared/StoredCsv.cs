namespace Descent.Experiments;

/// <summary>
/// Reads a result table that <c>descent experiment run NAME --out data/FILE.csv</c> wrote and that was stored in the
/// repository's <c>data/</c> folder: lines starting with <c>#</c> (the command that regenerates it) are skipped, the
/// first remaining line is the header, numbers are parsed with the invariant culture and everything else stays text.
/// </summary>
public static class StoredCsv
{
    /// <summary>Reads <c>data/<paramref name="fileName"/></c> from the nearest folder above the current directory
    /// (or the application folder) that has it.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static ResultTable Read(string fileName) => Parse(File.ReadAllText(DataFiles.Find(fileName)));

    /// <summary>The comment lines (without the leading #) of the stored file: how it was made.</summary>
    public static string Comment(string fileName) =>
        string.Join("\n", File.ReadLines(DataFiles.Find(fileName)).TakeWhile(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim()));

    /// <summary>Parses CSV text (simple cells, no quoted commas) with optional leading # comment lines.</summary>
    public static ResultTable Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var (_, columns, rows) = DataFiles.Parse(csv.Split('\n'), "the CSV text");
        return new ResultTable(columns, rows);
    }

    /// <summary>One numeric column of a table.</summary>
    public static double[] Column(ResultTable table, string name)
    {
        ArgumentNullException.ThrowIfNull(table);
        return DataFiles.Column(table.Columns, table.Rows, name, "the table");
    }
}
