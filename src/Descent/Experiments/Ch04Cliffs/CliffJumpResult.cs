using Descent.Optimization;

namespace Descent.Experiments;

/// <summary>Result of <see cref="CliffJump"/>: four runs on the product cliff — from above and from below, plain and clipped.</summary>
/// <param name="AbovePlain">Plain gradient descent started on the wall.</param>
/// <param name="AboveClipped">The same with clipping by norm.</param>
/// <param name="BelowPlain">Plain gradient descent started on the plateau.</param>
/// <param name="BelowClipped">The same with clipping by norm.</param>
/// <param name="Parameters">The parameters used.</param>
public sealed record CliffJumpResult(TrainingResult AbovePlain, TrainingResult AboveClipped, TrainingResult BelowPlain,
    TrainingResult BelowClipped, CliffJumpParameters Parameters) : IExperimentResult
{
    /// <summary>The runs in the order above-plain, above-clipped, below-plain, below-clipped.</summary>
    public IReadOnlyList<TrainingResult> Runs => [AbovePlain, AboveClipped, BelowPlain, BelowClipped];

    /// <summary>Legend names of <see cref="Runs"/>.</summary>
    public IReadOnlyList<string> Names =>
    [
        $"from above, plain GD (ε = {Parameters.AboveLearningRate:G3})", $"from above, clipped ‖g‖ ≤ {Parameters.ClipNorm:G3}",
        $"from below, plain GD (ε = {Parameters.BelowLearningRate:G3})", $"from below, clipped ‖g‖ ≤ {Parameters.ClipNorm:G3}",
    ];

    /// <summary>Largest step ‖θₖ₊₁ − θₖ‖ of a run.</summary>
    public static double LargestStep(TrainingResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.StepLengths.Length == 0 ? 0 : run.StepLengths.Max();
    }

    /// <inheritdoc />
    public string Summary =>
        string.Join("\n", Runs.Zip(Names, (r, n) =>
            $"{n}: largest step {LargestStep(r):G3}, final loss {r.Loss:G3} after {r.Steps} steps{(r.Diverged ? " (diverged)" : "")}, θ = ({r.Theta[0]:G3}, {r.Theta[1]:G3})"));

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["run", "first_step", "largest_step", "final_loss", "steps", "diverged"],
        Runs.Zip(Names, (r, n) => (IReadOnlyList<object>)[n, r.StepLengths.Length == 0 ? 0.0 : r.StepLengths[0], LargestStep(r), r.Loss, r.Steps, r.Diverged]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}
