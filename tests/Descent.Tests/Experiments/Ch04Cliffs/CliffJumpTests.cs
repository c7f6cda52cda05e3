using Descent.Experiments;
using Descent.Functions;

namespace Descent.Tests.Experiments;

public sealed class CliffJumpTests
{
    private static readonly CliffJumpResult Result = new CliffJump().Run();

    [Fact]
    public void From_above_one_plain_step_jumps_far_and_the_clipped_run_reaches_the_ledge()
    {
        var p = new CliffJumpParameters();
        var f = new ProductCliff(p.LayersPerWeight);
        // The first plain step is ε‖∇L(θ₀)‖ with the hand formula on the diagonal (√2·k·|w¹⁰ − 1|·w⁹ at w = 1.3 ≈ 958.7).
        double expected = p.AboveLearningRate * Math.Sqrt(2) * 5 * (Math.Pow(1.3, 10) - 1) * Math.Pow(1.3, 9);
        Assert.Equal(expected, Result.AbovePlain.StepLengths[0], 1e-9 * expected);
        Assert.True(Result.AbovePlain.StepLengths[0] > 10 * 1.8, "the jump should leave the plotted region (width 1.8) many times over");
        Assert.True(Result.AbovePlain.Diverged, Result.AbovePlain.Message);
        // Clipped: every step ≤ εv exactly (the clip's guarantee; 1e-12 for rounding), and the run converges to the ledge.
        Assert.All(Result.AboveClipped.StepLengths, l => Assert.True(l <= p.AboveLearningRate * p.ClipNorm * (1 + 1e-12)));
        Assert.True(Result.AboveClipped.Loss < 1e-6, Result.AboveClipped.ToString());
        Assert.Equal(1.0, Math.Pow(Result.AboveClipped.Theta[0] * Result.AboveClipped.Theta[1], 5), 1e-3);
        _ = f;
    }

    [Fact]
    public void From_below_plain_GD_is_thrown_off_while_the_clipped_run_stays_on_the_ledge()
    {
        var p = new CliffJumpParameters();
        // Plain GD creeps over the plateau (first step ~2e-3) and is then thrown: some step is longer than the whole picture.
        Assert.True(Result.BelowPlain.StepLengths[0] < 0.01);
        Assert.True(CliffJumpResult.LargestStep(Result.BelowPlain) > 1.8, Result.Summary);
        Assert.True(Result.BelowPlain.Diverged, Result.BelowPlain.Message);
        // Clipped: bounded steps; ε = 0.1 exceeds 2/λ = 0.04 on the ledge, so it does not converge, but it stays near it:
        // loss below 0.1 (a fifth of the plateau's 0.5) and θ inside the plotted box.
        Assert.All(Result.BelowClipped.StepLengths, l => Assert.True(l <= p.BelowLearningRate * p.ClipNorm * (1 + 1e-12)));
        Assert.True(Result.BelowClipped.Loss < 0.1, Result.Summary);
        Assert.All(Result.BelowClipped.Thetas, t => Assert.True(t[0] > -0.2 && t[0] < 1.6 && t[1] > -0.2 && t[1] < 1.6));
    }
}
