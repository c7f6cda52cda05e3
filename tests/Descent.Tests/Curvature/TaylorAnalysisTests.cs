using Descent.Curvature;
using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Curvature;

public sealed class TaylorAnalysisTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void On_a_quadratic_the_prediction_is_the_actual_change()
    {
        // A quadratic equals its second-order Taylor expansion, so actual − predicted is rounding only.
        var q = Quadratic.FromEigenvalues([0.5, 2.0, 10.0], seed: 13, minimizer: V(1, -1, 2));
        var taylor = TaylorAnalysis.At(q, V(0.3, 0.8, -1.1));
        Assert.Equal(HessianProductSource.Exact, taylor.CurvatureSource);
        foreach (double eps in new[] { 0.0, 0.01, 0.1, 0.2, 0.5, 1.0 })
        {
            var step = taylor.Step(eps);
            // L ~ 10 and the terms ~ 10²: rounding ≲ 1e-13; 1e-11 is a wide margin but far below any O(1) formula slip.
            Assert.True(Math.Abs(step.Error) < 1e-11, step.ToString());
        }
    }

    [Fact]
    public void Optimal_and_harmful_steps_match_the_hand_computation_on_the_d2l_quadratic()
    {
        // 0.1x₁² + 2x₂² at (1, 1): g = (0.2, 4), gᵀg = 16.04, gᵀHg = 0.2·0.2² + 4·4² = 64.008.
        var taylor = TaylorAnalysis.At(Quadratic.D2l(), V(1, 1));
        Assert.Equal(16.04, taylor.GradientSquaredNorm, 12);
        Assert.Equal(64.008, taylor.Curvature, 12);
        Assert.Equal(16.04 / 64.008, taylor.OptimalStep, 14);
        Assert.Equal(2 * 16.04 / 64.008, taylor.HarmfulThreshold, 14);
        Assert.Equal(-16.04 * 16.04 / (2 * 64.008), taylor.OptimalPredictedChange, 12);
        // On a quadratic the model is exact: the step of size ε* achieves the predicted best decrease,
        // the threshold step returns to the same loss, and a larger one goes uphill.
        Assert.Equal(taylor.OptimalPredictedChange, taylor.ActualChange(taylor.OptimalStep), 12);
        Assert.Equal(0.0, taylor.ActualChange(taylor.HarmfulThreshold), 12);
        Assert.True(taylor.Step(1.01 * taylor.HarmfulThreshold).ActuallyHarmful);
        Assert.True(taylor.Step(1.01 * taylor.HarmfulThreshold).PredictedHarmful);
        Assert.False(taylor.Step(0.99 * taylor.HarmfulThreshold).ActuallyHarmful);
        Assert.Contains("go uphill", taylor.ToString());
    }

    [Fact]
    public void On_Rosenbrock_the_error_is_the_hand_computed_cubic_and_quartic_terms()
    {
        // At θ = (−1, 1): y − x² = 0, so g = (−2(1 − x), 0) = (−4, 0) and the step moves x only: d = (4ε, 0).
        // Along x, L = 100(1 − x²)² + (1 − x)² is a quartic; its Taylor terms beyond the second are
        // (1/6)·L'''·(4ε)³ + (1/24)·L''''·(4ε)⁴ with L''' = 2400x = −2400 and L'''' = 2400, i.e. −25600ε³ + 25600ε⁴.
        var taylor = TaylorAnalysis.At(new Rosenbrock(), V(-1, 1));
        Assert.Equal(16.0, taylor.GradientSquaredNorm, 12);
        Assert.Equal(16.0 * 802, taylor.Curvature, 9); // H₁₁ = 100(12 − 4) + 2 = 802
        foreach (double eps in new[] { 0.1, 0.01, 0.003, 0.001 })
        {
            double expected = 25600 * (Math.Pow(eps, 4) - Math.Pow(eps, 3));
            // L(θ) = 4 and the changes are ≤ 10⁴·ε: rounding ≲ 1e-12 absolute.
            Assert.Equal(expected, taylor.Step(eps).Error, 10);
        }
    }

    [Fact]
    public void On_Rosenbrock_halving_epsilon_divides_the_error_by_about_eight()
    {
        // The error is O(ε³): e(ε) = c₃ε³ + c₄ε⁴ exactly (Rosenbrock is a quartic polynomial), so
        // e(ε)/e(ε/2) = 8(1 + kε)/(1 + kε/2) with k = c₄/c₃; at (−1, 1), k = −1 (previous test): |ratio − 8| ≤ 8ε.
        var taylor = TaylorAnalysis.At(new Rosenbrock(), V(-1, 1));
        for (double eps = 0.02; eps > 1e-3; eps /= 2)
        {
            double ratio = taylor.Step(eps).Error / taylor.Step(eps / 2).Error;
            Assert.InRange(ratio, 8 - 8 * eps, 8 + 8 * eps);
        }

        // At a generic point (both gradient components non-zero) k is unknown, but |ratio − 8| ≈ 4|k|ε must
        // shrink by about half with each halving; at ε ≈ 1e-3 it is within 0.1 of 8 for |k| < 25.
        var generic = TaylorAnalysis.At(new Rosenbrock(), V(0.3, -0.4));
        double previousGap = double.PositiveInfinity, gap = 0;
        for (double eps = 0.016; eps >= 1e-3; eps /= 2)
        {
            gap = Math.Abs(generic.Step(eps).Error / generic.Step(eps / 2).Error - 8);
            Assert.True(gap < 0.75 * previousGap || gap < 1e-3, $"ε = {eps}: |ratio − 8| = {gap}, previous {previousGap}");
            previousGap = gap;
        }
        Assert.True(gap < 0.1, $"final |ratio − 8| = {gap}");
    }

    [Fact]
    public void The_worst_case_improvement_bounds_every_gradient_direction_and_is_reached_along_the_top_eigenvector()
    {
        // λ = 0.5, 2, 10 (λmax = 10). Along any g: predicted improvement −ΔL = εgᵀg − ½ε²gᵀHg ≥ (ε − ½ε²·10)gᵀg.
        var q = Quadratic.FromEigenvalues([0.5, 2.0, 10.0], seed: 13);
        var rng = new Random(99);
        for (int trial = 0; trial < 10; trial++)
        {
            var taylor = TaylorAnalysis.At(q, Vector<double>.Build.Dense(3, _ => rng.NextDouble() * 2 - 1));
            foreach (double eps in new[] { 0.01, 0.1, 0.19 })
            {
                Assert.True(-taylor.PredictedChange(eps) >= taylor.WorstCaseImprovement(eps, 10) - 1e-12);
            }
        }
        // θ along the top eigenvector v₃ (the minimizer is 0): g = Aθ = 10θ is aligned with λmax, and the bound is attained.
        var v3 = Descent.Curvature.Spectrum.Of(q.A).Eigenvector(2);
        var aligned = TaylorAnalysis.At(q, v3 * 0.7);
        foreach (double eps in new[] { 0.01, 0.1, 0.3 })
        {
            Assert.Equal(aligned.WorstCaseImprovement(eps, 10), -aligned.ActualChange(eps), 11);
        }
    }

    [Fact]
    public void Negative_curvature_along_the_gradient_means_every_step_is_predicted_to_help()
    {
        // −½(x₁² + x₂²) at (1, 2): g = (−1, −2), gᵀHg = −5 ≤ 0.
        var q = new Quadratic(Matrix<double>.Build.DenseOfDiagonalArray([-1.0, -1.0]));
        var taylor = TaylorAnalysis.At(q, V(1, 2));
        Assert.Equal(-5.0, taylor.Curvature, 14);
        Assert.Equal(double.PositiveInfinity, taylor.OptimalStep);
        Assert.Equal(double.PositiveInfinity, taylor.HarmfulThreshold);
        Assert.Contains("every step size improves", taylor.ToString());
        Assert.False(taylor.Step(10).PredictedHarmful);
    }

    [Fact]
    public void Sweeps_cover_the_harmful_threshold_and_report_overflow()
    {
        var taylor = TaylorAnalysis.At(Quadratic.D2l(), V(1, 1));
        var sweep = taylor.Sweep(count: 101);
        Assert.Equal(101, sweep.Steps.Count);
        Assert.Equal(1.5 * taylor.HarmfulThreshold, sweep.Epsilons[^1], 12);
        // 101 points over [0, 3ε*]: spacing 0.03ε*, so the best sampled ε is within half a spacing of ε*.
        Assert.InRange(sweep.BestActual!.Epsilon, 0.985 * taylor.OptimalStep, 1.015 * taylor.OptimalStep);
        Assert.Contains("ε* =", sweep.ToString());

        var huge = taylor.Step(1e308); // θ − εg overflows: reported, not silently NaN
        Assert.False(huge.ActualIsFinite);
        Assert.True(huge.ActuallyHarmful);
        Assert.Contains("overflowed", huge.ToString());
    }

    [Fact]
    public void Finite_difference_curvature_is_flagged_and_bad_steps_are_rejected()
    {
        var taylor = TaylorAnalysis.At(new GradientOnlyRosenbrock(), V(-1, 1));
        Assert.Equal(HessianProductSource.FiniteDifference, taylor.CurvatureSource);
        Assert.Contains("finite differences", taylor.ToString());
        // gᵀHg = 16·802 = 12832; central differences of the gradient are accurate to ~1e-8 relative, 1e-6 is safe.
        Assert.Equal(12832, taylor.Curvature, 12832 * 1e-6);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => taylor.Step(-0.1)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => taylor.Step(double.NaN)).ParamName);
        Assert.Equal("epsilons", Assert.Throws<ArgumentException>(() => taylor.Sweep(Array.Empty<double>())).ParamName);
    }
}
