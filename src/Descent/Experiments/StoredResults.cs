using System.Globalization;

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
    public static ResultTable Load(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        return Parse(File.ReadAllLines(Find(fileName)));
    }

    /// <summary>The comment lines (without the leading <c>#</c>) of <c>data/<paramref name="fileName"/></c>: how it was made.</summary>
    public static string Provenance(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        return string.Join("\n", File.ReadLines(Find(fileName)).Where(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim()));
    }

    /// <summary>One numeric column of a table, by name.</summary>
    public static double[] Column(ResultTable table, string name)
    {
        ArgumentNullException.ThrowIfNull(table);
        int j = table.Columns.ToList().IndexOf(name);
        if (j < 0) throw new ArgumentException($"no column '{name}'; the columns are {string.Join(", ", table.Columns)}.", nameof(name));
        return table.Rows.Select(r => r[j] is double d ? d : double.NaN).ToArray();
    }

    /// <summary>Parses CSV lines (comments starting with <c>#</c> skipped; the first other line is the header; no quoted commas).</summary>
    public static ResultTable Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var content = lines.Where(l => !l.StartsWith('#') && l.Length > 0).ToArray();
        if (content.Length == 0) throw new FormatException("the table has no header line.");
        var columns = content[0].Split(',');
        var rows = new List<IReadOnlyList<object>>();
        for (int i = 1; i < content.Length; i++)
        {
            var cells = content[i].Split(',');
            if (cells.Length != columns.Length)
                throw new FormatException($"line {i + 1} has {cells.Length} cells, the header {columns.Length}.");
            rows.Add(cells.Select(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : (object)c).ToArray());
        }
        return new ResultTable(columns, rows);
    }

    private static string Find(string fileName)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var path = Path.Combine(dir.FullName, "data", fileName);
                if (File.Exists(path)) return path;
            }
        throw new FileNotFoundException($"Could not find data/{fileName} above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}.", fileName);
    }
}
