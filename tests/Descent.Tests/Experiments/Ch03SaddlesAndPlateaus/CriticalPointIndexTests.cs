using Descent.Curvature;
using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class CriticalPointIndexTests
{
    private static readonly CriticalPointIndexParameters Parameters = new() { Runs = 3 };
    private static readonly CriticalPointIndexResult Result = new CriticalPointIndex().Run(Parameters);

    [Fact]
    public void Every_reported_point_is_critical_and_its_index_counts_the_negative_eigenvalues_of_the_exact_hessian()
    {
        var net = CriticalPointIndex.Network(Parameters);
        Assert.True(Result.Points.Count >= 8, Result.Summary);
        foreach (var p in Result.Points)
        {
            Assert.True(net.Gradient(p.Point.Theta).L2Norm() <= 1e-9);
            // Recompute the spectrum independently (MathNet's dense Evd via Spectrum, not the eigenvalue-only solver).
            var spectrum = Spectrum.At(net, p.Point.Theta);
            Assert.Equal(spectrum.Eigenvalues.Count(l => l < -1e-6), p.Point.Index);
            Assert.Equal(net.Value(p.Point.Theta), p.Loss, 14);
        }
    }

    [Fact]
    public void Index_rises_with_loss_as_the_coin_flip_argument_predicts()
    {
        // Dauphin et al.'s Fig. 1: a strong positive rank correlation. Every minimum found must lie below every saddle of index ≥ 3.
        Assert.True(Result.RankCorrelation > 0.6, Result.Summary);
        double lowestHighIndex = Result.Points.Where(p => p.Point.Index >= 3).Select(p => p.Loss).DefaultIfEmpty(double.PositiveInfinity).Min();
        double highestMinimum = Result.Points.Where(p => p.Point.Index == 0).Select(p => p.Loss).DefaultIfEmpty(double.NegativeInfinity).Max();
        Assert.True(highestMinimum < lowestHighIndex, Result.Summary);
    }

    [Fact]
    public void The_highest_critical_point_is_the_network_that_does_nothing()
    {
        // Predicting the mean ȳ everywhere costs ½·mean((y − ȳ)²) = ½·p(1 − p) = 0.125 on balanced 0/1 XOR labels (p = ½);
        // the small L2 term adds at most λ/2·‖W‖² with ‖W‖ ≈ 0 there (tolerance 1e-3).
        var top = Result.Points.MaxBy(p => p.Loss)!;
        Assert.Equal(0.125, top.Loss, 1e-3);
        Assert.Equal(4, top.Point.Index);
    }
}
