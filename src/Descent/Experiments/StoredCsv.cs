using System.Globalization;

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
    public static ResultTable Read(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "data", fileName);
                if (File.Exists(candidate)) return Parse(File.ReadAllText(candidate));
            }
        }
        throw new FileNotFoundException($"Could not find data/{fileName} above {Environment.CurrentDirectory}.", fileName);
    }

    /// <summary>The comment lines (without the leading #) of the stored file: how it was made.</summary>
    public static string Comment(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "data", fileName);
                if (File.Exists(candidate))
                    return string.Join("\n", File.ReadLines(candidate).TakeWhile(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim()));
            }
        }
        throw new FileNotFoundException($"Could not find data/{fileName} above {Environment.CurrentDirectory}.", fileName);
    }

    /// <summary>Parses CSV text (simple cells, no quoted commas) with optional leading # comment lines.</summary>
    public static ResultTable Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var lines = csv.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        if (lines.Length == 0) throw new FormatException("the CSV text has no header line.");
        var columns = lines[0].Split(',');
        var rows = new List<IReadOnlyList<object>>();
        for (int r = 1; r < lines.Length; r++)
        {
            var cells = lines[r].Split(',');
            if (cells.Length != columns.Length)
                throw new FormatException($"line {r + 1} has {cells.Length} cells, the header has {columns.Length}.");
            rows.Add(cells.Select(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? (object)d : c).ToArray());
        }
        return new ResultTable(columns, rows);
    }

    /// <summary>One numeric column of a table.</summary>
    public static double[] Column(ResultTable table, string name)
    {
        ArgumentNullException.ThrowIfNull(table);
        int j = table.Columns.ToList().IndexOf(name);
        if (j < 0) throw new ArgumentException($"no column '{name}'; the columns are {string.Join(", ", table.Columns)}.", nameof(name));
        return table.Rows.Select(r => Convert.ToDouble(r[j], CultureInfo.InvariantCulture)).ToArray();
    }
}
