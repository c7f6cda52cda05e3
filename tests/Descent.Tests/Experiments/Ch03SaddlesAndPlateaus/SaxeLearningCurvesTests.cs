using Descent.Experiments;
using Descent.Models;

namespace Descent.Tests.Experiments;

public sealed class SaxeLearningCurvesTests
{
    private static SaxeLearningCurvesResult Decoupled(double learningRate) => new SaxeLearningCurves().Run(new SaxeLearningCurvesParameters
    {
        LearningRate = learningRate,
        Steps = (int)Math.Round(8 / learningRate),
        RecordEvery = (int)Math.Round(0.1 / learningRate),
    });

    [Fact]
    public void From_a_decoupled_start_the_simulation_follows_the_analytic_sigmoids_up_to_the_step_size()
    {
        // Gradient descent is the Euler discretization of the flow, so the gap to u(t) is O(ε): halving ε must roughly halve it
        // (ratio 1.6–2.4 allows the O(ε²) remainder), and at ε = 0.005 it is below 0.05 on modes of size up to 3.
        var coarse = Decoupled(0.01);
        var fine = Decoupled(0.005);
        Assert.True(fine.MaxDeviation < 0.05, fine.Summary);
        Assert.InRange(coarse.MaxDeviation / fine.MaxDeviation, 1.6, 2.4);
    }

    [Fact]
    public void Stronger_modes_are_learned_first_at_the_predicted_half_times()
    {
        var r = Decoupled(0.005);
        var half = r.HalfTimes;
        for (int a = 0; a < r.Strengths.Length; a++)
        {
            // t½ = ln(s/u₀ − 1)/(2s); records every 0.1 time units and the O(ε) Euler lag allow ±0.25.
            Assert.InRange(half[a], SaxeLearningCurve.HalfTime(r.Strengths[a], 1e-3) - 0.25, SaxeLearningCurve.HalfTime(r.Strengths[a], 1e-3) + 0.25);
            if (a > 0)
            {
                Assert.True(half[a] > half[a - 1]);
            }
        }
    }

    [Fact]
    public void Small_random_starts_show_a_plateau_then_a_drop()
    {
        var r = new SaxeLearningCurves().Run(new SaxeLearningCurvesParameters { Initialization = SaxeInitialization.SmallGaussian, Steps = 1200, RecordEvery = 10 });
        double l0 = r.Losses[0];
        // L(0) ≈ ½Σs² = 7.125 (the weights start tiny). On the plateau (t ≤ 1) less than 5 % is learned, by the end more than 90 %.
        Assert.InRange(l0, 7.0, 7.2);
        int atOne = Array.FindIndex(r.Times, t => t >= 1.0);
        Assert.True(r.Losses[atOne] > 0.95 * l0, r.Summary);
        Assert.True(r.Losses[^1] < 0.1 * l0, r.Summary);
    }
}
