using System.Globalization;
using Descent.Data;

namespace Descent.Experiments;

/// <summary>
/// A result table the CLI stored in <c>data/</c> for a run too long for a live cell: the first line is a comment
/// <c># command</c> that regenerates it, then the CSV that <c>descent experiment run NAME --out FILE.csv</c> wrote.
/// </summary>
/// <param name="FileName">File name inside data/.</param>
/// <param name="Command">The command that regenerates the file.</param>
/// <param name="Table">The table.</param>
public sealed record StoredResult(string FileName, string Command, ResultTable Table)
{
    /// <summary>Loads <c>data/<paramref name="fileName"/></c> (data/ found like <see cref="Digits.FindFile()"/>).</summary>
    /// <exception cref="FileNotFoundException">No such file in data/.</exception>
    public static StoredResult Load(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (fileName.IndexOfAny(['/', '\\']) >= 0)
            throw new ArgumentException($"fileName must be a bare file name inside data/, got '{fileName}'.", nameof(fileName));
        string path = Path.Combine(Path.GetDirectoryName(Digits.FindFile())!, fileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"data/{fileName} does not exist; regenerate it with the command in the chapter.", path);
        return Parse(fileName, File.ReadAllLines(path));
    }

    /// <summary>Parses the stored text: comment lines (<c>#</c>) first, the first of them the command, then a header and rows of
    /// numbers or plain text (no quoted commas).</summary>
    public static StoredResult Parse(string fileName, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var comments = lines.TakeWhile(l => l.StartsWith('#')).ToArray();
        var body = lines.Skip(comments.Length).Where(l => l.Length > 0).ToArray();
        if (comments.Length == 0 || body.Length == 0)
            throw new FormatException($"{fileName}: expected a '# command' line, a header and rows.");
        var columns = body[0].Split(',');
        var rows = body.Skip(1).Select((l, i) =>
        {
            var cells = l.Split(',');
            if (cells.Length != columns.Length)
                throw new FormatException($"{fileName}: row {i + 1} has {cells.Length} cells, the header {columns.Length}.");
            return (IReadOnlyList<object>)cells.Select(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (object)c).ToArray();
        }).ToArray();
        return new StoredResult(fileName, comments[0].TrimStart('#').Trim(), new ResultTable(columns, rows));
    }

    /// <summary>The numbers of one column.</summary>
    public double[] Column(string name)
    {
        int j = Table.Columns.ToList().IndexOf(name);
        if (j < 0) throw new ArgumentException($"{FileName} has no column '{name}'; columns: {string.Join(", ", Table.Columns)}.", nameof(name));
        return Table.Rows.Select(r => r[j] is double d ? d : double.NaN).ToArray();
    }

    /// <inheritdoc />
    public override string ToString() => $"data/{FileName} (regenerate: {Command})\n{Table}";
}
