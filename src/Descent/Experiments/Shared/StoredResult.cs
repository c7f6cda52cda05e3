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
        {
            throw new ArgumentException($"fileName must be a bare file name inside data/, got '{fileName}'.", nameof(fileName));
        }

        string path = Path.Combine(Path.GetDirectoryName(Digits.FindFile())!, fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"data/{fileName} does not exist; regenerate it with the command in the chapter.", path);
        }

        return Parse(fileName, File.ReadAllLines(path));
    }

    /// <summary>Parses the stored text: comment lines (<c>#</c>) first, the first of them the command, then a header and rows of
    /// numbers or plain text (no quoted commas).</summary>
    public static StoredResult Parse(string fileName, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0 || !lines[0].StartsWith('#'))
        {
            throw new FormatException($"{fileName}: expected a '# command' line, a header and rows.");
        }

        var (comments, columns, rows) = DataFiles.Parse(lines, fileName);
        return new StoredResult(fileName, comments[0], new ResultTable(columns, rows));
    }

    /// <summary>The numbers of one column.</summary>
    public double[] Column(string name) => DataFiles.Column(Table.Columns, Table.Rows, name, FileName);

    /// <inheritdoc />
    public override string ToString() => $"data/{FileName} (regenerate: {Command})\n{Table}";
}
