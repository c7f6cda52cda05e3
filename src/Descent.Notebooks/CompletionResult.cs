namespace Descent.Notebooks;

/// <summary>Completions at a cursor (Jupyter's <c>complete_reply</c>).</summary>
/// <param name="Matches">Texts that can replace the span [<paramref name="CursorStart"/>, <paramref name="CursorEnd"/>).</param>
/// <param name="CursorStart">Offset (in characters of the code) where the replaced span starts.</param>
/// <param name="CursorEnd">Offset where the replaced span ends.</param>
public sealed record CompletionResult(IReadOnlyList<string> Matches, int CursorStart, int CursorEnd);
