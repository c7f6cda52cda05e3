using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class SaddleAttractionTests
{
    private static readonly SaddleAttractionResult Result = new SaddleAttraction().Run(new SaddleAttractionParameters { Starts = 200 });

    [Fact]
    public void Newtons_basin_of_the_saddle_contains_the_strip_where_its_map_contracts()
    {
        // y ↦ 2y³/(3y² − 1) shrinks |y| iff 2y² < |3y² − 1|, i.e. y² < 1/5 on the branch through 0: so every |y| < 1/√5 converges
        // to the saddle, and the grid fraction must be at least 1/√5 (grid spacing 1e-5 costs at most 2e-5).
        Assert.True(Result.NewtonBasinFraction >= 1 / Math.Sqrt(5) - 2e-5, $"{Result.NewtonBasinFraction}");
        Assert.True(Result.NewtonBasinFraction < 0.5, $"{Result.NewtonBasinFraction}");
    }

    [Fact]
    public void Newton_converges_to_the_saddle_from_a_set_of_positive_measure_and_gd_and_saddle_free_newton_never_do()
    {
        // x is solved exactly by Newton's first step, so the fraction of random starts ending at the saddle estimates the 1-D
        // basin fraction: binomial standard error √(p(1 − p)/200) ≈ 0.035 at p ≈ 0.45; 3.2 SE = 0.11. (Newton may also fail
        // where 3y² = 1 makes H singular, which only lowers the count.)
        Assert.InRange(Result["Newton"].AtSaddle, Result.NewtonBasinFraction - 0.11, Result.NewtonBasinFraction + 0.11);
        Assert.Equal(0.0, Result["GradientDescent"].AtSaddle);
        Assert.Equal(0.0, Result["SaddleFree"].AtSaddle);
        Assert.Equal(1.0, Result["GradientDescent"].AtMinimum);
        Assert.True(Result["SaddleFree"].AtMinimum >= 0.95, Result.ToString());
    }

    [Fact]
    public void Saddle_free_newton_reaches_a_minimum_many_times_faster_than_gradient_descent()
    {
        // GD with ε = 0.1 contracts the last error by 0.9 or 0.8 per step (≈ 200 steps to 1e-10); SFN converges quadratically.
        Assert.True(Result["SaddleFree"].MedianSteps * 10 < Result["GradientDescent"].MedianSteps, Result.ToString());
    }
}
