using Descent.Optimization;

namespace Descent.Experiments;

/// <summary>
/// SGD with a constant learning rate does not converge: it settles into a noise ball around the minimum. On the
/// quadratic Σᵢ ½λᵢxᵢ² with additive Gaussian gradient noise of variance s² = s₁²/B per coordinate (a batch of B
/// examples), M chains run from the minimum and their variance per eigen-direction is compared with the closed form
/// V = ε s²/(λ(2 − ελ)) of <see cref="NoiseBall"/> (more exactly with Vₖ = V(1 − (1 − ελ)²ᵏ) after k steps).
/// </summary>
public sealed class NoiseBallSimulation : Experiment<NoiseBallParameters, NoiseBallResult>
{
    /// <inheritdoc />
    public override string Name => "noise-ball";

    /// <inheritdoc />
    public override string Chapter => "06";

    /// <inheritdoc />
    public override string Summary => "Stationary variance of constant-step SGD on a noisy quadratic vs step size and batch size, against ε s²/(λ(2 − ελ)).";

    /// <inheritdoc />
    public override NoiseBallResult Run(NoiseBallParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Guard.NonEmpty(parameters.Curvatures, nameof(parameters.Curvatures));
        Guard.NonEmpty(parameters.LearningRates, nameof(parameters.LearningRates));
        Guard.NonEmpty(parameters.BatchSizes, nameof(parameters.BatchSizes));
        foreach (double l in parameters.Curvatures) Guard.Positive(l, nameof(parameters.Curvatures));
        foreach (int b in parameters.BatchSizes) Guard.AtLeast(b, 1, nameof(parameters.BatchSizes));
        Guard.Positive(parameters.NoiseStandardDeviation, nameof(parameters.NoiseStandardDeviation));
        Guard.Positive(parameters.RelaxationTimes, nameof(parameters.RelaxationTimes));
        Guard.AtLeast(parameters.Chains, 2, nameof(parameters.Chains));
        double lmin = parameters.Curvatures.Min(), lmax = parameters.Curvatures.Max();
        foreach (double eps in parameters.LearningRates)
            if (!(eps > 0) || !(eps * lmax < 2))
                throw new ArgumentOutOfRangeException(nameof(parameters), eps, $"every learning rate must be in (0, 2/λmax) = (0, {2 / lmax:G4}).");

        var rng = new Random(parameters.Seed);
        var rows = new List<NoiseBallRow>();
        int total = parameters.LearningRates.Length * parameters.BatchSizes.Length, done = 0;
        foreach (double eps in parameters.LearningRates)
        {
            int steps = (int)Math.Ceiling(parameters.RelaxationTimes / (eps * lmin));
            foreach (int b in parameters.BatchSizes)
            {
                double s = parameters.NoiseStandardDeviation / Math.Sqrt(b);
                double[] last = [];
                NoisyQuadraticChains.Run(parameters.Curvatures, LearningRateSchedule.Constant(eps), s, parameters.Chains, steps, 0.0, rng,
                    steps, (_, m) => last = m, cancellationToken);
                for (int i = 0; i < parameters.Curvatures.Length; i++)
                {
                    double l = parameters.Curvatures[i];
                    rows.Add(new NoiseBallRow(eps, b, l, steps, last[i], NoiseBall.VarianceAfter(steps, l, eps, s * s)));
                }
                progress?.Report(++done / (double)total);
            }
        }
        return new NoiseBallResult(rows, parameters.Chains);
    }
}
