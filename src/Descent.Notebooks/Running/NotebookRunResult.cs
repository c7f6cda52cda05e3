namespace Descent.Notebooks.Running;

/// <summary>The outcome of running a notebook top to bottom.</summary>
/// <param name="Path">The notebook's path.</param>
/// <param name="Cells">A report per code cell that ran.</param>
/// <param name="Failure">Why the run failed, or <c>null</c>.</param>
/// <param name="Elapsed">Wall-clock time including the session start.</param>
/// <param name="SessionStart">Time to start the session.</param>
/// <param name="Saved"><c>true</c> when outputs were written back to the file.</param>
public sealed record NotebookRunResult(string Path, IReadOnlyList<CellReport> Cells, RunFailure? Failure, TimeSpan Elapsed, TimeSpan SessionStart, bool Saved)
{
    /// <summary><c>true</c> when every code cell ran without an error.</summary>
    public bool Succeeded => Failure is null;

    /// <inheritdoc />
    public override string ToString() =>
        Succeeded ? $"{Path}: {Cells.Count} cells in {Elapsed.TotalSeconds:0.0} s" : $"FAILED {Failure}";
}
