using Descent.Optimization;

namespace Descent.Tests.Optimization;

public sealed class NoiseBallTests
{
    [Theory]
    [InlineData(1.0, 0.1, 1.0)]
    [InlineData(10.0, 0.15, 0.25)]
    [InlineData(4.0, 0.05, 0.25)]
    public void Stationary_variance_is_the_fixed_point_of_the_variance_recursion(double lambda, double eps, double s2)
    {
        // Independent: iterate V ← (1 − ελ)² V + ε² s² from 0 until it stops changing.
        double v = 0;
        for (int k = 0; k < 100_000; k++)
        {
            v = (1 - eps * lambda) * (1 - eps * lambda) * v + eps * eps * s2;
        }

        Assert.Equal(v, NoiseBall.StationaryVariance(lambda, eps, s2), 1e-14);
        Assert.Equal(0.5 * lambda * v, NoiseBall.StationaryExcessLoss(lambda, eps, s2), 1e-14);
        // After k steps from V₀ = 0 the same recursion gives V(1 − (1 − ελ)^{2k}).
        double vk = 0;
        for (int k = 0; k < 7; k++)
        {
            vk = (1 - eps * lambda) * (1 - eps * lambda) * vk + eps * eps * s2;
        }

        Assert.Equal(vk, NoiseBall.VarianceAfter(7, lambda, eps, s2), 1e-15);
    }

    [Fact]
    public void The_learning_rate_for_a_variance_inverts_the_stationary_variance()
    {
        foreach (double eps in new[] { 0.001, 0.05, 0.3, 0.45 })
        {
            double v = NoiseBall.StationaryVariance(4, eps, 0.25);
            Assert.Equal(eps, NoiseBall.LearningRateFor(4, v, 0.25), 1e-13);
        }
        // Small-step limit: V ≈ εs²/(2λ), so the excess loss ½λV ≈ εs²/4, whatever λ (within 1 % at ελ = 0.01).
        Assert.Equal(0.001 * 1 / 4, NoiseBall.StationaryExcessLoss(10, 0.001, 1), 0.01 * 0.001 / 4);
    }

    [Fact]
    public void Unstable_learning_rates_are_rejected_with_the_range()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NoiseBall.StationaryVariance(10, 0.2, 1));
        Assert.Equal("learningRate", e.ParamName);
        Assert.Contains("(0, 0.2)", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => NoiseBall.StationaryVariance(0, 0.1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NoiseBall.LearningRateFor(1, 0, 1));
    }
}
