using Descent.Curvature;
using Descent.Experiments;
using Descent.Functions;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Experiments;

/// <summary>Every numerical claim of chapter 08 (convergence theory and its limits), at sizes smaller than the chapter's where
/// the claim still holds.</summary>
public sealed class Chapter08ExperimentTests
{
    private static readonly Lazy<StepSizeThresholdResult> Steps = new(() => new StepSizeThreshold().Run());
    private static readonly Lazy<GradientNormBoundResult> Bound = new(() => new GradientNormBound().Run());
    private static readonly Lazy<StoppingRuleResult> Stopping = new(() => new StoppingRule().Run());
    private static readonly Lazy<SaddleLinearizationResult> Linear = new(() => new SaddleLinearization().Run());

    [Fact]
    public void Sampled_estimates_of_M_are_below_the_proven_constant_and_close_to_it()
    {
        var r = Steps.Value;
        var e = r.Estimate;
        // All three are estimates from below of M = 1 (the pairs' ratio is a guaranteed lower bound; eigen-solver rounding 1e-12).
        Assert.True(e.SampledLowerBound <= r.LipschitzConstant * (1 + 1e-12));
        Assert.True(e.MaxCurvature <= r.LipschitzConstant * (1 + 1e-12));
        Assert.True(e.MaxSpectralNorm <= r.LipschitzConstant * (1 + 1e-12));
        // 400 samples of the box [−3.5, 3.5] × [−3, 3] land within ~0.02 of y = 0 (curvature b·sech²y ≥ 0.999), and the
        // short-range pairs probe the Hessian: every estimate is within 1 % of M.
        Assert.True(e.MaxCurvature >= 0.99 && e.MaxSpectralNorm >= 0.99 && e.SampledLowerBound >= 0.99, e.ToString());
    }

    [Fact]
    public void Below_2_over_M_every_step_lowers_L_by_at_least_c_g_squared_and_above_it_L_rises()
    {
        var r = Steps.Value;
        for (int i = 0; i < r.Rows.Count; i++)
        {
            var row = r.Rows[i];
            var run = r.Runs[i];
            if (row.Multiplier < 2)
            {
                Assert.True(row.Monotone, $"α = {row.Multiplier}/M");
                double c = GradientDescentGuarantee.DecreaseFactor(r.LipschitzConstant, row.LearningRate);
                // The descent lemma itself, step by step; 1e-12 absorbs rounding of L near convergence.
                for (int k = 0; k < run.Steps; k++)
                {
                    Assert.True(run.Losses[k + 1] <= run.Losses[k] - c * run.GradientNorms[k] * run.GradientNorms[k] + 1e-12, $"α = {row.Multiplier}/M, step {k}");
                }
            }
            else
            {
                // Across the ridge y = 0 (curvature M) the error is multiplied by |1 − αM| > 1: L must rise, and by more than rounding.
                Assert.False(row.Monotone, $"α = {row.Multiplier}/M");
                Assert.True(row.LargestIncrease > 1e-3);
            }
        }
    }

    [Fact]
    public void Just_above_2_over_M_gradient_descent_settles_into_a_two_cycle_across_the_ridge()
    {
        // α = 2.1/M: x converges (factor 1 − 2.1·φ''(x*) = −0.74) while y approaches the 2-cycle ±y_c with 2y_c = 2.1·tanh y_c
        // (y_c ≈ 0.381), whose two-step factor (1 − 2.1·sech²y_c)² ≈ 0.68 leaves ~1e-5 after 60 steps: 1e-3 is ample.
        var r = Steps.Value;
        var run = r.Runs[r.Rows.ToList().FindIndex(x => x.Multiplier == 2.1)];
        var last = run.Thetas[^1];
        var before = run.Thetas[^2];
        Assert.Equal(r.Objective.MinimizerX, last[0], 1e-3);
        Assert.Equal(-before[1], last[1], 1e-3);
        double yc = 0.5;
        for (int i = 0; i < 100; i++)
        {
            yc = 1.05 * Math.Tanh(yc); // fixed point of y = (α/2)·tanh y
        }

        Assert.Equal(yc, Math.Abs(last[1]), 1e-3);
    }

