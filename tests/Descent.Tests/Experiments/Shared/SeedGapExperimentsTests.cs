using Descent.Experiments;
using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Experiments;

/// <summary>The experiments that close the last seed sections: random search, Newton's accuracy, noise behind the
/// mountain, lines through other models, and the random-walk control.</summary>
public sealed class SeedGapExperimentsTests
{
    [Fact]
    public void Loss_line_on_a_quadratic_is_the_parabola_through_its_ends()
    {
        var q = Quadratic.FromEigenvalues2D(1, 4, 0.3);
        Vector<double> a = Point.Of(2, -1), b = Point.Of(-1, 3);
        var line = LossLine.Along(q, a, b, count: 21);

        foreach (var (alpha, loss) in line.Alphas.Zip(line.Losses))
        {
            // L((1−α)a + αb) = (1−α)L(a) + αL(b) − ½α(1−α)(b−a)ᵀH(b−a) for a quadratic ½θᵀHθ.
            var d = b - a;
            var expected = (1 - alpha) * q.Value(a) + alpha * q.Value(b) - 0.5 * alpha * (1 - alpha) * d.DotProduct(q.Hessian(a) * d);
            Assert.Equal(expected, loss, 10); // exact algebra, rounding only
        }

        Assert.Equal(0.0, line.Barrier, 12); // convex: never above the chord
        Assert.Throws<ArgumentOutOfRangeException>(() => LossLine.Along(q, a, b, from: 0.2));
    }

    [Fact]
    public void Random_search_collapses_with_the_dimension_while_gradient_descent_does_not()
    {
        var result = new RandomSearchComparison().Run();
        var (low, high) = (result.Rows[0], result.Rows[^1]);

        Assert.True(low.RandomSearchBest < 0.1 * low.StartLoss);        // in 2-D, 200 points land near the minimum
        Assert.True(high.RandomSearchBest > 0.5 * high.StartLoss);      // in 100-D the best of 200 is barely better than a random point
        // Gradient descent with ε = 1/λmax contracts every eigen-component by at least 1 − λmin/λmax = 0.9 per step, so
        // after 200 steps L ≤ 0.9^400 · L(θ₀) in any dimension.
        Assert.All(result.Rows, r => Assert.True(r.GradientDescentLoss <= Math.Pow(0.9, 400) * r.StartLoss * (1 + 1e-9)));
    }

    [Fact]
    public void The_newton_step_loses_about_log_kappa_digits_and_a_hessian_costs_8n_squared_bytes()
    {
        var result = new NewtonSolveAccuracy().Run();

        // A backward-stable solve gives relative error ≲ c·κ·u; c = 10 is generous for n = 50 (measured ≤ 0.2).
        Assert.All(result.Accuracy, r => Assert.True(r.RelativeError <= 10 * r.RoundingScale, $"κ = {r.Kappa}: {r.RelativeError}"));
        Assert.True(result.Accuracy[^1].RelativeError > 1e6 * result.Accuracy[0].RelativeError); // 12 decades of κ cost ≥ 6 digits
        Assert.Equal(8.0 * 4810 * 4810, result.Cost[0].HessianBytes);
        Assert.Equal(1e18 / 3, result.Cost[1].FactorizationFlops, 1e6);
    }

    [Fact]
    public void Small_gradient_noise_leaves_runs_in_the_shallow_basin_large_noise_frees_most()
    {
        var result = new NoisyEscape().Run(new NoisyEscapeParameters { NoiseLevels = [0, 0.5, 2], Runs = 20 });

        Assert.Equal(20, result.Rows[0].Local);                 // plain GD from the start: the shallow basin (chapter 07 §2)
        Assert.True(result.Rows[1].LocalFraction >= 0.9);       // s = 0.5: noise alone is not enough
        Assert.True(result.Rows[2].LocalFraction <= 0.5);       // s = 2: most runs cross the ridge
    }

    [Fact]
    public void Lines_through_other_models_fall_from_start_to_end()
    {
        var result = new ModelInterpolations().Run(new ModelInterpolationsParameters { DigitsSteps = 200, RnnSteps = 100, RbmSteps = 150, Count = 21 });

        Assert.Equal(5, result.Lines.Count);
        Assert.All(result.Lines, l => Assert.True(l.EndValues.End < l.EndValues.Start, l.ToString()));
        Assert.All(result.Lines.Take(2), l => Assert.Equal(0.0, l.LargestRise));       // the digits MLPs: monotone on [0, 1]
        Assert.True(result.Lines[2].EndValues.End > 2 * result.Lines[0].EndValues.End); // the saturated start ends far worse
    }

    [Fact]
    public void Sgd_moves_along_its_line_while_a_random_walk_of_equal_steps_does_not()
    {
        var net = new DigitsNetwork();
        var run = net.Fit(net.Initialize(1), steps: 200, recordEvery: 20);
        var result = RandomWalkControl.Compare(net, run);
        var end = result.Rows[^1];

        Assert.Equal(1.0, end.SgdAlpha, 12);            // θ* is the end of the line by construction
        Assert.Equal(0.0, end.SgdResidual, 12);
        Assert.True(Math.Abs(end.WalkAlpha) < 0.2);     // random directions in 1,210 dimensions are nearly orthogonal to the line
        Assert.True(end.WalkResidual > result.Rows.Max(r => r.SgdResidual)); // …so its length goes off the line
        Assert.True(end.WalkLoss > result.Rows[0].WalkLoss);                  // and the loss does not fall at all
    }
}
