using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class StableManifoldTests
{
    private static readonly StableManifoldResult Result = new StableManifold().Run();

    [Fact]
    public void A_start_on_the_stable_manifold_converges_to_the_saddle()
    {
        var on = Result.Rows.Single(r => r.Offset == 0);
        Assert.Equal(-1, on.EscapeSteps);
        // From (1, 0): y stays 0 and x is multiplied by 1 − ε = 0.9 each step, so after 1000 steps ‖θ‖ = 0.9¹⁰⁰⁰ exactly (up to rounding).
        Assert.Equal(Math.Pow(0.9, 1000), on.FinalDistanceToSaddle, Math.Pow(0.9, 1000) * 1e-10);
    }

    [Fact]
    public void Every_start_off_the_manifold_escapes_between_the_growth_bounds()
    {
        foreach (var row in Result.Rows.Where(r => r.Offset > 0))
        {
            // y grows by a factor between 1 + ε(1 − R²) and 1 + ε while |y| ≤ R, which brackets the escape step exactly.
            Assert.InRange(row.EscapeSteps, row.LowerBound, row.UpperBound);
            Assert.Equal(-0.25, row.FinalLoss, 9);   // it ends in a minimum (0, ±1), L = −¼
        }
    }

    [Fact]
    public void Time_near_the_saddle_grows_like_log_one_over_delta()
    {
        // Three decades of δ cost ln(1000)/ln(1.1) = 72.5 steps, give or take the ceiling of each count.
        var a = Result.Rows.Single(r => r.Offset == 1e-12);
        var b = Result.Rows.Single(r => r.Offset == 1e-9);
        Assert.InRange(a.EscapeSteps - b.EscapeSteps, 71, 74);
        Assert.InRange(a.StepsNearSaddle - b.StepsNearSaddle, 71, 74);
    }
}
