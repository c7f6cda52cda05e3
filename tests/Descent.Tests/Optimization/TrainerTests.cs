using Descent.Functions;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Optimization;

public sealed class TrainerTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void Records_loss_gradient_norm_step_length_and_curvature_per_step()
    {
        // d2l quadratic from (−5, −2) with ε = 0.1: θ₁ = θ₀ − 0.1·(0.2·(−5), 4·(−2)) = (−4.9, −1.2).
        var f = Quadratic.D2l();
        var r = Trainer.Run(f, Optimizers.GradientDescent(0.1), V(-5, -2), new TrainingOptions { MaxSteps = 3, RecordCurvature = true });
        Assert.Equal(StopReason.MaxSteps, r.Reason);
        Assert.Equal(3, r.Steps);
        Assert.Equal(4, r.Losses.Length);
        Assert.Equal(3, r.StepLengths.Length);
        Assert.Equal([0, 1, 2, 3], r.ThetaSteps);
        Assert.Equal(-4.9, r.Thetas[1][0], 14);
        Assert.Equal(-1.2, r.Thetas[1][1], 14);
        Assert.Equal(0.1 * 25 + 2 * 4, r.Losses[0], 12);             // 10.5
        Assert.Equal(0.1 * 4.9 * 4.9 + 2 * 1.44, r.Losses[1], 12);    // 5.281
        Assert.Equal(Math.Sqrt(1 + 64), r.GradientNorms[0], 12);     // ‖(−1, −8)‖
        Assert.Equal(0.1 * Math.Sqrt(65), r.StepLengths[0], 12);     // ε‖g₀‖
        Assert.Equal(0.2 * 1 + 4 * 64, r.Curvatures![0], 10);         // gᵀHg = 0.2·1 + 4·64 = 256.2
    }

    [Fact]
    public void A_diverging_run_stops_with_the_divergence_reason_instead_of_returning_nan()
    {
        // ε = 0.6 > 2/λmax = 0.5 on the d2l quadratic: the x₂ mode grows by |1 − 2.4| = 1.4 per step.
        var r = Trainer.Run(Quadratic.D2l(), Optimizers.GradientDescent(0.6), V(-5, -2),
            new TrainingOptions { MaxSteps = 100_000, DivergenceFactor = double.PositiveInfinity });
        // With the explosion rule off the run goes on until the loss overflows, then stops with Diverged.
        Assert.Equal(StopReason.Diverged, r.Reason);
        Assert.True(r.Steps < 2000, $"took {r.Steps} steps");   // 1.4^k overflows 1e308 after ~2100/2 steps
        Assert.True(double.IsFinite(r.Theta[1]), "the returned θ is the last finite iterate");

        var withRule = Trainer.Run(Quadratic.D2l(), Optimizers.GradientDescent(0.6), V(-5, -2), new TrainingOptions { MaxSteps = 100_000 });
        Assert.Equal(StopReason.Diverged, withRule.Reason);
        Assert.True(withRule.Diverged);
        Assert.Contains("exceeded", withRule.Message);
        // Loss ≈ 2·x₂² grows by 1.4² per step: past 10⁶·L₀ in about ln(10⁶)/ln(1.96) ≈ 21 steps.
        Assert.InRange(withRule.Steps, 15, 30);
    }

    [Fact]
    public void Cancellation_stops_a_long_run_promptly_and_returns_the_partial_trajectory()
    {
        using var cts = new CancellationTokenSource();
        var options = new TrainingOptions
        {
            MaxSteps = 10_000_000,
            OnStep = s => { if (s.Step == 50) { cts.Cancel(); } },
        };
        var r = Trainer.Run(new Rosenbrock(), Optimizers.GradientDescent(1e-3), V(-1.2, 1), options, cts.Token);
        Assert.Equal(StopReason.Cancelled, r.Reason);
        Assert.Equal(50, r.Steps);                       // checked at the very step it was cancelled
        Assert.Equal(51, r.Losses.Length);
        Assert.Equal(r.Thetas[^1].ToArray(), r.Theta.ToArray());
        Assert.True(r.Losses[^1] < r.Losses[0], "the work done before the interrupt is kept");
    }

    [Fact]
    public void A_token_cancelled_before_the_start_returns_the_start_point()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var r = Trainer.Run(new Rosenbrock(), Optimizers.GradientDescent(1e-3), V(-1.2, 1), cancellationToken: cts.Token);
        Assert.Equal(StopReason.Cancelled, r.Reason);
        Assert.Equal(0, r.Steps);
        Assert.Equal([-1.2, 1.0], r.Theta.ToArray());
    }

    [Fact]
    public void Stops_on_gradient_tolerance_and_on_target_loss()
    {
        var f = Quadratic.D2l();
        var g = Trainer.Run(f, Optimizers.GradientDescent(0.4), V(-5, -2), new TrainingOptions { MaxSteps = 10_000, GradientTolerance = 1e-6 });
        Assert.Equal(StopReason.GradientTolerance, g.Reason);
        Assert.True(g.GradientNorm < 1e-6 && g.GradientNorms[^2] >= 1e-6);   // stopped at the first such iterate

        var t = Trainer.Run(f, Optimizers.GradientDescent(0.4), V(-5, -2), new TrainingOptions { MaxSteps = 10_000, TargetLoss = 1e-3 });
        Assert.Equal(StopReason.TargetLoss, t.Reason);
        Assert.True(t.Loss <= 1e-3 && t.Losses[^2] > 1e-3);
    }

    [Fact]
    public void Time_budget_stops_the_run()
    {
        // Not a timing test: a budget of one tick is spent before the second step can be taken.
        var r = Trainer.Run(new Rosenbrock(), Optimizers.GradientDescent(1e-3), V(-1.2, 1),
            new TrainingOptions { MaxSteps = 10_000_000, TimeBudget = TimeSpan.FromTicks(1) });
        Assert.Equal(StopReason.TimeBudget, r.Reason);
        Assert.True(r.Steps < 10_000_000);
    }

    [Fact]
    public void Theta_recording_can_be_thinned_and_always_keeps_the_first_and_last_iterate()
    {
        var f = Quadratic.D2l();
        var thin = Trainer.Run(f, Optimizers.GradientDescent(0.1), V(-5, -2), new TrainingOptions { MaxSteps = 25, RecordThetaEvery = 10 });
        Assert.Equal([0, 10, 20, 25], thin.ThetaSteps);
        var none = Trainer.Run(f, Optimizers.GradientDescent(0.1), V(-5, -2), new TrainingOptions { MaxSteps = 25, RecordThetaEvery = 0 });
        Assert.Equal([0, 25], none.ThetaSteps);
        Assert.Equal(thin.Theta.ToArray(), none.Theta.ToArray());
        Assert.Equal(26, none.Losses.Length);
    }

    [Fact]
    public void A_monitor_objective_is_evaluated_every_k_steps_and_at_the_end()
    {
        var train = Quadratic.D2l();
        // Validation stand-in: the same bowl shifted to (1, 1); its value is computed independently below.
        var validation = new Quadratic(Matrix<double>.Build.DenseOfDiagonalArray([0.2, 4.0]), V(0.2, 4.0));
        var r = Trainer.Run(train, Optimizers.GradientDescent(0.1), V(-5, -2),
            new TrainingOptions { MaxSteps = 25, Monitor = validation, MonitorEvery = 10 });
        Assert.Equal([0, 10, 20, 25], r.MonitorSteps);
        var th = r.Thetas[10];
        // ½θᵀAθ − bᵀθ with A = diag(0.2, 4), b = (0.2, 4).
        double expected = 0.1 * th[0] * th[0] + 2 * th[1] * th[1] - 0.2 * th[0] - 4 * th[1];
        Assert.Equal(expected, r.MonitorLosses[1], 12);
    }

    [Fact]
    public void The_callback_sees_every_kth_iterate_and_the_last_one()
    {
        var seen = new List<int>();
        Trainer.Run(Quadratic.D2l(), Optimizers.GradientDescent(0.1), V(-5, -2),
            new TrainingOptions { MaxSteps = 7, OnStep = s => seen.Add(s.Step), CallbackEvery = 3 });
        Assert.Equal([0, 3, 6, 7], seen);
    }

    [Fact]
    public void Bad_start_points_are_rejected_by_argument_name()
    {
        var f = Quadratic.D2l();
        var wrong = Assert.Throws<ArgumentException>(() => Trainer.Run(f, Optimizers.GradientDescent(0.1), V(1, 2, 3)));
        Assert.Equal("theta0", wrong.ParamName);
        Assert.Contains("dimension 2", wrong.Message);

        var nan = Assert.Throws<ArgumentException>(() => Trainer.Run(f, Optimizers.GradientDescent(0.1), V(1, double.NaN)));
        Assert.Equal("theta0", nan.ParamName);
        Assert.Contains("theta0[1]", nan.Message);

        var monitor = Assert.Throws<ArgumentException>(() => Trainer.Run(f, Optimizers.GradientDescent(0.1), V(1, 2),
            new TrainingOptions { Monitor = new Rosenbrock(3) }));
        Assert.Equal("options", monitor.ParamName);
    }

    [Fact]
    public void Bad_options_are_rejected_by_name_with_the_valid_range()
    {
        var steps = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { MaxSteps = -1 });
        Assert.Equal("MaxSteps", steps.ParamName);
        Assert.Contains("at least 0", steps.Message);
        var tol = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { GradientTolerance = -1e-3 });
        Assert.Equal("GradientTolerance", tol.ParamName);
        var factor = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { DivergenceFactor = 0 });
        Assert.Equal("DivergenceFactor", factor.ParamName);
        var budget = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { TimeBudget = TimeSpan.Zero });
        Assert.Equal("TimeBudget", budget.ParamName);
    }

    [Fact]
    public void The_result_prints_a_readable_summary()
    {
        var r = Trainer.Run(Quadratic.D2l(), Optimizers.Momentum(0.1, 0.5), V(-5, -2), new TrainingOptions { MaxSteps = 2 });
        Assert.StartsWith("momentum(0.5) → scale(−0.1) on 0.1x₁² + 2x₂²: MaxSteps after 2 steps — reached the maximum of 2 steps", r.ToString());
    }

    /// <summary>A first-order-only objective: value and gradient of ½‖θ‖², no second derivatives.</summary>
    private sealed class NoHessian() : Objective(2, "no-Hessian bowl")
    {
        public override bool HasExactHessian => false;
        protected override double ValueCore(Vector<double> theta) => 0.5 * theta.DotProduct(theta);
        protected override Vector<double> GradientCore(Vector<double> theta) => theta.Clone();
        protected override Vector<double> HessianVectorProductCore(Vector<double> theta, Vector<double> v) =>
            throw new NotSupportedException("no second derivatives");
    }

    [Fact]
    public void Second_order_optimizers_are_rejected_up_front_for_objectives_without_a_Hessian()
    {
        Assert.True(Optimizers.OptimalStep().UsesHessian);
        Assert.False(Optimizers.Adam(0.1).UsesHessian);
        var ex = Assert.Throws<ArgumentException>(() => Trainer.Run(new NoHessian(), Optimizers.SaddleFreeNewton(), V(1, 1)));
        Assert.Equal("optimizer", ex.ParamName);
        var curvature = Assert.Throws<ArgumentException>(() => Trainer.Run(new NoHessian(), Optimizers.GradientDescent(0.1), V(1, 1),
            new TrainingOptions { RecordCurvature = true }));
        Assert.Equal("options", curvature.ParamName);
        // First-order optimizers run fine: θ ← (1 − ε)θ.
        var r = Trainer.Run(new NoHessian(), Optimizers.GradientDescent(0.5), V(1, 1), new TrainingOptions { MaxSteps = 2 });
        Assert.Equal(0.25, r.Theta[0], 15);
    }

    [Fact]
    public void Early_stopping_stops_when_the_validation_loss_stops_improving_and_keeps_the_best_iterate()
    {
        // Train L = ½(θ − 2)², validate V = ½(θ − 1)², GD with ε = 0.1 from 0: θₖ = 2(1 − 0.9ᵏ).
        // |θₖ − 1| is smallest at k = 7 (θ₆ ≈ 0.937, θ₇ ≈ 1.043, θ₈ ≈ 1.139), so with patience 3 the
        // evaluations at k = 8, 9, 10 fail to improve and the run stops at k = 10, keeping θ₇.
        var one = Matrix<double>.Build.DenseIdentity(1);
        var train = new Quadratic(one, V(2.0));
        var validation = new Quadratic(one, V(1.0));
        var r = Trainer.Run(train, Optimizers.GradientDescent(0.1), V(0.0),
            new TrainingOptions { MaxSteps = 1000, Monitor = validation, MonitorEvery = 1, Patience = 3 });
        Assert.Equal(StopReason.EarlyStopping, r.Reason);
        Assert.Equal(10, r.Steps);
        Assert.Equal(7, r.BestMonitorStep);
        Assert.Equal(2 * (1 - Math.Pow(0.9, 7)), r.BestMonitorTheta![0], 14);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() =>
            Trainer.Run(train, Optimizers.GradientDescent(0.1), V(0.0), new TrainingOptions { Patience = 3 })).ParamName);
    }

    [Fact]
    public void The_running_minimum_of_the_gradient_norm_never_increases()
    {
        // Momentum on the d2l quadratic makes ‖g‖ oscillate; its running minimum is monotone and ends at min ‖g‖.
        var r = Trainer.Run(Quadratic.D2l(), Optimizers.Momentum(0.3, 0.9), V(-5, -2), new TrainingOptions { MaxSteps = 100 });
        var m = r.RunningMinimumGradientNorm();
        Assert.Contains(r.GradientNorms.Zip(r.GradientNorms.Skip(1)), p => p.Second > p.First);   // not monotone itself
        for (int k = 1; k < m.Length; k++)
        {
            Assert.True(m[k] <= m[k - 1]);
        }

        Assert.Equal(r.GradientNorms.Min(), m[^1]);
    }
}