    [Fact]
    public void The_gradient_norm_bound_holds_for_every_alpha_and_N_and_is_nearly_tight_on_the_ramp()
    {
        var r = Bound.Value;
        Assert.True(r.Holds);
        foreach (var row in r.Rows)
        {
            for (int n = 0; n < row.Bound.Length; n++)
            {
                Assert.True(row.RunningMinimum[n] <= row.Bound[n], $"α = {row.Multiplier}/M, N = {n + 1}");
            }
        }
        // On the ramp ‖∇L‖ ≈ b = 1 while L falls by ≈ α per step, so with small α the bound √(gap/(cN)) meets ≈ 1 near
        // N ≈ gap/α: measured/bound exceeds 0.85 for α = 0.1/M (0.906 measured) — the bound is nearly tight there.
        Assert.True(r.Rows.Single(x => x.Multiplier == 0.1).Tightness > 0.85);
        // L(W₁) − min L from the closed forms: ½·0.25 − 2 log cosh 0.5 + log cosh 20 − L*.
        double gap = 0.125 - 2 * Math.Log(Math.Cosh(0.5)) + RampedDoubleWell.LogCosh(20) - r.Objective.MinimumValue;
        Assert.Equal(gap, r.InitialGap, 12);
    }

    [Fact]
    public void The_stopping_rule_fires_within_its_bound_and_then_only_logarithmically_later()
    {
        var r = Stopping.Value;
        Assert.True(r.Holds);
        // In the well the slowest error factor is max(|1 − αφ''(x*)|, |1 − αb|) with α = 0.5, φ''(x*) = 1 − 2 sech²(x*):
        // each factor 1000 in ε costs ≤ ln(1000)/−ln(factor) + 1 steps, not the ×10⁶ of the ε⁻² bound.
        var f = new RampedDoubleWell();
        double curvature = 1 - 2 / Math.Pow(Math.Cosh(f.MinimizerX), 2);
        double factor = Math.Max(1 - 0.5 * curvature, 0.5);
        int perThousand = (int)Math.Ceiling(Math.Log(1000) / -Math.Log(factor)) + 1;
        var s3 = r.Rows.Single(x => x.Tolerance == 1e-3).Steps;
        var s6 = r.Rows.Single(x => x.Tolerance == 1e-6).Steps;
        Assert.InRange(s6 - s3, 1, perThousand);
        // With ε just below the slope (0.99) most of the budget is used: the count is over half the bound.
        var near = r.Rows.Single(x => x.Tolerance == 0.99);
        Assert.True(near.Steps > 0.5 * near.Bound, $"{near}");
    }

    [Fact]
    public void Gradient_descent_converges_to_the_saddle_from_x_0_and_leaves_after_a_1e_minus_8_nudge_when_predicted()
    {
        var r = Linear.Value;
        Assert.Equal(CriticalPointKind.Saddle, r.OnStableManifold.Limit.Kind);
        Assert.True(r.OnStableManifold.Run.Theta.L2Norm() < 1e-20); // y shrinks by 1 − αb = 0.5 per step: 0.5·0.5¹²⁰
        Assert.Equal(CriticalPointKind.Minimum, r.Perturbed.Limit.Kind);
        // δ(1 + α(a − 1))ⁿ = 1e-8·1.5ⁿ reaches 0.1 at n = ⌈ln 1e7 / ln 1.5⌉ = 40; the cubic remainder slows it by at most a step.
        Assert.Equal(40, r.PredictedEscapeStep);
        Assert.InRange(r.EscapeStep, 40, 41);
    }

    [Fact]
    public void Near_the_saddle_each_step_is_the_linear_map_up_to_a_cubic_remainder()
    {
        // x − a·tanh x = (1 − a)x + a(x − tanh x) and |z − tanh z| ≤ |z|³/3, likewise for b·tanh y: so
        // |e_{n+1} − (1 − αλ)e_n| ≤ (α/3)·a·|x|³ along x and (α/3)·b·|y|³ along y (exact inequalities; 1e-15 for rounding).
        var r = Linear.Value;
        double alpha = r.LearningRate, a = r.Objective.Depth, b = r.Objective.Slope;
        foreach (var run in new[] { r.OnStableManifold, r.Perturbed })
        {
            var t = run.Run.Thetas;
            for (int n = 0; n + 1 < t.Count; n++)
            {
                double x = t[n][0], y = t[n][1];
                Assert.True(Math.Abs(t[n + 1][0] - (1 - alpha * (1 - a)) * x) <= alpha * a * Math.Abs(x * x * x) / 3 + 1e-15, $"x, step {n}");
                Assert.True(Math.Abs(t[n + 1][1] - (1 - alpha * b) * y) <= alpha * b * Math.Abs(y * y * y) / 3 + 1e-15, $"y, step {n}");
            }
        }
        // tanh y < y: the y-error after the first step is above the linear prediction (0.269 vs 0.25 from y = 0.5).
        Assert.True(r.Perturbed.Measured[1][1] > r.Perturbed.Predicted[1][1]);
        // The negative eigenvalue diverges, the positive one contracts.
        Assert.True(r.Perturbed.Factors[0] > 1 && Math.Abs(r.Perturbed.Factors[1]) < 1);
    }

