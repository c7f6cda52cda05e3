using Descent.Functions;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Optimization;

/// <summary>The classical rates of gradient descent and heavy-ball momentum on a quadratic,
/// measured from iterates and compared with the closed-form values.</summary>
public sealed class ConvergenceRateTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void Gradient_descent_converges_just_below_two_over_lambda_max_and_diverges_just_above()
    {
        // d2l quadratic: λ = 0.2 and 4, so 2/λmax = 0.5. Along λmax the iteration multiplies by
        // 1 − ελmax: −0.96 at ε = 0.49 (contracts), −1.04 at ε = 0.51 (grows).
        var f = Quadratic.D2l();
        var start = V(-5, -2);
        var below = Trainer.Run(f, Optimizers.GradientDescent(0.49), start,
            new TrainingOptions { MaxSteps = 5000, GradientTolerance = 1e-10 });
        Assert.Equal(StopReason.GradientTolerance, below.Reason);

        var above = Trainer.Run(f, Optimizers.GradientDescent(0.51), start, new TrainingOptions { MaxSteps = 5000 });
        Assert.Equal(StopReason.Diverged, above.Reason);
        Assert.Contains("exceeded", above.Message);
        // The loss along λmax grows like 1.04^{2k}: past L₀ + 10⁶·L₀ after about ln(10⁶)/(2 ln 1.04) ≈ 176 steps,
        // long before MaxSteps, and every recorded loss is finite (no silent NaN).
        Assert.InRange(above.Steps, 150, 200);
        Assert.All(above.Losses, l => Assert.True(double.IsFinite(l)));
    }

    [Fact]
    public void At_the_optimal_constant_step_the_contraction_factor_is_kappa_minus_one_over_kappa_plus_one()
    {
        double[] lambda = [1, 5, 6, 10];
        var xStar = V(1, -1, 2, 0.5);
        var f = Quadratic.FromEigenvalues(lambda, seed: 11, minimizer: xStar);
        double epsilon = 2 / (lambda.Min() + lambda.Max());
        double kappa = lambda.Max() / lambda.Min();
        var r = Trainer.Run(f, Optimizers.GradientDescent(epsilon), V(3, 2, -1, 4), new TrainingOptions { MaxSteps = 40 });
        var d = r.DistancesTo(xStar);
        // At ε = 2/(λ₁+λₙ) = 2/11 both extreme modes (slowest) shrink by exactly |1 − ελ| = (κ−1)/(κ+1) = 9/11
        // per step; the middle modes (λ = 5, 6) by 1/11, so after 30 steps their share of the error is
        // (1/9)^30 ≈ 1e-29 and the ratio is 9/11 up to rounding: d₃₀ ≈ 6·(9/11)^30 ≈ 0.01 while θ is
        // rounded at ~1e-16, a relative error ~1e-13 — 1e-10 is a safe tolerance. A step of 1.01·ε would
        // give |1 − 1.01·ελmax| ≈ 0.836 instead of 0.818 and fail.
        double measured = d[31] / d[30];
        Assert.Equal((kappa - 1) / (kappa + 1), measured, 1e-10);
    }

    [Fact]
    public void Heavy_ball_with_Polyak_tuning_reaches_the_rate_sqrt_kappa_minus_one_over_sqrt_kappa_plus_one()
    {
        // Eigenvalues from 1 to 10⁴ (κ = 10⁴, √κ = 100): Polyak's α = 4/(√λmax + √λmin)²,
        // β = ((√κ − 1)/(√κ + 1))², predicted rate ρ = (√κ − 1)/(√κ + 1) = 99/101 ≈ 0.9802
        // (gradient descent at its best step would give (κ − 1)/(κ + 1) ≈ 0.9998).
        double[] lambda = [1, 3, 10, 40, 200, 1000, 5000, 10000];
        var f = Quadratic.FromEigenvalues(lambda, seed: 5);
        double sqrtKappa = Math.Sqrt(lambda.Max() / lambda.Min());
        double alpha = 4 / Math.Pow(Math.Sqrt(lambda.Max()) + Math.Sqrt(lambda.Min()), 2);
        double rho = (sqrtKappa - 1) / (sqrtKappa + 1);
        var r = Trainer.Run(f, Optimizers.Momentum(alpha, rho * rho), Vector<double>.Build.Dense(8, i => 1 + i),
            new TrainingOptions { MaxSteps = 1200 });
        var d = r.DistancesTo(Vector<double>.Build.Dense(8));
        // Every mode of the heavy-ball iteration has |z| = √β = ρ exactly: interior eigenvalues give complex
        // pairs of modulus √β, the two extreme ones a double root ±ρ whose Jordan block adds a factor
        // (a + bk). The geometric mean of the ratio over steps 200…1200 is therefore ρ·c^{1/1000} with c
        // bounded by the oscillation and by 1200/200 = 6 from the linear factor: 6^{1/1000} ≈ 1.0018, so a
        // 0.5 % tolerance holds, while a wrong tuning (e.g. β = ρ, rate ≥ √ρ ≈ 0.990) misses it by 1 %.
        double measured = Math.Pow(d[1200] / d[200], 1.0 / 1000);
        Assert.Equal(rho, measured, rho * 5e-3);
        Assert.True(d[1200] > 1e-12, "the error stays above rounding level, so the ratio is meaningful");
    }

    [Fact]
    public void Heavy_ball_iterates_equal_Polyaks_two_step_recursion()
    {
        // Independent implementation: θₖ₊₁ = θₖ − αgₖ + β(θₖ − θₖ₋₁), θ₋₁ = θ₀.
        var f = new Rosenbrock();
        double alpha = 1e-3, beta = 0.7;
        var r = Trainer.Run(f, Optimizers.Momentum(alpha, beta), V(-1.2, 1), new TrainingOptions { MaxSteps = 50 });
        Vector<double> prev = V(-1.2, 1), cur = V(-1.2, 1);
        for (int k = 0; k < 50; k++)
        {
            var next = cur - alpha * f.Gradient(cur) + beta * (cur - prev);
            (prev, cur) = (cur, next);
            // 1e-10: two algebraically equal recursions, rounding differs by a few ulps per step.
            Support.DerivativeCheck.AssertClose(cur, r.Thetas[k + 1], 1e-10, $"step {k + 1}");
        }
    }

    [Fact]
    public void Nesterov_iterates_are_the_look_ahead_points_of_the_books_algorithm()
    {
        // Goodfellow et al. Algorithm 8.3: θ̃ = θ + βv, v ← βv − ε∇L(θ̃), θ ← θ + v. Its look-ahead
        // points θ + βv must be the iterates of the Nesterov transform chain.
        var f = new Rosenbrock();
        double epsilon = 1e-3, beta = 0.9;
        var r = Trainer.Run(f, Optimizers.Nesterov(epsilon, beta), V(-1.2, 1), new TrainingOptions { MaxSteps = 50 });
        var theta = V(-1.2, 1);
        var v = Vector<double>.Build.Dense(2);
        for (int k = 0; k < 50; k++)
        {
            v = beta * v - epsilon * f.Gradient(theta + beta * v);
            theta += v;
            // 1e-10: algebraically equal, rounding only.
            Support.DerivativeCheck.AssertClose(theta + beta * v, r.Thetas[k + 1], 1e-10, $"step {k + 1}");
        }
    }
}
