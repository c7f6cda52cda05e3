using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class Chapter07CancellationTests
{
    [Fact]
    public void An_interrupted_cell_stops_training_bend_fitting_and_the_basin_map()
    {
        // The notebook host makes the cell's token ambient; with no token passed the loops must honour it.
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var net = new DigitsNetwork([4]);
        var theta0 = net.Initialize(1);
        using (AmbientCancellation.Use(cts.Token))
        {
            Assert.ThrowsAny<OperationCanceledException>(() => net.Fit(theta0, steps: 10));
            Assert.ThrowsAny<OperationCanceledException>(() => ModeConnectivity.TrainBend(net, theta0, theta0 * 0.5, CurveKind.Bezier, 10, 0.1, 8, 1));
            Assert.ThrowsAny<OperationCanceledException>(() => new BasinMap().Run(new BasinMapParameters { Resolution = 3 }));
            Assert.ThrowsAny<OperationCanceledException>(() => new SeparableNormGrowth().Run(new SeparableNormGrowthParameters { Steps = 10 }));
        }
        // Outside the scope the same calls run.
        Assert.Equal(10, net.Fit(theta0, steps: 10).SnapshotSteps[^1]);
    }
}