    [Fact]
    public void Near_the_minimum_the_error_ratio_tends_to_one_minus_alpha_lambda()
    {
        var r = Linear.Value.NearMinimum;
        double alpha = Linear.Value.LearningRate;
        for (int i = 0; i < 2; i++)
        {
            // Steps 20→21: the error is ~1e-5 of its start, so the quadratic remainder changes the ratio by < 1e-4.
            double ratio = r.Measured[i][21] / r.Measured[i][20];
            Assert.Equal(Math.Abs(1 - alpha * r.Eigenvalues[i]), ratio, 1e-4);
        }
    }

    [Fact]
    public void Nesterov_falls_like_N_to_the_minus_2_and_GD_more_slowly_within_their_bounds()
    {
        var r = new NesterovRates().Run(new NesterovRatesParameters { Horizons = [8, 16, 32, 64, 128] });
        Assert.True(r.WithinBounds, r.ToString());
        // Fitted exponents (default horizons to 512: −1.95 and −1.45); a ±0.15 band covers the shorter fit here.
        Assert.InRange(r.NesterovSlope, -2.1, -1.8);
        Assert.InRange(r.GradientDescentSlope, -1.6, -1.3);
        // Nesterov is better at every horizon ≥ 8 and ≥ 5× better at 128.
        Assert.All(r.Rows, row => Assert.True(row.Nesterov < row.GradientDescent));
        Assert.True(r.Rows[^1].GradientDescent > 5 * r.Rows[^1].Nesterov);
    }

    [Fact]
    public void The_default_run_fits_the_exponents_the_chapter_quotes()
    {
        // The text quotes −1.95 (Nesterov) and −1.45 (GD) for horizons 16 … 512; two decimals of a least-squares fit.
        var r = new NesterovRates().Run();
        Assert.Equal(-1.95, r.NesterovSlope, 0.01);
        Assert.Equal(-1.45, r.GradientDescentSlope, 0.01);
        Assert.True(r.WithinBounds);
        // GD on its worst quadratic: ½(1/(2N+1))(2N/(2N+1))^{2N} in closed form, → 1/(4eN); fitted exponent −1.00 (two decimals).
        foreach (var row in r.Rows)
        {
            double q = 1.0 / (2 * row.Horizon + 1);
            Assert.Equal(0.5 * q * Math.Pow(1 - q, 2 * row.Horizon), row.GradientDescentWorst, 1e-14);
        }
        Assert.Equal(-1.00, r.GradientDescentWorstSlope, 0.01);
    }

    [Fact]
    public void The_GD_gap_on_the_chain_matches_the_eigen_decomposition()
    {
        // Independent computation: GD with α = 1/M multiplies eigen-component i of x − x* by (1 − λᵢ/M), so
        // L(x_N) − L* = ½ Σ λᵢ (1 − λᵢ/M)^{2N} cᵢ², c = Qᵀ(0 − x*).
        const int horizon = 16;
        var chain = new NesterovChain(2 * horizon + 1, 1.0);
        var evd = chain.Hessian(Vector<double>.Build.Dense(chain.Dimension)).Evd(Symmetricity.Symmetric);
        var c = evd.EigenVectors.TransposeThisAndMultiply(-chain.Minimizer);
        double gap = 0;
        for (int i = 0; i < chain.Dimension; i++)
        {
            double l = evd.EigenValues[i].Real;
            gap += 0.5 * l * Math.Pow(1 - l, 2 * horizon) * c[i] * c[i];
        }
        var r = new NesterovRates().Run(new NesterovRatesParameters { Horizons = [horizon] });
        Assert.Equal(gap / chain.SquaredDistanceFromOrigin, r.Rows[0].GradientDescent, 1e-12);
    }

