namespace Descent.Experiments;

/// <summary>Result of <see cref="BatchSizeRace"/>: per batch size the cost to reach the target training loss.</summary>
/// <param name="Rows">One row per batch size.</param>
/// <param name="ExampleCount">N, the training examples.</param>
/// <param name="TargetLoss">The target training loss.</param>
public sealed record BatchSizeRaceResult(IReadOnlyList<BatchSizeRaceRow> Rows, int ExampleCount, double TargetLoss) : IExperimentResult
{
    /// <summary>The row with the fewest examples processed among those that reached the target.</summary>
    public BatchSizeRaceRow FewestExamples => Rows.Where(r => r.Reached).MinBy(r => r.Examples)
        ?? throw new InvalidOperationException("no batch size reached the target loss.");

    /// <inheritdoc />
    public string Summary
    {
        get
        {
            var best = FewestExamples;
            var full = Rows.MaxBy(r => r.BatchSize)!;
            return $"target training loss {TargetLoss:G3}: fewest examples with B = {best.BatchSize} ({best.Epochs(ExampleCount):G3} epochs), "
                + $"B = {full.BatchSize} needs {full.Examples / (double)best.Examples:G3}× as many"
                + $"; validation error at the target {string.Join(" / ", Rows.Select(r => r.ValidationError.ToString("P1")))} for B = {string.Join(" / ", Rows.Select(r => r.BatchSize))}"
                + " (wall-clock seconds are in the table and vary with the machine and its load)";
        }
    }

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["batch_size", "learning_rate", "reached", "steps", "examples", "epochs", "train_loss", "validation_loss", "validation_error", "wall_seconds_machine_dependent"],
        Rows.Select(r => (IReadOnlyList<object>)[r.BatchSize, r.LearningRate, r.Reached, r.Steps, r.Examples, r.Epochs(ExampleCount), r.TrainLoss,
            r.ValidationLoss, r.ValidationError, r.WallSeconds]).ToArray());

    /// <summary>The table without the wall-clock column: identical on every run and machine.</summary>
    public ResultTable DeterministicTable()
    {
        var t = ToTable();
        return new ResultTable(t.Columns.Take(t.Columns.Count - 1).ToArray(), t.Rows.Select(r => (IReadOnlyList<object>)r.Take(r.Count - 1).ToArray()).ToArray());
    }

    /// <inheritdoc />
    public override string ToString() => Summary;
}
