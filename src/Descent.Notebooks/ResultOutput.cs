namespace Descent.Notebooks;

/// <summary>The value of a cell's last expression (Jupyter's <c>execute_result</c>).</summary>
/// <param name="Data">Mime type → content; JSON mime types hold JSON text. Always has <c>text/plain</c>.</param>
public sealed record ResultOutput(IReadOnlyDictionary<string, string> Data) : CellOutput
{
    /// <inheritdoc />
    public override string ToString() =>
        $"[result] {(Data.TryGetValue(MimeTypes.PlainText, out var text) ? text : string.Join(", ", Data.Keys))}";
}
