using Descent.Optimization;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="NoiseBallSimulation"/>.</summary>
public sealed record NoiseBallParameters
{
    /// <summary>Eigenvalues λᵢ &gt; 0 of the diagonal quadratic L(x) = Σᵢ ½λᵢxᵢ².</summary>
    public double[] Curvatures { get; init; } = [1.0, 10.0];

    /// <summary>Constant learning rates ε, each with ελmax &lt; 2.</summary>
    public double[] LearningRates { get; init; } = [0.01, 0.03, 0.1, 0.15];

    /// <summary>Batch sizes B ≥ 1: the gradient noise per step has variance s₁²/B.</summary>
    public int[] BatchSizes { get; init; } = [1, 4, 16];

    /// <summary>s₁ &gt; 0, the standard deviation of one example's gradient noise per coordinate.</summary>
    public double NoiseStandardDeviation { get; init; } = 1.0;

    /// <summary>Independent chains M ≥ 2 (the variance is averaged over them).</summary>
    public int Chains { get; init; } = 2000;

    /// <summary>Steps, in units of the slowest relaxation time 1/(ελmin) (&gt; 0): the chains run ⌈this/(ελmin)⌉ steps from x = 0.</summary>
    public double RelaxationTimes { get; init; } = 8;

    /// <summary>Seed of the noise.</summary>
    public int Seed { get; init; } = 6;
}

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
        foreach (double l in parameters.Curvatures)
        {
            Guard.Positive(l, nameof(parameters.Curvatures));
        }

        foreach (int b in parameters.BatchSizes)
        {
            Guard.AtLeast(b, 1, nameof(parameters.BatchSizes));
        }

        Guard.Positive(parameters.NoiseStandardDeviation, nameof(parameters.NoiseStandardDeviation));
        Guard.Positive(parameters.RelaxationTimes, nameof(parameters.RelaxationTimes));
        Guard.AtLeast(parameters.Chains, 2, nameof(parameters.Chains));
        double lmin = parameters.Curvatures.Min(), lmax = parameters.Curvatures.Max();
        foreach (double eps in parameters.LearningRates)
        {
            if (!(eps > 0) || !(eps * lmax < 2))
            {
                throw new ArgumentOutOfRangeException(nameof(parameters), eps, $"every learning rate must be in (0, 2/λmax) = (0, {2 / lmax:G4}).");
            }
        }

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

/// <summary>Result of <see cref="NoiseBallSimulation"/>: measured stationary variance against the closed form.</summary>
/// <param name="Rows">One row per learning rate, batch size and eigen-direction.</param>
/// <param name="Chains">M, the chains averaged.</param>
public sealed record NoiseBallResult(IReadOnlyList<NoiseBallRow> Rows, int Chains) : IExperimentResult
{
    /// <summary>Largest |measured/predicted − 1|.</summary>
    public double WorstRelativeDeviation => Rows.Max(r => Math.Abs(r.Ratio - 1));

    /// <summary>The measured variances of one eigen-direction and batch size, in the order of the learning rates.</summary>
    public double[] Measured(double curvature, int batchSize) =>
        Rows.Where(r => r.Curvature == curvature && r.BatchSize == batchSize).Select(r => r.Measured).ToArray();

    /// <summary>The predicted variances of one eigen-direction and batch size, in the order of the learning rates.</summary>
    public double[] Predicted(double curvature, int batchSize) =>
        Rows.Where(r => r.Curvature == curvature && r.BatchSize == batchSize).Select(r => r.Predicted).ToArray();

    /// <summary>The learning rates, in order.</summary>
    public double[] LearningRates => Rows.Select(r => r.LearningRate).Distinct().ToArray();

    /// <inheritdoc />
    public string Summary =>
        $"{Rows.Count} (ε, B, λ) cases, {Chains} chains each: the measured variance of the noise ball is within {WorstRelativeDeviation:P1} "
        + $"of ε s²/(λ(2 − ελ)) with s² = s₁²/B (Monte Carlo standard error √(2/M) = {Math.Sqrt(2.0 / Chains):P1})";

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["learning_rate", "batch_size", "curvature", "steps", "measured", "predicted", "ratio"],
        Rows.Select(r => (IReadOnlyList<object>)[r.LearningRate, r.BatchSize, r.Curvature, r.Steps, r.Measured, r.Predicted, r.Ratio]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + ToTable();
}

/// <summary>One eigen-direction of one (ε, B) run of <see cref="NoiseBallSimulation"/>.</summary>
/// <param name="LearningRate">ε.</param>
/// <param name="BatchSize">B.</param>
/// <param name="Curvature">λ.</param>
/// <param name="Steps">Steps run from x = 0.</param>
/// <param name="Measured">E[x²] over the chains after the last step.</param>
/// <param name="Predicted">Vₖ = V(1 − (1 − ελ)²ᵏ) with V = ε s² / (λ(2 − ελ)), s² = s₁²/B.</param>
public sealed record NoiseBallRow(double LearningRate, int BatchSize, double Curvature, int Steps, double Measured, double Predicted)
{
    /// <summary>Measured over predicted.</summary>
    public double Ratio => Measured / Predicted;

    /// <inheritdoc />
    public override string ToString() =>
        $"ε = {LearningRate:G3}, B = {BatchSize}, λ = {Curvature:G3}: Var x = {Measured:G4} (ε s²/(λ(2 − ελ)) = {Predicted:G4})";
}
