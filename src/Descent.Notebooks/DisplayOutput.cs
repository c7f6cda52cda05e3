namespace Descent.Notebooks;

/// <summary>A value a cell displayed (<c>display(x)</c>, <c>x.Display()</c>) or updated in place.</summary>
/// <param name="Data">Mime type → content; JSON mime types hold JSON text. Always has <c>text/plain</c>.</param>
/// <param name="DisplayId">Non-null when the value can later be updated in place.</param>
/// <param name="IsUpdate"><c>true</c> when this replaces the earlier display with the same <paramref name="DisplayId"/>.</param>
public sealed record DisplayOutput(IReadOnlyDictionary<string, string> Data, string? DisplayId, bool IsUpdate) : CellOutput
{
    /// <inheritdoc />
    public override string ToString() =>
        $"[{(IsUpdate ? "update" : "display")}] {(Data.TryGetValue(MimeTypes.PlainText, out var text) ? text : string.Join(", ", Data.Keys))}";
}
