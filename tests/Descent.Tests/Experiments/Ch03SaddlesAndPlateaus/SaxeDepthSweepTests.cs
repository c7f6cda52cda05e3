using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class SaxeDepthSweepTests
{
    private static readonly SaxeDepthSweepResult Result = new SaxeDepthSweep().Run(new SaxeDepthSweepParameters { Depths = [2, 4, 8], Repeats = 3 });

    [Fact]
    public void Small_gaussian_starts_learn_ever_more_slowly_with_depth()
    {
        // The product of d matrices with entries N(0, 0.3²) and width 4 has singular values ~ (0.3·√4)^d = 0.6^d: each extra layer
        // starts closer to the saddle at W = 0. Saxe et al. report the resulting growth; we require monotone growth and ≥ 4× from 2 to 8.
        var g = Result.Rows.Select(r => r.GaussianSteps).ToArray();
        Assert.True(g[0] < g[1] && g[1] < g[2], Result.ToString());
        Assert.True(g[2] > 4 * g[0], Result.ToString());
    }

    [Fact]
    public void Orthogonal_starts_learn_in_a_number_of_steps_that_does_not_grow_with_depth()
    {
        var o = Result.Rows.Select(r => r.OrthogonalSteps).ToArray();
        Assert.True(o.Max() <= 1.5 * o[0], Result.ToString());
        Assert.True(o[2] < Result.Rows[2].GaussianSteps / 4, Result.ToString());
    }
}
