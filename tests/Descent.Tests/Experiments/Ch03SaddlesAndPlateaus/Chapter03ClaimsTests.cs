using Descent.Curvature;
using Descent.Experiments;
using Descent.Functions;
using Descent.Optimization;

namespace Descent.Tests.Experiments;

/// <summary>The numbers chapter 03's text states outside the experiments' own tests.</summary>
public sealed class Chapter03ClaimsTests
{
    [Fact]
    public void Gradient_descent_on_the_quadratic_saddle_sits_on_the_closed_form_flow_and_newton_jumps_onto_the_saddle()
    {
        var saddle = new SaddleQuadratic();
        var theta0 = Point.Of(1.0, 0.02);
        var flow = LinearizedFlow.At(saddle, theta0);
        var gd = Trainer.Run(saddle, Optimizers.GradientDescent(0.05), theta0, new TrainingOptions { MaxSteps = 40 });
        // θₖ = θ₀ − QΛ'ₖQᵀg is exact on a quadratic: the iterates agree to rounding (|θ| ≤ 1.2, 40 steps: 1e-13 is ~500 ulps).
        Assert.True(gd.Thetas.Select((t, k) => (t - flow.AfterSteps(0.05, k)).L2Norm()).Max() < 1e-13);
        // The escape coordinate: discrete 1.1⁴⁰·0.02 vs continuous e^{2·2}·0.02 — the O(ε) gap the text quotes.
        Assert.Equal(0.02 * Math.Abs(Math.Pow(1.1, 40) - Math.Exp(4)), (gd.Theta - flow.At(2.0)).L2Norm(), 1e-3);
        var newton = Trainer.Run(saddle, Optimizers.Newton(), theta0, new TrainingOptions { MaxSteps = 5, GradientTolerance = 1e-12 });
        Assert.Equal(1, newton.Steps);
        Assert.Equal(0.0, newton.Theta.L2Norm(), 15);
    }

    [Fact]
    public void On_the_confined_saddle_gd_and_saddle_free_newton_reach_a_minimum_and_newton_the_saddle()
    {
        var f = SaddleAttraction.Surface;
        var runs = new[] { Optimizers.GradientDescent(0.1), Optimizers.Newton(), Optimizers.SaddleFreeNewton() }
            .Select(o => Trainer.Run(f, o, Point.Of(0.8, 0.3), new TrainingOptions { MaxSteps = 60, GradientTolerance = 1e-10 })).ToArray();
        Assert.True((runs[0].Theta - Point.Of(0, 1)).L2Norm() < 2e-3);   // GD: 60 steps of 0.9ᵏ on x leave 0.8·0.9⁶⁰ ≈ 1.44e-3 in x
        Assert.True(runs[1].Theta.L2Norm() < 1e-10);
        Assert.True((runs[2].Theta - Point.Of(0, 1)).L2Norm() < 1e-8);
        Assert.True(runs[2].Steps <= 10);
    }

    [Fact]
    public void Textbook_critical_points_are_classified_as_the_chapter_says()
    {
        Assert.Equal(CriticalPointKind.Saddle, CriticalPoint.Classify(new SaddleQuadratic(), Point.Of(0, 0)).Kind);
        Assert.Equal(CriticalPointKind.Degenerate, CriticalPoint.Classify(new MonkeySaddle(), Point.Of(0, 0)).Kind);
        var valley = CriticalPoint.Classify(new BaityJesiValley(0.1), Point.Of(0, 0));
        Assert.Equal(CriticalPointKind.Minimum, valley.Kind);
        Assert.Equal([0.2, 2.0], valley.Eigenvalues.Select(l => Math.Round(l, 12)));
        var flat = new BaityJesiValley(0);
        Assert.Equal(CriticalPointKind.Degenerate, CriticalPoint.Classify(flat, flat.FloorPoint(1.0)).Kind);
        // IndexSaddle(10, 3): a point with m escape coordinates at 0 has index m and L = −(3 − m)/4 (λ = γ = 1).
        foreach (var p in new IndexSaddle(10, 3).KnownCriticalPoints)
        {
            Assert.Equal(-(3 - p.Index) / 4.0, p.Value, 15);
        }
    }

    [Fact]
    public void Gradient_descent_started_on_the_tanh_plateau_barely_moves()
    {
        // ‖∇L‖ = (2hρ/r²)sech²(ρ²/r²) at ρ = √5.84 ≈ 2.42: ≈ 4e-4, so 500 steps of 0.5 move θ by less than 0.1.
        var run = Trainer.Run(new Plateau(), Optimizers.GradientDescent(0.5), Point.Of(2.2, 1.0), new TrainingOptions { MaxSteps = 500 });
        Assert.True(run.Loss > 0.99);
        Assert.True((run.Theta - Point.Of(2.2, 1.0)).L2Norm() < 0.1);
    }

