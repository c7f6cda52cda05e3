namespace Descent.Data;

/// <summary>
/// Train, validation and test splits of one source data set, standardized with statistics of the
/// training split only.
/// </summary>
/// <param name="Train">Training examples (standardized).</param>
/// <param name="Validation">Validation examples, for early stopping and model choice (standardized with the train statistics).</param>
/// <param name="Test">Test examples, touched once at the end (standardized with the train statistics).</param>
/// <param name="Standardizer">The train-split statistics applied to all three.</param>
/// <param name="TrainRows">Row of the source file of each training example, in order.</param>
/// <param name="ValidationRows">Row of the source file of each validation example, in order.</param>
/// <param name="TestRows">Row of the source file of each test example, in order.</param>
/// <param name="Seed">The seed that chose the split.</param>
public sealed record DataSplit(
    Dataset Train, Dataset Validation, Dataset Test, Standardizer Standardizer,
    int[] TrainRows, int[] ValidationRows, int[] TestRows, int Seed)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Train} | {Validation} | {Test} (seed {Seed})";
}
