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
        {
            for (int i = 0; i < Map.X.Length; i += 4)
            {
                var run = Trainer.Run(f, Optimizers.GradientDescent(0.25), Vector<double>.Build.DenseOfArray([Map.X[i], Map.Y[j]]),
                    new TrainingOptions { MaxSteps = 3000, GradientTolerance = 1e-9, RecordThetaEvery = 0 });
                bool global = (run.Theta - f.GlobalMinimizer).L2Norm() < (run.Theta - f.LocalMinimizer!).L2Norm();
                Assert.Equal(global ? BasinOutcome.Global : BasinOutcome.Local, Map.Outcomes[j][i]);
            }
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

public sealed class WrongSideOfMountainChapterTests
{
    [Fact]
    public void At_the_start_the_steepest_descent_direction_points_more_than_160_degrees_away()
    {
        // Chapter 07 §1: cos∠(−g, θ* − θ₀) ≈ −0.97, i.e. more than 160° (cos 160° = −0.940).
        var f = new WrongSideOfMountain();
        var g = f.Gradient(f.Start);
        var toGlobal = f.GlobalMinimizer - f.Start;
        double cos = -g.DotProduct(toGlobal) / (g.L2Norm() * toGlobal.L2Norm());
        Assert.True(cos < Math.Cos(160 * Math.PI / 180), $"cos = {cos:G4}");
    }

    [Fact]
    public void With_the_chapter_step_descent_stops_behind_the_mountain_or_detours_twice_the_distance()
    {
        // Chapter 07 §2 with ε = 0.25: with the basin GD ends at the local minimum (L ≈ −0.152 vs −1.97); without it the
        // path to the global minimum is more than twice the straight distance (measured 9.33 vs 4.25).
        var f = new WrongSideOfMountain();
        var stuck = Trainer.Run(f, Optimizers.GradientDescent(0.25), f.Start, new TrainingOptions { MaxSteps = 400, GradientTolerance = 1e-6 });
        Assert.True((stuck.Theta - f.LocalMinimizer!).L2Norm() < 1e-5);
        var flat = new WrongSideOfMountain(localBasinDepth: 0);
        var detour = Trainer.Run(flat, Optimizers.GradientDescent(0.25), flat.Start, new TrainingOptions { MaxSteps = 5000, GradientTolerance = 1e-6 });
        Assert.True((detour.Theta - flat.GlobalMinimizer).L2Norm() < 1e-5);
        Assert.True(detour.StepLengths.Sum() > 2 * (flat.GlobalMinimizer - flat.Start).L2Norm());
    }
}
