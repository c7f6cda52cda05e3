using Descent.Optimization;

namespace Descent.Experiments;

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
        foreach (double l in parameters.Curvatures) Guard.Positive(l, nameof(parameters.Curvatures));
        Guard.Positive(parameters.NoiseStandardDeviation, nameof(parameters.NoiseStandardDeviation));
        Guard.Positive(parameters.InverseTimeDecay, nameof(parameters.InverseTimeDecay));
        Guard.AtLeast(parameters.Steps, 1, nameof(parameters.Steps));
        Guard.AtLeast(parameters.Chains, 2, nameof(parameters.Chains));
        Guard.AtLeast(parameters.RecordEvery, 1, nameof(parameters.RecordEvery));
        Guard.AtLeast(parameters.StepDecayEvery, 1, nameof(parameters.StepDecayEvery));
        if (!double.IsFinite(parameters.Start)) throw new ArgumentOutOfRangeException(nameof(parameters), parameters.Start, "Start must be finite.");
        double eps = parameters.LearningRate, lmax = parameters.Curvatures.Max(), s = parameters.NoiseStandardDeviation;
        if (!(eps > 0) || !(eps * lmax < 2))
            throw new ArgumentOutOfRangeException(nameof(parameters), eps, $"LearningRate must be in (0, 2/λmax) = (0, {2 / lmax:G4}).");

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
