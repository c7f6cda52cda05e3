namespace Descent.Notebooks.Running;

/// <summary>Where and why a notebook run failed.</summary>
/// <param name="Notebook">The notebook's path as given.</param>
/// <param name="CellNumber">1-based position of the failing cell among all cells; <c>null</c> when the notebook could not be read.</param>
/// <param name="Line">1-based line in the cell, when known.</param>
/// <param name="Message">What went wrong.</param>
public sealed record RunFailure(string Notebook, int? CellNumber, int? Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        CellNumber is null ? $"{Notebook}: {Message}"
        : Line is null ? $"{Notebook}, cell {CellNumber}: {Message}"
        : $"{Notebook}, cell {CellNumber}, line {Line}: {Message}";
}