    [Fact]
    public void The_sharp_minimum_is_about_44_times_sharper()
    {
        var f = new FlatAndSharpMinima(dimension: 10);
        // (f_a(b)/f_b(a))·σ_a²/σ_b² = (1 − e^{−4.5})/(1 − e^{−200})·(1/0.0225) = 43.95 (e^{−200} underflows to 0 in the ratio).
        Assert.Equal((1 - Math.Exp(-4.5)) / 0.0225, f.SharpHessianTrace / f.FlatHessianTrace, 9);
        Assert.InRange(f.SharpHessianTrace / f.FlatHessianTrace, 43.5, 44.5);
    }

    [Fact]
    public void Deeper_scalar_networks_wait_longer_at_their_degenerate_saddle_and_follow_the_mode_ode()
    {
        var t = Enumerable.Range(0, 401).Select(k => k * 0.05).ToArray();
        var half = new List<int>();
        foreach (int d in new[] { 2, 3, 4 })
        {
            var run = Trainer.Run(new ScalarDeepLinear(d), Optimizers.GradientDescent(0.05), MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(d, 0.2),
                new TrainingOptions { MaxSteps = 400 });
            var analytic = Descent.Models.SaxeLearningCurve.Curve(1, Math.Pow(0.2, d), t, d).Select(u => 0.5 * (1 - u) * (1 - u)).ToArray();
            // Balanced weights stay balanced under GD, so the product follows du/dt = d·u^{2−2/d}(1 − u) up to the O(ε) Euler error
            // (measured 0.005, 0.017, 0.033 for d = 2, 3, 4: steeper drops give larger pointwise gaps at the same ε).
            Assert.True(run.Losses.Zip(analytic, (a, b) => Math.Abs(a - b)).Max() < 0.05);
            int k = Array.FindIndex(run.Losses, l => l < 0.125), ka = Array.FindIndex(analytic, l => l < 0.125);
            Assert.InRange(k, ka - 2, (int)(ka * 1.03) + 2);
            half.Add(k);
        }
        // Plateau lengths: ln(1/u₀ − 1)/2 = 1.59 (d = 2) vs ≈ u₀^{−1/3} = 5 (d = 3) and ≈ 1/(2√u₀) = 12.5 (d = 4), in time units.
        Assert.True(half[0] < half[1] && 2 * half[1] < half[2], string.Join(", ", half));
    }

    [Theory]
    [InlineData("saddle-attraction")]
    [InlineData("stable-manifold")]
    [InlineData("saddle-escape")]
    [InlineData("critical-point-index")]
    [InlineData("random-hessians")]
    [InlineData("saxe-learning-curves")]
    [InlineData("saxe-depth")]
    [InlineData("saturation-plateau")]
    [InlineData("flat-vs-sharp")]
    public void Every_chapter_03_experiment_is_reachable_from_the_command_line(string name)
    {
        var experiment = ExperimentRegistry.Find(name);
        Assert.Equal("03", experiment.Chapter);
        Assert.False(string.IsNullOrWhiteSpace(experiment.Summary));
        Assert.NotNull(ExperimentRegistry.WithArguments(experiment, new Dictionary<string, string>()));
    }

    [Fact]
    public void The_stored_critical_points_put_every_minimum_below_every_saddle_of_index_three_or_more()
    {
        var stored = StoredResult.Load("03-critical-point-index.csv");
        var loss = stored.Column("loss");
        var index = stored.Column("index");
        double highestMinimum = loss.Where((_, i) => index[i] == 0).Max();
        double lowestHighSaddle = loss.Where((_, i) => index[i] >= 3).Min();
        Assert.True(highestMinimum < lowestHighSaddle, $"{highestMinimum} vs {lowestHighSaddle}");
        Assert.True(SampleStatistics.Spearman(loss, stored.Column("index_fraction")) > 0.8);
        Assert.StartsWith("dotnet run --project src/Descent.Cli -- experiment run critical-point-index", stored.Comments[0]);
        Assert.All(stored.Column("gradient_norm"), g => Assert.True(g <= 1e-9));
    }

    [Fact]
    public void The_stored_depth_sweep_shows_gaussian_growth_and_flat_orthogonal_times()
    {
        var stored = StoredResult.Load("03-saxe-depth.csv");
        var g = stored.Column("gaussian_steps");
        var o = stored.Column("orthogonal_steps");
        for (int i = 1; i < g.Length; i++)
        {
            Assert.True(g[i] > g[i - 1]);
        }

        Assert.True(o.Max() <= 1.5 * o[0]);
    }
}
