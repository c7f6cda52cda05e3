using System.Globalization;
using System.Text;

namespace Descent.Experiments;

/// <summary>A rectangular table of results: named columns, rows of numbers or text.</summary>
/// <param name="Columns">Column names.</param>
/// <param name="Rows">Rows; each has one cell per column (double, int, string or bool).</param>
public sealed record ResultTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object>> Rows)
{
    /// <summary>RFC 4180 CSV with invariant-culture numbers (round-trip precision).</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(",", Columns.Select(Escape))).Append('\n');
        foreach (var row in Rows)
        {
            if (row.Count != Columns.Count)
            {
                throw new InvalidOperationException($"a row has {row.Count} cells but the table has {Columns.Count} columns.");
            }

            sb.Append(string.Join(",", row.Select(c => Escape(Format(c))))).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>A fixed-width text rendering (for notebooks and the console).</summary>
    public override string ToString()
    {
        var cells = Rows.Select(r => r.Select(FormatShort).ToArray()).ToArray();
        var widths = Columns.Select((c, j) => Math.Max(c.Length, cells.Length == 0 ? 0 : cells.Max(r => r[j].Length))).ToArray();
        var sb = new StringBuilder();
        sb.Append(string.Join("  ", Columns.Select((c, j) => c.PadLeft(widths[j])))).Append('\n');
        foreach (var r in cells)
        {
            sb.Append(string.Join("  ", r.Select((c, j) => c.PadLeft(widths[j])))).Append('\n');
        }

        return sb.ToString().TrimEnd();
    }

    private static string Format(object? cell) => cell switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        null => "",
        _ => cell.ToString() ?? "",
    };

    private static string FormatShort(object? cell) => cell is double d ? d.ToString("G5", CultureInfo.InvariantCulture) : Format(cell);

    private static string Escape(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
