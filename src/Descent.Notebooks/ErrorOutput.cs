namespace Descent.Notebooks;

/// <summary>A compile error or a runtime exception of a cell.</summary>
/// <param name="Name">The exception type (e.g. <c>ArgumentException</c>) or <c>CompilationError</c>.</param>
/// <param name="Message">The message, without the stack trace.</param>
/// <param name="Traceback">Lines to show the reader (the diagnostics or the stack trace).</param>
/// <param name="Line">1-based line in the cell where the error occurred, when known.</param>
public sealed record ErrorOutput(string Name, string Message, IReadOnlyList<string> Traceback, int? Line) : CellOutput
{
    /// <inheritdoc />
    public override string ToString() => Line is { } line ? $"{Name} (line {line}): {Message}" : $"{Name}: {Message}";
}
