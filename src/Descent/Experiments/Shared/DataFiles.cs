using System.Globalization;

namespace Descent.Experiments;

/// <summary>
/// The one reader behind the chapters' stored results (<see cref="StoredTable"/>, <see cref="StoredCsv"/>,
/// <see cref="StoredResult"/>, <see cref="StoredResults"/>): finds <c>data/FILE</c> above the current directory or the
/// application folder, and parses a CSV whose leading <c>#</c> lines are comments (the first: the command that made it).
/// Cells that parse as invariant-culture numbers become <see cref="double"/>, others stay strings.
/// </summary>
internal static class DataFiles
{
    /// <summary>The full path of <c>data/<paramref name="fileName"/></c> in the enclosing repository.</summary>
    public static string Find(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var path = Path.Combine(dir.FullName, "data", fileName);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        throw new FileNotFoundException($"Could not find data/{fileName} above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}; run from inside the repository.", fileName);
    }

    /// <summary>The comment lines (without <c>#</c>), the header and the rows of CSV text.</summary>
    public static (string[] Comments, string[] Columns, IReadOnlyList<object>[] Rows) Parse(IEnumerable<string> lines, string source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var comments = new List<string>();
        string[]? columns = null;
        var rows = new List<IReadOnlyList<object>>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#')) { comments.Add(line.TrimStart('#').Trim()); continue; }
            var cells = line.Split(',');
            if (columns is null) { columns = cells; continue; }
            if (cells.Length != columns.Length)
            {
                throw new FormatException($"{source}: line {number} has {cells.Length} cells but the header has {columns.Length}.");
            }

            rows.Add(cells.Select(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (object)c).ToArray());
        }

        return columns is null ? throw new FormatException($"{source} has no header line.") : (comments.ToArray(), columns, rows.ToArray());
    }

    /// <summary>One column as numbers (NaN where a cell is not a number).</summary>
    public static double[] Column(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object>> rows, string name, string source)
    {
        ArgumentNullException.ThrowIfNull(name);
        int j = columns.ToList().IndexOf(name);
        if (j < 0)
        {
            throw new ArgumentException($"{source} has no column '{name}'; the columns are {string.Join(", ", columns)}.", nameof(name));
        }

        return rows.Select(r => r[j] is double d ? d : double.NaN).ToArray();
    }
}
