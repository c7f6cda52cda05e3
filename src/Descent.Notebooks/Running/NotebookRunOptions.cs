namespace Descent.Notebooks.Running;

/// <summary>Options of <see cref="NotebookRunner.RunAsync"/>.</summary>
/// <param name="CellTimeout">Longest a single cell may run before it is interrupted; <c>null</c> for no limit.</param>
/// <param name="Save">Write outputs and execution counts back into the file when every cell succeeded.</param>
/// <param name="OnCellStarted">Called before a code cell runs, with its 1-based number among all cells.</param>
/// <param name="OnCellFinished">Called after a code cell ran.</param>
/// <param name="BeforeSave">Called on the notebook (outputs in place) just before it is saved, e.g. to stamp metadata.</param>
public sealed record NotebookRunOptions(
    TimeSpan? CellTimeout = null,
    bool Save = true,
    Action<int, Ipynb.NotebookCell>? OnCellStarted = null,
    Action<CellReport>? OnCellFinished = null,
    Action<Ipynb.Notebook>? BeforeSave = null);
