using Descent.Optimization;

namespace Descent.Experiments;

/// <summary>Result of <see cref="ClippingComparison"/>: one row per threshold, and the training runs of one showcase start.</summary>
/// <param name="Rows">One row per threshold, in the parameters' order.</param>
/// <param name="Showcase">The runs from the showcase start, one per threshold.</param>
/// <param name="Parameters">The parameters used.</param>
public sealed record ClippingComparisonResult(IReadOnlyList<ClippingRow> Rows, IReadOnlyList<TrainingResult> Showcase, ClippingComparisonParameters Parameters)
    : IExperimentResult
{
    /// <summary>Legend names of <see cref="Showcase"/>.</summary>
    public IReadOnlyList<string> Names => Rows.Select(r => r.Threshold == 0 ? "no clipping" : $"‖g‖ ≤ {r.Threshold:G3}").ToArray();

    /// <inheritdoc />
    public string Summary =>
        $"{Parameters.StartWeights.Length * Parameters.StartOffsets.Length} starts around the wall, ε = {Parameters.LearningRate:G3}, {Parameters.TrainingSteps} steps:\n"
        + string.Join("\n", Rows);

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["threshold", "success_rate", "median_final_loss", "jump_rate", "largest_step", "clipped_fraction", "median_distance"],
        Rows.Select(r => (IReadOnlyList<object>)[r.Threshold, r.SuccessRate, r.MedianFinalLoss, r.JumpRate, r.LargestStep, r.ClippedFraction, r.MedianDistance]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}
