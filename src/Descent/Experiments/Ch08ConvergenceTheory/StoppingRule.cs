using Descent.Functions;
using Descent.Optimization;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="StoppingRule"/>.</summary>
public sealed record StoppingRuleParameters
{
    /// <summary>a of <see cref="RampedDoubleWell"/> (&gt; 1).</summary>
    public double Depth { get; init; } = 2.0;

    /// <summary>b of <see cref="RampedDoubleWell"/> (&gt; 0).</summary>
    public double Slope { get; init; } = 1.0;

    /// <summary>α as a multiple m of 1/M (0 &lt; m &lt; 2). Not 1: on this surface α = 1/M happens to converge superlinearly in y.</summary>
    public double Multiplier { get; init; } = 0.5;

    /// <summary>Tolerances ε of the stopping rule ‖∇L‖ &lt; ε (each &gt; 0).</summary>
    public double[] Tolerances { get; init; } = [0.99, 0.9, 0.5, 0.2, 0.1, 0.03, 0.01, 1e-3, 1e-4, 1e-6];

    /// <summary>Start θ₀.</summary>
    public double[] Start { get; init; } = [0.5, 20.0];

    /// <summary>Step cap per run.</summary>
    public int MaxSteps { get; init => field = Guard.AtLeast(value, 1, nameof(MaxSteps)); } = 1_000_000;
}

/// <summary>One tolerance: steps GD took until ‖∇L‖ &lt; ε, and the bound (L(W₁) − min L)/(cε²).</summary>
/// <param name="Tolerance">ε.</param>
/// <param name="Steps">Steps taken when the rule fired.</param>
/// <param name="Bound">(L(W₁) − min L)/(cε²).</param>
public sealed record StoppingRuleRow(double Tolerance, int Steps, double Bound);

/// <summary>Result of <see cref="StoppingRule"/>.</summary>
/// <param name="Guarantee">M, α and L(W₁) − min L.</param>
/// <param name="Rows">One row per tolerance.</param>
public sealed record StoppingRuleResult(GradientDescentGuarantee Guarantee, IReadOnlyList<StoppingRuleRow> Rows) : IExperimentResult
{
    /// <summary>True when every measured count is within its bound.</summary>
    public bool Holds => Rows.All(r => r.Steps <= r.Bound);

    /// <inheritdoc />
    public string Summary =>
        $"{Guarantee}; every count within the bound: {Holds}; " +
        $"at ε = {Rows[^1].Tolerance:G3}: {Rows[^1].Steps} steps vs bound {Rows[^1].Bound:G3}";

    /// <inheritdoc />
    public ResultTable ToTable() => new(["tolerance", "steps", "bound"],
        Rows.Select(r => (IReadOnlyList<object>)[r.Tolerance, r.Steps, r.Bound]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + ToTable();
}

/// <summary>
/// The stopping-rule form of Yarotsky's proposition: gradient descent with ‖∇L‖ &lt; ε as the stop rule terminates within
/// (L(W⁽¹⁾) − min L)/(cε²) steps. Measured counts on <see cref="RampedDoubleWell"/> from far up the ramp against that bound:
/// close while ε is near the ramp's slope b, and far below it (a few more steps per factor of 10 in ε, linear
/// convergence in a non-degenerate well) for small ε — the ε⁻² is a worst case over all functions, not a prediction.
/// </summary>
public sealed class StoppingRule : Experiment<StoppingRuleParameters, StoppingRuleResult>
{
    /// <inheritdoc />
    public override string Name => "stopping-rule";

    /// <inheritdoc />
    public override string Chapter => "08";

    /// <inheritdoc />
    public override string Summary => "Steps until ‖∇L‖ < ε against the bound (L(W1) − min L)/(cε²).";

    /// <inheritdoc />
    public override StoppingRuleResult Run(StoppingRuleParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(parameters.Multiplier > 0 && parameters.Multiplier < 2))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.Multiplier, "Multiplier must be in (0, 2) (α = m/M < 2/M).");
        }

        if (parameters.Tolerances is null || parameters.Tolerances.Length == 0 || parameters.Tolerances.Any(e => !(e > 0) || !double.IsFinite(e)))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "Tolerances must be a non-empty list of finite numbers > 0.");
        }

        var f = new RampedDoubleWell(parameters.Depth, parameters.Slope);
        var theta0 = Chapter08Support.Point(parameters.Start, 2, nameof(parameters.Start));
        double m = f.GradientLipschitzConstant;
        var guarantee = new GradientDescentGuarantee(m, parameters.Multiplier / m, f.Value(theta0) - f.MinimumValue);
        var rows = new List<StoppingRuleRow>();
        foreach (double eps in parameters.Tolerances)
        {
            var run = Trainer.Run(f, Optimizers.GradientDescent(guarantee.LearningRate), theta0,
                new TrainingOptions { MaxSteps = parameters.MaxSteps, GradientTolerance = eps, RecordThetaEvery = 0 }, cancellationToken);
            if (run.Reason != StopReason.GradientTolerance)
            {
                throw new InvalidOperationException($"ε = {eps:G3}: the run stopped with {run.Reason} ({run.Message}); raise MaxSteps.");
            }

            rows.Add(new StoppingRuleRow(eps, run.Steps, guarantee.StepsBound(eps)));
            progress?.Report((double)rows.Count / parameters.Tolerances.Length);
        }
        return new StoppingRuleResult(guarantee, rows);
    }
}
