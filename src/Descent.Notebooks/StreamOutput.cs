namespace Descent.Notebooks;

/// <summary>Text a cell wrote to standard output or standard error.</summary>
/// <param name="Name"><c>"stdout"</c> or <c>"stderr"</c>.</param>
/// <param name="Text">The text, as written (may hold several lines).</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput
{
    /// <inheritdoc />
    public override string ToString() => $"[{Name}] {Text}";
}
