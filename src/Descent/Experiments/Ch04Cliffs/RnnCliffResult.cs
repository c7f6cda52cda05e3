using Descent.Optimization;

namespace Descent.Experiments;

/// <summary>Result of <see cref="RnnCliff"/>: the wall's location for several w, and three gradient-descent runs.</summary>
/// <param name="Walls">One row per w.</param>
/// <param name="Plain">Plain gradient descent.</param>
/// <param name="ClippedByNorm">Gradient descent with clipping by norm.</param>
/// <param name="ClippedByValue">Gradient descent with clipping by value.</param>
/// <param name="Parameters">The parameters used.</param>
public sealed record RnnCliffResult(IReadOnlyList<WallLocation> Walls, TrainingResult Plain, TrainingResult ClippedByNorm,
    TrainingResult ClippedByValue, RnnCliffParameters Parameters) : IExperimentResult
{
    /// <summary>The three runs: plain, clipped by norm, clipped by value.</summary>
    public IReadOnlyList<TrainingResult> Runs => [Plain, ClippedByNorm, ClippedByValue];

    /// <summary>Legend names of <see cref="Runs"/>.</summary>
    public IReadOnlyList<string> Names =>
        [$"plain GD (ε = {Parameters.LearningRate:G3})", $"clip by norm ‖g‖ ≤ {Parameters.ClipNorm:G3}", $"clip by value |gᵢ| ≤ {Parameters.ClipValue:G3}"];

    /// <summary>Largest |measured − predicted| wall position over the rows.</summary>
    public double LargestWallError => Walls.Max(w => Math.Abs(w.Measured - w.Predicted));

    /// <inheritdoc />
    public string Summary =>
        $"wall b*(w) = h₀ − wσ(h₀) confirmed for {Walls.Count} weights (largest error {LargestWallError:G2}); "
        + string.Join("; ", Runs.Zip(Names, (r, n) => $"{n}: largest step {CliffJumpResult.LargestStep(r):G3}, final loss {r.Loss:G3}"));

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["w", "b_predicted", "b_measured", "loss_below", "loss_above", "gain", "slope_formula", "slope_measured", "slope_away"],
        Walls.Select(w => (IReadOnlyList<object>)[w.Weight, w.Predicted, w.Measured, w.LossBelow, w.LossAbove, w.Gain, w.PredictedSlope, w.Slope, w.OrdinarySlope]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + string.Join("\n", Walls);
}
