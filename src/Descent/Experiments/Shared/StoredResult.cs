using System.Globalization;

namespace Descent.Experiments;

/// <summary>
/// A result table that a CLI run stored in the repository's <c>data/</c> folder for a run too long for a live cell
/// (<c>descent experiment run NAME --out data/FILE.csv</c>), read back for a notebook or a test. This is the one reader of
/// stored results: lines starting with <c>#</c> are comments (by convention the first is the command that regenerates
/// the file), the first other line is the header, and cells that parse as invariant-culture numbers become
/// <see cref="double"/> while the others stay text (simple cells, no quoted commas).
/// </summary>
/// <param name="Path">Where the table was read from (or the source name given to Parse).</param>
/// <param name="Comments">The comment lines without their leading <c>#</c>, in file order.</param>
/// <param name="Table">The header and rows.</param>
public sealed record StoredResult(string Path, IReadOnlyList<string> Comments, ResultTable Table)
{
    /// <summary>The file name without its folder.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The command that regenerates the file: the first comment line (empty when there is none).</summary>
    public string Command => Comments.Count > 0 ? Comments[0] : "";

    /// <summary>How the file was made: every comment line, joined by newlines.</summary>
    public string Provenance => string.Join("\n", Comments);

    /// <summary>One line: the file, its size and columns, then the command that made it.</summary>
    public string Summary =>
        $"data/{FileName}: {Table.Rows.Count} rows × {Table.Columns.Count} columns ({string.Join(", ", Table.Columns)})" +
        (Comments.Count > 0 ? $"\nmade by: {Comments[0]}" : "");

    /// <summary>Reads <c>data/<paramref name="fileName"/></c> from the nearest folder above the current directory (then
    /// above the application folder) that has it, as <see cref="Data.Digits.FindFile()"/> finds the digits.</summary>
    /// <param name="fileName">A bare file name inside data/.</param>
    /// <exception cref="FileNotFoundException">No folder above either start has data/<paramref name="fileName"/>.</exception>
    public static StoredResult Load(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (fileName.IndexOfAny(['/', '\\']) >= 0)
        {
            throw new ArgumentException($"fileName must be a bare file name inside data/, got '{fileName}'.", nameof(fileName));
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var path = System.IO.Path.Combine(dir.FullName, "data", fileName);
                if (File.Exists(path))
                {
                    return Read(path);
                }
            }
        }

        throw new FileNotFoundException(
            $"Could not find data/{fileName} above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}; run from inside the repository, or regenerate it with the command in the chapter.",
            fileName);
    }

    /// <summary>Reads a stored table from an explicit path.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static StoredResult Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadLines(path), path);
    }

    /// <summary>Parses the lines of a stored table; <paramref name="source"/> names it in messages and becomes <see cref="Path"/>.</summary>
    /// <exception cref="FormatException">No header line, or a row with another number of cells than the header.</exception>
    public static StoredResult Parse(IEnumerable<string> lines, string source = "the table")
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

            if (line.StartsWith('#'))
            {
                comments.Add(line.TrimStart('#').Trim());
                continue;
            }

            var cells = line.Split(',');
            if (columns is null)
            {
                columns = cells;
                continue;
            }

            if (cells.Length != columns.Length)
            {
                throw new FormatException($"{source}: line {number} has {cells.Length} cells but the header has {columns.Length}.");
            }

            rows.Add(cells.Select(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (object)c).ToArray());
        }

        return columns is null
            ? throw new FormatException($"{source} has no header line.")
            : new StoredResult(source, comments, new ResultTable(columns, rows));
    }

    /// <summary>Parses CSV text, e.g. what <see cref="ResultTable.ToCsv"/> wrote.</summary>
    public static StoredResult Parse(string csv, string source = "the table")
    {
        ArgumentNullException.ThrowIfNull(csv);
        return Parse(csv.Split('\n'), source);
    }

    /// <summary>The numbers of one column (NaN where a cell is not a number).</summary>
    /// <exception cref="ArgumentException">No such column; the message lists the columns.</exception>
    public double[] Column(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        int j = Table.Columns.ToList().IndexOf(name);
        if (j < 0)
        {
            throw new ArgumentException($"{Path} has no column '{name}'; the columns are {string.Join(", ", Table.Columns)}.", nameof(name));
        }

        return Table.Rows.Select(r => r[j] is double d ? d : double.NaN).ToArray();
    }

    /// <inheritdoc />
    public override string ToString() => $"data/{FileName} (regenerate: {Command})\n{Table}";
}
