namespace Descent.Notebooks;

/// <summary>Documentation of the symbol at a cursor (Jupyter's <c>inspect_reply</c>).</summary>
/// <param name="PlainText">Signature and documentation as plain text.</param>
/// <param name="Markdown">The same as Markdown, when the engine gives it.</param>
public sealed record InspectResult(string PlainText, string? Markdown);
