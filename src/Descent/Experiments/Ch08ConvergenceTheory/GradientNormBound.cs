using Descent.Functions;
using Descent.Optimization;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="GradientNormBound"/>.</summary>
public sealed record GradientNormBoundParameters
{
    /// <summary>a of <see cref="RampedDoubleWell"/> (&gt; 1).</summary>
    public double Depth { get; init; } = 2.0;

    /// <summary>b of <see cref="RampedDoubleWell"/> (&gt; 0).</summary>
    public double Slope { get; init; } = 1.0;

    /// <summary>Learning rates as multiples m of 1/M (α = m/M, 0 &lt; m &lt; 2).</summary>
    public double[] Multipliers { get; init; } = [0.1, 0.5, 1.0, 1.5, 1.9];

    /// <summary>Iterates N to record (≥ 1): θ₀ … θ_{N−1}.</summary>
    public int Iterates { get; init; } = 400;

    /// <summary>Start θ₀: far up the ramp, where ‖∇L‖ ≈ b for a long time.</summary>
    public double[] Start { get; init; } = [0.5, 20.0];
}

/// <summary>One learning rate: measured running minimum of ‖∇L‖ and the bound, for N = 1 … Iterates.</summary>
/// <param name="Multiplier">m with α = m/M.</param>
/// <param name="Guarantee">The bound (M, α, L(W₁) − L*).</param>
/// <param name="RunningMinimum">min_{n ≤ N} ‖∇L(W⁽ⁿ⁾)‖ for N = 1 … Iterates.</param>
/// <param name="Bound">c^{−1/2}N^{−1/2}(L(W₁) − L*)^{1/2} for N = 1 … Iterates.</param>
public sealed record GradientNormBoundRow(double Multiplier, GradientDescentGuarantee Guarantee, double[] RunningMinimum, double[] Bound)
{
    /// <summary>α.</summary>
    public double LearningRate => Guarantee.LearningRate;

    /// <summary>True when RunningMinimum[N] ≤ Bound[N] for every N.</summary>
    public bool Holds => RunningMinimum.Zip(Bound).All(p => p.First <= p.Second);

    /// <summary>max over N of measured/bound (≤ 1 when the bound holds; near 1 where it is tight).</summary>
    public double Tightness => RunningMinimum.Zip(Bound).Max(p => p.First / p.Second);
}

/// <summary>Result of <see cref="GradientNormBound"/>.</summary>
/// <param name="Objective">The surface.</param>
/// <param name="InitialGap">L(W₁) − L*.</param>
/// <param name="Rows">One row per rate.</param>
public sealed record GradientNormBoundResult(RampedDoubleWell Objective, double InitialGap, IReadOnlyList<GradientNormBoundRow> Rows) : IExperimentResult
{
    /// <summary>N = 1 … Iterates (the x axis).</summary>
    public double[] Iterates => Enumerable.Range(1, Rows[0].Bound.Length).Select(n => (double)n).ToArray();

    /// <summary>Legend names "α = m/M".</summary>
    public IReadOnlyList<string> Names => Rows.Select(r => $"α = {r.Multiplier:G3}/M").ToArray();

    /// <summary>True when the bound holds for every rate and every N.</summary>
    public bool Holds => Rows.All(r => r.Holds);

    /// <inheritdoc />
    public string Summary =>
        $"L(W₁) − min L = {InitialGap:G5} on {Objective.Name}; bound holds for all {Rows.Count} rates and N ≤ {Rows[0].Bound.Length}: {Holds}; " +
        $"tightest measured/bound = {Rows.Max(r => r.Tightness):G3} (α = {Rows.MaxBy(r => r.Tightness)!.Multiplier:G3}/M)";

    /// <inheritdoc />
    public ResultTable ToTable()
    {
        int count = Rows[0].Bound.Length;
        var checkpoints = new[] { 1, 10, 30, 100, 300, 1000, 3000, 10000 }.Where(n => n <= count).Append(count).Distinct().ToArray();
        return new ResultTable(["learning_rate", "c", "N", "min_gradient_norm", "bound"],
            Rows.SelectMany(r => checkpoints.Select(n => (IReadOnlyList<object>)[r.LearningRate, r.Guarantee.StepFactor, n, r.RunningMinimum[n - 1], r.Bound[n - 1]])).ToArray());
    }

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + ToTable();
}

/// <summary>
/// Yarotsky's proposition measured: gradient descent on the non-convex <see cref="RampedDoubleWell"/> (M and min L known)
/// for several α &lt; 2/M, the running minimum min_{n ≤ N} ‖∇L(W⁽ⁿ⁾)‖ against c^{−1/2} N^{−1/2} (L(W⁽¹⁾) − min L)^{1/2},
/// c = α(1 − Mα/2). Started far up the ramp, ‖∇L‖ ≈ b while the loss falls by ≈ αb² per step, so the bound is nearly
/// tight there; once GD reaches a well it converges linearly and the bound becomes loose.
/// </summary>
public sealed class GradientNormBound : Experiment<GradientNormBoundParameters, GradientNormBoundResult>
{
    /// <inheritdoc />
    public override string Name => "gradient-norm-bound";

    /// <inheritdoc />
    public override string Chapter => "08";

    /// <inheritdoc />
    public override string Summary => "min‖∇L‖ over N GD iterates against Yarotsky's bound c^-1/2 N^-1/2 (L(W1) − min L)^1/2, several α.";

    /// <inheritdoc />
    public override GradientNormBoundResult Run(GradientNormBoundParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Multipliers is null || parameters.Multipliers.Length == 0 || parameters.Multipliers.Any(m => !(m > 0 && m < 2)))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "Multipliers must be a non-empty list of numbers in (0, 2) (α = m/M < 2/M).");
        }

        if (parameters.Iterates < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.Iterates, "Iterates must be ≥ 1.");
        }

        var f = new RampedDoubleWell(parameters.Depth, parameters.Slope);
        var theta0 = Chapter08Support.Point(parameters.Start, 2, nameof(parameters.Start));
        double gap = f.Value(theta0) - f.MinimumValue;
        double m = f.GradientLipschitzConstant;
        var rows = new List<GradientNormBoundRow>();
        foreach (double mult in parameters.Multipliers)
        {
            var guarantee = new GradientDescentGuarantee(m, mult / m, gap);
            var run = Trainer.Run(f, Optimizers.GradientDescent(guarantee.LearningRate), theta0,
                new TrainingOptions { MaxSteps = parameters.Iterates - 1, RecordThetaEvery = 0 }, cancellationToken);
            var running = run.RunningMinimumGradientNorm();
            // A run that lands exactly on a critical point stops early; its running minimum then stays at its last value.
            var full = Enumerable.Range(0, parameters.Iterates).Select(k => running[Math.Min(k, running.Length - 1)]).ToArray();
            rows.Add(new GradientNormBoundRow(mult, guarantee, full,
                Enumerable.Range(1, parameters.Iterates).Select(guarantee.GradientNormBound).ToArray()));
            progress?.Report((double)rows.Count / parameters.Multipliers.Length);
        }
        return new GradientNormBoundResult(f, gap, rows);
    }
}