    [Fact]
    public void No_first_order_method_beats_the_Krylov_bound_CG_attains_it_and_Newton_is_not_bound()
    {
        var r = new FirstOrderLowerBound().Run(new FirstOrderLowerBoundParameters { Steps = 20 });
        foreach (var m in r.Methods.Where(m => m.FirstOrder))
        {
            for (int k = 0; k <= 20; k++)
            {
                // Rounding of L near L* ≈ −0.12: 1e-14 absolute.
                Assert.True(m.Gaps[k] >= r.KrylovBound[k] - 1e-14, $"{m.Method}, k = {k}: {m.Gaps[k]} < {r.KrylovBound[k]}");
            }
        }

        var cg = r.Methods.Single(m => m.Method == "conjugate gradients");
        for (int k = 0; k <= 20; k++)
        {
            Assert.Equal(r.KrylovBound[k], cg.Gaps[k], 1e-12);
        }

        Assert.True(r.Methods.Single(m => m.Method == "Newton").Gaps[1] < 1e-12);
        Assert.True(r.NesterovBound <= r.KrylovBound[20]);
        // Heavy ball, Nesterov and the accelerated method stay at least 10 % above the bound after the first step.
        foreach (var m in r.Methods.Where(m => m.FirstOrder && m.Method != "conjugate gradients"))
        {
            Assert.True(r.Margin(m.Method) >= 0, m.Method);
        }
    }

    [Fact]
    public void Gradient_descent_iterates_on_the_chain_lie_in_the_Krylov_span()
    {
        var chain = new NesterovChain(15, 1.0);
        var run = Trainer.Run(chain, Optimizers.Momentum(1.0, 0.9), Vector<double>.Build.Dense(15), new TrainingOptions { MaxSteps = 10 });
        for (int k = 0; k <= 10; k++)
        {
            for (int j = k; j < 15; j++)
            {
                Assert.Equal(0.0, run.Thetas[k][j]); // exactly: entries beyond k are sums of products of zeros
            }
        }
    }
}

public sealed class Chapter08NetworkTests
{
    private static readonly NetworkBoundResult Result = new NetworkBound().Run(new NetworkBoundParameters
    {
        Hidden = [8],
        Steps = 40,
        Samples = 1,
        RecordEvery = 20,
    });

    [Fact]
    public void The_rate_that_trains_fastest_is_outside_the_theorem()
    {
        // α = 2 exceeds 2/M (M ≈ 1.1–1.2 at θ₀), so c ≤ 0 and seed 004 promises nothing; yet after the same number of
        // steps its loss is below the covered run's (α = 1/M).
        Assert.False(Result.PracticalGuarantee.Applies);
        Assert.True(Result.SafeGuarantee.Applies);
        Assert.True(Result.Practical.Loss < Result.Safe.Loss, Result.Summary);
    }

    [Fact]
    public void For_the_covered_rate_the_bound_holds_but_is_loose_and_its_step_count_far_exceeds_practice()
    {
        Assert.True(Result.SafeMinimumGradientNorm <= Result.BoundAfterRun);
        // 0.083 measured vs 0.363 promised after 41 iterates: more than 3× loose.
        Assert.True(Result.BoundAfterRun > 3 * Result.SafeMinimumGradientNorm, Result.Summary);
        // The practical run reached ‖g‖ < 0.05 in 30 steps; the bound allows thousands.
        Assert.InRange(Result.PracticalStepsToTolerance, 1, Result.Practical.Steps);
        Assert.True(Result.GuaranteedSteps > 20 * Result.PracticalStepsToTolerance, Result.Summary);
    }

    [Fact]
    public void The_curvature_is_local_it_falls_along_the_run()
    {
        // λmax at θ₀ sets the safe rate; along the α = 2 run it drops (1.17 → 0.65): a global M overstates later curvature.
        Assert.True(Result.Sharpness[^1] < 0.8 * Result.Sharpness[0], string.Join(", ", Result.Sharpness));
        Assert.True(Result.BoxLipschitz >= Result.Sharpness[0]);
    }
}

/// <summary>The stored run chapter 08 reads (the reader itself: <c>Shared/StoredResultTests</c>).</summary>
public sealed class StoredBoundOnANetworkTests
{
    [Fact]
    public void The_stored_network_run_of_chapter_08_loads_and_shows_the_claims_of_the_text()
    {
        var r = StoredResult.Load("08-bound-on-a-network.csv");
        Assert.Contains("experiment run bound-on-a-network", r.Command);
        var sharp = r.Column("sharpness");
        var safe = r.Column("safe_gradient_norm");
        var bound = r.Column("safe_bound");
        var practical = r.Column("practical_loss");
        var safeLoss = r.Column("safe_loss");
        // The text: the sharpness falls along the run, the bound is loose by > 10× at the end, the uncovered α = 2 run ends lower.
        Assert.True(sharp[^1] < 0.2 * sharp[0]);
        Assert.True(bound[^1] > 10 * safe[^1]);
        Assert.True(practical[^1] < safeLoss[^1]);
    }
}
