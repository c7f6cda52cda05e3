using Descent.Experiments;
using Descent.Functions;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Experiments;

public sealed class BasinMapTests
{
    private static readonly BasinMapResult Map = new BasinMap().Run(new BasinMapParameters { Resolution = 21 });

    [Fact]
    public void From_the_wrong_side_of_the_mountain_descent_ends_in_the_worse_basin()
    {
        var f = new WrongSideOfMountain();
        var (outcome, steps) = BasinMap.Descend(f, f.Start[0], f.Start[1], 0.25, 1000);
        Assert.Equal(BasinOutcome.Local, outcome);
        Assert.True(steps < 1000);
    }

    [Fact]
    public void The_map_has_both_basins_and_its_rates_add_up()
    {
        // Chapter claim: about three quarters of the box reaches the global minimum and about a quarter the worse basin
        // (41×41 gives 74.7 % / 25.3 %; the 21×21 grid here must agree to within a few grid cells: 60–90 % and 10–40 %).
        Assert.InRange(Map.SuccessRate, 0.6, 0.9);
        Assert.InRange(Map.LocalRate, 0.1, 0.4);
        Assert.Equal(1.0, Map.SuccessRate + Map.LocalRate + Map.NotConvergedRate, 12);
    }

    [Fact]
    public void Every_label_agrees_with_an_independent_run_of_the_training_loop()
    {
        // Independent implementation: the course's Trainer with plain gradient descent, classified by the nearest minimizer.
        var f = Map.Surface;
        for (int j = 0; j < Map.Y.Length; j += 4)
            for (int i = 0; i < Map.X.Length; i += 4)
            {
                var run = Trainer.Run(f, Optimizers.GradientDescent(0.25), Vector<double>.Build.DenseOfArray([Map.X[i], Map.Y[j]]),
                    new TrainingOptions { MaxSteps = 3000, GradientTolerance = 1e-9, RecordThetaEvery = 0 });
                bool global = (run.Theta - f.GlobalMinimizer).L2Norm() < (run.Theta - f.LocalMinimizer!).L2Norm();
                Assert.Equal(global ? BasinOutcome.Global : BasinOutcome.Local, Map.Outcomes[j][i]);
            }
    }

    [Fact]
    public void Without_the_local_basin_almost_every_start_reaches_the_global_minimum()
    {
        var map = new BasinMap().Run(new BasinMapParameters { Resolution = 11, LocalBasinDepth = 0 });
        Assert.Equal(0.0, map.LocalRate);
        Assert.True(map.SuccessRate > 0.9, map.Summary);
    }

    [Fact]
    public void Bad_parameters_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BasinMap().Run(new BasinMapParameters { Resolution = 2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BasinMap().Run(new BasinMapParameters { LearningRate = -1 }));
    }
}
