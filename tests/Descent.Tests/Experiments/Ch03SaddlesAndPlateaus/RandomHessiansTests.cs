using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class RandomHessiansTests
{
    private static readonly RandomHessiansResult Result = new RandomHessians().Run(new RandomHessiansParameters { Samples = 10, CoinSamples = 5000, CoinSizes = [1, 2, 3] });

    [Fact]
    public void Half_the_eigenvalues_are_negative_and_the_shifted_index_follows_the_semicircle()
    {
        // 1,000 eigenvalues of symmetric ensembles: the negative fraction is ½ up to ≈ 1/√1000 ≈ 0.03 (less, by rigidity).
        Assert.InRange(Result.NegativeFraction, 0.47, 0.53);
        foreach (var row in Result.Shifted)
        {
            Assert.True(Math.Abs(row.MeasuredIndex - row.SemicircleIndex) < 0.03, $"μ = {row.Shift}: {row.MeasuredIndex} vs {row.SemicircleIndex}");
        }
    }

    [Fact]
    public void A_minimum_is_an_all_heads_outcome()
    {
        // n = 1: a single N(0, 2/n) entry is positive half the time (SE √(¼/5000) = 0.007, 4 SE = 0.028).
        Assert.InRange(Result.Coins[0].PositiveDefinite, 0.472, 0.528);
        Assert.True(Result.Coins[1].PositiveDefinite < Result.Coins[1].IndependentCoins);
        Assert.True(Result.Coins[2].PositiveDefinite < 0.5 * Result.Coins[2].IndependentCoins);
    }
}
