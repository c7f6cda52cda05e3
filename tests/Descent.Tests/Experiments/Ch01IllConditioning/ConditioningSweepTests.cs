using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class ConditioningSweepTests
{
    private static readonly ConditioningSweepResult Result = new ConditioningSweep().Run(new ConditioningSweepParameters
    {
        Kappas = [4, 16, 64, 256],
        Tolerance = 1e-6,
    });

    [Fact]
    public void Gradient_descent_at_the_optimal_step_needs_the_iterations_its_contraction_factor_predicts()
    {
        foreach (var row in Result.Rows)
        {
            // Both eigen-components contract by exactly (κ−1)/(κ+1) per step at ε = 2/(λ₁+λₙ), so ‖θₖ‖ = ρᵏ‖θ₀‖:
            // the measured count equals ⌈ln(1/tol)/−ln ρ⌉, up to one step when ρᵏ lands within rounding of tol.
            Assert.InRange(row.GradientDescentSteps, row.PredictedGradientDescentSteps - 1, row.PredictedGradientDescentSteps + 1);
        }
    }

    [Fact]
    public void Iterations_grow_linearly_in_kappa_for_gd_and_like_sqrt_kappa_for_momentum()
    {
        // (κ/2)·ln(10⁶) for GD: quadrupling κ from 64 to 256 should multiply steps by ≈ 4 (3.9–4.1 allowing the ceiling);
        // momentum's (√κ/2)·ln(10⁶)·(1 + polynomial factor) should roughly double (1.6–2.6 allowing the k·ρᵏ transient).
        var r64 = Result.Rows.Single(r => r.Kappa == 64);
        var r256 = Result.Rows.Single(r => r.Kappa == 256);
        Assert.InRange((double)r256.GradientDescentSteps / r64.GradientDescentSteps, 3.9, 4.1);
        Assert.InRange((double)r256.MomentumSteps / r64.MomentumSteps, 1.6, 2.6);
    }

    [Fact]
    public void Tuned_momentum_beats_gradient_descent_and_newton_needs_one_step()
    {
        foreach (var row in Result.Rows)
        {
            Assert.True(row.MomentumSteps >= row.PredictedMomentumSteps, $"κ={row.Kappa}: momentum faster than its rate allows");
            if (row.Kappa >= 16)
            {
                Assert.True(row.MomentumSteps < row.GradientDescentSteps, $"κ={row.Kappa}: momentum not faster");
            }

            Assert.Equal(1, row.NewtonSteps);
        }
    }

    [Fact]
    public void Registry_finds_it_and_parses_arguments()
    {
        var ex = ExperimentRegistry.Find("conditioning-sweep");
        var p = (ConditioningSweepParameters)ExperimentRegistry.WithArguments(ex,
            new Dictionary<string, string> { ["kappas"] = "3, 9", ["--tolerance"] = "1e-3" });
        Assert.Equal([3.0, 9.0], p.Kappas);
        Assert.Equal(1e-3, p.Tolerance);
        var bad = Assert.Throws<ArgumentException>(() => ExperimentRegistry.WithArguments(ex, new Dictionary<string, string> { ["tolerance"] = "abc" }));
        Assert.Contains("--tolerance", bad.Message);
        Assert.Throws<ArgumentException>(() => ExperimentRegistry.WithArguments(ex, new Dictionary<string, string> { ["nope"] = "1" }));
        // The record checks the range when the value is set; the registry names the command-line option.
        var range = Assert.Throws<ArgumentException>(() => ExperimentRegistry.WithArguments(ex, new Dictionary<string, string> { ["max-steps"] = "0" }));
        Assert.Equal("--max-steps must be at least 1. (got 0) (Parameter 'arguments')", range.Message);
        Assert.Equal("MaxSteps", Assert.IsType<ArgumentOutOfRangeException>(range.InnerException).ParamName);
        Assert.Equal("MaxSteps", Assert.Throws<ArgumentOutOfRangeException>(() => new ConditioningSweepParameters { MaxSteps = 0 }).ParamName);
        var table = ex.Run(p).ToTable();
        Assert.Equal(2, table.Rows.Count);
        Assert.StartsWith("kappa,gd_steps", table.ToCsv());
    }
}
