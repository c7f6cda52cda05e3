using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class ClippingStatisticsTests
{
    // Fewer steps and sequences than the chapter's CLI run (1000 steps, 512 sequences); the claims hold here already.
    private static readonly ClippingStatisticsResult Result = new ClippingStatistics().Run(new ClippingStatisticsParameters
    {
        Steps = 150,
        AddingCount = 64,
        AddingLength = 20,
    });

    [Fact]
    public void The_fraction_clipped_counts_the_norms_above_the_threshold()
    {
        foreach (var trace in new[] { Result.Mlp, Result.Rnn })
        {
            int above = trace.GradientNorms.Count(n => n > trace.Threshold);
            Assert.Equal(above / (double)trace.GradientNorms.Length, trace.ClippedFraction, 15);
            Assert.All(trace.GradientNorms, n => Assert.True(double.IsFinite(n) && n >= 0));
            Assert.True(trace.FinalLoss < trace.InitialLoss, trace.ToString());
        }
    }

    [Fact]
    public void The_RNN_gradient_norms_have_a_heavier_tail_than_the_MLP()
    {
        // The chapter's claim: RNN gradient norms are spiky (max/median large), MLP norms are not; a 2× margin between the two.
        double mlpTail = Result.Mlp.MaxNorm / Result.Mlp.MedianNorm, rnnTail = Result.Rnn.MaxNorm / Result.Rnn.MedianNorm;
        Assert.True(rnnTail > 2 * mlpTail, $"{Result.Mlp}\n{Result.Rnn}");
        Assert.True(Result.Rnn.ClippedFraction > Result.Mlp.ClippedFraction, $"{Result.Mlp}\n{Result.Rnn}");
    }
}
