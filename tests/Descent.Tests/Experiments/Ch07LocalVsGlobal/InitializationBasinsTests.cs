using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class InitializationBasinsTests
{
    private static readonly InitializationBasinsResult Result = new InitializationBasins().Run(new InitializationBasinsParameters { Steps = 400 }); // the notebook's live run

    [Fact]
    public void Different_seeds_end_in_different_solutions_separated_by_a_barrier()
    {
        // Every scale: the line between the two seeds' solutions rises well above both (barrier > 0.2, while the
        // endpoint losses are ≈ 0.12–0.25; measured barriers 0.49, 0.50, 0.81).
        Assert.All(Result.LineBarriers, b => Assert.True(b > 0.2, Result.Summary));
    }

    [Fact]
    public void A_too_large_initialization_scale_reaches_a_worse_solution_in_the_same_budget()
    {
        // Scales 0.1, 1, 4 of Glorot: at ×4 tanh units saturate; the chapter claims its final loss is at least 1.5× that of
        // ×1 (measured 0.241 vs 0.125) and its initial loss is higher (large random logits: measured 6.1 vs 2.4 on average).
        var loss = Result.MeanTrainLoss;
        Assert.True(loss[2] > 1.5 * loss[1], Result.Summary);
        double Initial(double s) => Result.Outcomes.Where(o => o.Scale == s).Average(o => o.Run.InitialTrainLoss);
        Assert.True(Initial(4.0) > Initial(1.0));
        // At ×0.1 the start is nearly symmetric: every logit ≈ 0, so L(θ₀) ≈ ln 10 = 2.303 (within 0.05).
        Assert.Equal(Math.Log(10), Initial(0.1), 0.05);
    }
}
