using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class RedundancyTests
{
    private static readonly RedundancyResult Result = new Redundancy().Run(new RedundancyParameters { Copies = [1, 10, 50], Draws = 2000 });

    [Fact]
    public void Copies_leave_sigma_and_the_minibatch_error_unchanged()
    {
        // The per-example gradients of r copies are the same K vectors, each with weight 1/K: σ equal to rounding.
        Assert.True(Result.SigmaSpread < 1e-12, Result.Summary);
        // Each measured error (R = 2000 draws, relative SE ≈ 1/√(2R)·(heavy-tail factor ≤ 2) ≈ 3 %) within 10 % of σ/√n.
        foreach (var row in Result.Copied)
        {
            Assert.Equal(row.Predicted, row.Measured, 0.1 * row.Predicted);
        }
    }

    [Fact]
    public void One_example_copied_gives_the_exact_gradient()
    {
        // All examples identical: σ = 0 and every minibatch (even n = 1) equals the full gradient, to rounding.
        var single = Result.SingleExample;
        Assert.True(single.Sigma < 1e-12 && single.Measured < 1e-12, single.ToString());
    }
}
