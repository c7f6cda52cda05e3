using Descent.Optimization;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="ScheduleComparison"/>.</summary>
public sealed record ScheduleComparisonParameters
{
    /// <summary>Eigenvalues λᵢ &gt; 0 of the diagonal quadratic.</summary>
    public double[] Curvatures { get; init; } = [1.0, 10.0];

    /// <summary>s &gt; 0, the standard deviation of the gradient noise per coordinate and step.</summary>
    public double NoiseStandardDeviation { get; init; } = 1.0;

    /// <summary>The initial (and, for the constant schedule, the only) learning rate ε₀ with ε₀λmax &lt; 2.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Step decay: multiply ε by this factor in (0, 1) …</summary>
    public double StepDecayFactor { get; init => field = Guard.Between(value, 0, 1, nameof(StepDecayFactor)); } = 0.5;

    /// <summary>… every this many steps (≥ 1).</summary>
    public int StepDecayEvery { get; init; } = 500;

    /// <summary>Inverse-time decay εₖ = ε₀/(1 + d·k): the rate d &gt; 0.</summary>
    public double InverseTimeDecay { get; init; } = 0.01;

    /// <summary>SGD steps (≥ 1).</summary>
    public int Steps { get; init; } = 3000;

    /// <summary>Independent chains M ≥ 2 (the excess loss is averaged over them).</summary>
    public int Chains { get; init; } = 400;

    /// <summary>Every coordinate starts at this value.</summary>
    public double Start { get; init; } = 3.0;

    /// <summary>Record the mean excess loss every this many steps (≥ 1).</summary>
    public int RecordEvery { get; init; } = 10;

    /// <summary>Seed of the noise.</summary>
    public int Seed { get; init; } = 6;
}

/// <summary>
/// Decaying learning rates reach the minimum that a constant one only circles: on the noisy quadratic of
/// <see cref="NoiseBallSimulation"/>, constant ε stalls at the noise-ball excess loss Σᵢ εs²/(2(2 − ελᵢ)), while step
/// decay and inverse-time decay εₖ = ε₀/(1 + dk) keep shrinking it (Σεₖ = ∞ and Σεₖ² &lt; ∞ for 1/k: the Robbins–Monro
/// conditions, Robbins &amp; Monro 1951).
/// </summary>
public sealed class ScheduleComparison : Experiment<ScheduleComparisonParameters, ScheduleComparisonResult>
{
    /// <inheritdoc />
    public override string Name => "noise-ball-schedules";

    /// <inheritdoc />
    public override string Chapter => "06";

    /// <inheritdoc />
    public override string Summary => "Constant vs step-decay vs inverse-time learning rates on a noisy quadratic: who reaches the minimum.";

    /// <inheritdoc />
    public override ScheduleComparisonResult Run(ScheduleComparisonParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Guard.NonEmpty(parameters.Curvatures, nameof(parameters.Curvatures));
        foreach (double l in parameters.Curvatures)
        {
            Guard.Positive(l, nameof(parameters.Curvatures));
        }

        Guard.Positive(parameters.NoiseStandardDeviation, nameof(parameters.NoiseStandardDeviation));
        Guard.Positive(parameters.InverseTimeDecay, nameof(parameters.InverseTimeDecay));
        Guard.AtLeast(parameters.Steps, 1, nameof(parameters.Steps));
        Guard.AtLeast(parameters.Chains, 2, nameof(parameters.Chains));
        Guard.AtLeast(parameters.RecordEvery, 1, nameof(parameters.RecordEvery));
        Guard.AtLeast(parameters.StepDecayEvery, 1, nameof(parameters.StepDecayEvery));
        if (!double.IsFinite(parameters.Start))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.Start, "Start must be finite.");
        }

        double eps = parameters.LearningRate, lmax = parameters.Curvatures.Max(), s = parameters.NoiseStandardDeviation;
        if (!(eps > 0) || !(eps * lmax < 2))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), eps, $"LearningRate must be in (0, 2/λmax) = (0, {2 / lmax:G4}).");
        }

        LearningRateSchedule[] schedules =
        [
            LearningRateSchedule.Constant(eps),
            LearningRateSchedule.StepDecay(eps, parameters.StepDecayFactor, parameters.StepDecayEvery),
            LearningRateSchedule.InverseTime(eps, parameters.InverseTimeDecay),
        ];
        var curves = new List<ScheduleCurve>();
        for (int j = 0; j < schedules.Length; j++)
        {
            var steps = new List<int>();
            var loss = new List<double>();
            // The same seed for every schedule: the curves differ by the schedule, not by the noise.
            NoisyQuadraticChains.Run(parameters.Curvatures, schedules[j], s, parameters.Chains, parameters.Steps, parameters.Start,
                new Random(parameters.Seed), parameters.RecordEvery, (k, m) =>
                {
                    steps.Add(k);
                    loss.Add(m.Select((x2, i) => 0.5 * parameters.Curvatures[i] * x2).Sum());
                }, cancellationToken);
            curves.Add(new ScheduleCurve(j == 0 ? $"constant {eps:G3}" : schedules[j].ToString()!, [.. steps], [.. loss]));
            progress?.Report((j + 1.0) / schedules.Length);
        }
        double plateau = parameters.Curvatures.Sum(l => NoiseBall.StationaryExcessLoss(l, eps, s * s));
        return new ScheduleComparisonResult(curves, plateau);
    }
}

/// <summary>Result of <see cref="ScheduleComparison"/>: one excess-loss curve per schedule and the constant step's
/// predicted plateau.</summary>
/// <param name="Curves">Constant, step decay and inverse-time decay, in that order.</param>
/// <param name="Plateau">Σᵢ ε s²/(2(2 − ελᵢ)), the stationary excess loss of the constant learning rate.</param>
public sealed record ScheduleComparisonResult(IReadOnlyList<ScheduleCurve> Curves, double Plateau) : IExperimentResult
{
    /// <summary>The constant-step curve.</summary>
    public ScheduleCurve Constant => Curves[0];

    /// <inheritdoc />
    public string Summary =>
        $"constant ε stalls at excess loss {Constant.LastQuarterMean:G3} (predicted noise-ball level {Plateau:G3}); "
        + string.Join("; ", Curves.Skip(1).Select(c => $"{c.Schedule} ends at {c.Final:G3} ({Plateau / c.Final:G3}× below)"));

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["step", .. Curves.Select(c => c.Schedule)],
        Enumerable.Range(0, Constant.Steps.Length).Select(k => (IReadOnlyList<object>)[Constant.Steps[k], .. Curves.Select(c => (object)c.ExcessLoss[k])]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>The mean excess loss E[L(xₖ) − L(x*)] over the chains of one learning-rate schedule.</summary>
/// <param name="Schedule">The schedule's formula, e.g. "0.1/(1 + 0.01t)".</param>
/// <param name="Steps">Step k of each record.</param>
/// <param name="ExcessLoss">E[Σᵢ ½λᵢxᵢ²] at step k.</param>
public sealed record ScheduleCurve(string Schedule, int[] Steps, double[] ExcessLoss)
{
    /// <summary>The excess loss at the last step.</summary>
    public double Final => ExcessLoss[^1];

    /// <summary>The mean excess loss over the last quarter of the records (a time average of the plateau).</summary>
    public double LastQuarterMean => ExcessLoss[(3 * ExcessLoss.Length / 4)..].Average();

    /// <inheritdoc />
    public override string ToString() => $"{Schedule}: excess loss {ExcessLoss[0]:G3} → {Final:G3}";
}
