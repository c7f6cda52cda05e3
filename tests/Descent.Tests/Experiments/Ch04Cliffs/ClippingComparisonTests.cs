using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class ClippingComparisonTests
{
    // A smaller grid than the chapter's CLI run (12 starts, 600 steps) — the claims below already hold there.
    private static readonly ClippingComparisonParameters Parameters = new()
    {
        StartWeights = [6, 8, 9, 10],
        StartOffsets = [-0.3, 0.1, 0.6],
        Thresholds = [0, 1, 10, 100],
        TrainingSteps = 600,
        ShowcaseStart = 8,
    };

    private static readonly ClippingComparisonResult Result = new ClippingComparison().Run(Parameters);

    [Fact]
    public void Without_clipping_most_runs_jump_and_with_a_moderate_threshold_none_does()
    {
        var none = Result.Rows[0];
        Assert.True(none.JumpRate >= 0.5, Result.Summary);
        Assert.True(none.LargestStep > 10, Result.Summary);
        var ten = Result.Rows[2];
        Assert.Equal(0, ten.JumpRate);
        // Guarantee of the clip: no step longer than ε·v.
        Assert.True(ten.LargestStep <= Parameters.LearningRate * 10 * (1 + 1e-12));
        // The plain runs' largest jump dwarfs anything a clipped step can do (61.8 vs 0.1 here; a 100× margin).
        Assert.True(none.LargestStep > 100 * ten.LargestStep, Result.Summary);
    }

    [Fact]
    public void A_tiny_threshold_clips_every_step_and_stalls()
    {
        // v = 1 is below the ordinary slope (≈ 10 on this surface), so every step is clipped to length ε·1 = 0.01 and
        // 600 such steps cannot reach the target from most starts.
        var one = Result.Rows[1];
        Assert.True(one.ClippedFraction > 0.95, Result.Summary);
        Assert.True(one.SuccessRate < Result.Rows[2].SuccessRate, Result.Summary);
    }
}
