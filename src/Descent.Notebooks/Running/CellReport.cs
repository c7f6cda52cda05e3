namespace Descent.Notebooks.Running;

/// <summary>How one code cell of a run went.</summary>
/// <param name="CellNumber">1-based position among all cells of the notebook (what an editor shows).</param>
/// <param name="ExecutionCount">The cell's execution count in the run.</param>
/// <param name="Execution">Outputs, success, time.</param>
public sealed record CellReport(int CellNumber, int ExecutionCount, CellExecution Execution)
{
    /// <inheritdoc />
    public override string ToString() => $"cell {CellNumber} [{ExecutionCount}]: {Execution}";
}
