using Descent.Experiments;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Experiments;

public sealed class RnnCliffTests
{
    private static readonly RnnCliffResult Result = new RnnCliff().Run();

    [Fact]
    public void The_wall_lies_on_the_line_b_equals_h0_minus_w_sigma_h0()
    {
        // f(h) = wσ(h) + b is increasing, so the orbit from h₀ is monotone: h_T − h₀ has the sign of h₁ − h₀ = b − b*(w) for
        // every T ≥ 1. Bisection on that sign therefore lands on b* up to rounding (1e-12 ≈ a few ulps of |b*| ≤ 7).
        foreach (var wall in Result.Walls)
        {
            double hand = 0.5 - wall.Weight / (1 + Math.Exp(-0.5));
            Assert.Equal(hand, wall.Predicted, 1e-13);
            Assert.Equal(hand, wall.Measured, 1e-12);
            // The loss jumps across the wall by several units (the two attractors are far apart for w ≥ 5).
            Assert.True(wall.LossBelow - wall.LossAbove > 5, wall.ToString());
        }
    }

    [Fact]
    public void At_the_wall_the_slope_is_the_geometric_sum_of_the_gain()
    {
        // At b* every hₜ = h₀, so ∂hₜ/∂b = 1 + g·∂hₜ₋₁/∂b with g = wσ'(h₀): ∂h_T/∂b = (gᵀ − 1)/(g − 1), |∂L/∂b| = 2·0.2·that.
        // Hand check at w = 6: σ'(0.5) = σ(0.5)(1 − σ(0.5)).
        double s = 1 / (1 + Math.Exp(-0.5)), g = 6 * s * (1 - s);
        double expected = 2 * 0.2 * (Math.Pow(g, 50) - 1) / (g - 1);
        var row = Result.Walls.Single(w => w.Weight == 6);
        Assert.Equal(expected, row.PredictedSlope, 1e-9 * expected);
        // The model's forward-mode derivative agrees (rounding in b* is amplified by g⁵⁰ ≈ 3e7: relative error ≲ 1e-8).
        Assert.Equal(expected, row.Slope, 1e-6 * expected);
        // …and is millions of times the slope away from the wall (≈ 10).
        Assert.True(row.Slope > 1e6 * row.OrdinarySlope);
    }

    [Fact]
    public void Plain_steps_jump_far_while_clipped_steps_stay_bounded()
    {
        var p = new RnnCliffParameters();
        // Near the wall plain GD takes a step far longer than any the clipped runs can take (ε·v = 0.1 by norm, ε·c·√2 ≈ 0.14
        // by value) — 60 units for this start, a deterministic run; we assert a margin of 100× the clipped bound.
        Assert.True(CliffJumpResult.LargestStep(Result.Plain) > 100 * p.LearningRate * p.ClipNorm, Result.Summary);
        Assert.All(Result.ClippedByNorm.StepLengths, l => Assert.True(l <= p.LearningRate * p.ClipNorm * (1 + 1e-12)));
        Assert.All(Result.ClippedByValue.StepLengths, l => Assert.True(l <= p.LearningRate * p.ClipValue * Math.Sqrt(2) * (1 + 1e-12)));
        // The norm-clipped run reaches a low loss; the value-clipped one, whose clamped steps point along the diagonal near
        // the wall, ends higher (the chapter's "slower progress").
        Assert.True(Result.ClippedByNorm.Loss < 0.01, Result.Summary);
        Assert.True(Result.ClippedByValue.Loss > 10 * Result.ClippedByNorm.Loss, Result.Summary);
    }

    [Fact]
    public void LocateWall_rejects_weights_without_a_wall()
    {
        // w·σ'(0.5) ≤ 1 for w ≤ 4.25: the map has a single attractor and no wall.
        Assert.Equal("weight", Assert.Throws<ArgumentOutOfRangeException>(() => RnnCliff.LocateWall(new SingleUnitRnn(), 4.0)).ParamName);
        _ = Vector<double>.Build;
    }
}
