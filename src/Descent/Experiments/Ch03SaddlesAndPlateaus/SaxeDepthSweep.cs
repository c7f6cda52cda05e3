using Descent.Optimization;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="SaxeDepthSweep"/>.</summary>
public sealed record SaxeDepthSweepParameters
{
    /// <summary>Numbers of weight layers to try (each ≥ 2).</summary>
    public int[] Depths { get; init => field = Guard.AllAtLeast(value, 2, nameof(Depths)); } = [2, 3, 4, 6, 8];

    /// <summary>Singular values sₐ of Σyx.</summary>
    public double[] Strengths { get; init; } = [3.0, 2.0, 1.0, 0.5];

    /// <summary>σ of the small Gaussian initialization.</summary>
    public double GaussianScale { get; init; } = 0.3;

    /// <summary>Learning rate ε.</summary>
    public double LearningRate { get; init => field = Guard.Positive(value, nameof(LearningRate)); } = 0.01;

    /// <summary>Stop when L ≤ Tolerance · ½Σₐsₐ² (the loss at W = 0), in (0, 1). The default 0.1 times "learning 90 %";
    /// the last percent can take much longer in deep networks when a mode starts with the wrong sign and must cross the
    /// degenerate saddle at strength 0.</summary>
    public double Tolerance { get; init => field = Guard.Between(value, 0, 1, nameof(Tolerance)); } = 0.1;

    /// <summary>Step cap per run.</summary>
    public int MaxSteps { get; init => field = Guard.AtLeast(value, 1, nameof(MaxSteps)); } = 20_000;

    /// <summary>Seed of U, V and of the initializations (averaged over <see cref="Repeats"/> seeds).</summary>
    public int Seed { get; init; } = 3;

    /// <summary>Initializations per depth and kind (≥ 1); the median steps are reported.</summary>
    public int Repeats { get; init => field = Guard.AtLeast(value, 1, nameof(Repeats)); } = 5;
}

/// <summary>One depth: median steps to the tolerance from a small Gaussian and from an orthogonal start (MaxSteps + 1 when not reached).</summary>
public sealed record SaxeDepthRow(int Depth, double GaussianSteps, double OrthogonalSteps);

/// <summary>Result of <see cref="SaxeDepthSweep"/>.</summary>
public sealed record SaxeDepthSweepResult(IReadOnlyList<SaxeDepthRow> Rows, double GaussianScale) : IExperimentResult
{
    /// <summary>The depths, as doubles (for plotting).</summary>
    public double[] Depths => Rows.Select(r => (double)r.Depth).ToArray();

    /// <summary>Median steps from the small Gaussian start, per depth.</summary>
    public double[] GaussianSteps => Rows.Select(r => r.GaussianSteps).ToArray();

    /// <summary>Median steps from the orthogonal start, per depth.</summary>
    public double[] OrthogonalSteps => Rows.Select(r => r.OrthogonalSteps).ToArray();

    /// <inheritdoc />
    public string Summary => string.Join("; ", Rows.Select(r => $"d = {r.Depth}: Gaussian(σ = {GaussianScale:G2}) {r.GaussianSteps:G4} steps, orthogonal {r.OrthogonalSteps:G4}"));

    /// <inheritdoc />
    public ResultTable ToTable() => new(["depth", "gaussian_steps", "orthogonal_steps"],
        Rows.Select(r => (IReadOnlyList<object>)[r.Depth, r.GaussianSteps, r.OrthogonalSteps]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + ToTable();
}

/// <summary>
/// Depth and initialization in deep linear networks (Saxe et al. 2014, arXiv:1312.6120, their Fig. 6 and §4): from small
/// random Gaussian weights the product starts ever closer to the saddle at W = 0 as depth grows, so the plateau — and the
/// time to learn — grows with depth; random orthogonal weights start every mode at strength O(1) and learn in a number of
/// steps that does not grow with depth.
/// </summary>
public sealed class SaxeDepthSweep : Experiment<SaxeDepthSweepParameters, SaxeDepthSweepResult>
{
    /// <inheritdoc />
    public override string Name => "saxe-depth";

    /// <inheritdoc />
    public override string Chapter => "03";

    /// <inheritdoc />
    public override string Summary => "Steps to learn a deep linear network vs depth: small Gaussian vs orthogonal initialization.";

    /// <inheritdoc />
    public override SaxeDepthSweepResult Run(SaxeDepthSweepParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(parameters.Depths, nameof(parameters.Depths));
        var s = parameters.Strengths ?? throw new ArgumentNullException(nameof(parameters), "Strengths must be given.");
        double target = parameters.Tolerance * 0.5 * s.Sum(x => x * x);
        var rows = new List<SaxeDepthRow>();
        for (int i = 0; i < parameters.Depths.Length; i++)
        {
            int d = parameters.Depths[i];
            var net = SaxeNetworks.Network(s, d, parameters.Seed);
            double StepsFor(SaxeInitialization init) => SampleStatistics.Quantile(Enumerable.Range(0, parameters.Repeats).Select(r =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                var theta0 = SaxeNetworks.Initialize(net, init, parameters.GaussianScale, parameters.Seed + 2 + r);
                var run = Trainer.Run(net, Optimizers.GradientDescent(parameters.LearningRate), theta0,
                    new TrainingOptions { MaxSteps = parameters.MaxSteps, TargetLoss = target, RecordThetaEvery = 0 }, cancellationToken);
                return run.Reason == StopReason.TargetLoss ? (double)run.Steps : parameters.MaxSteps + 1;
            }).ToArray(), 0.5);
            rows.Add(new SaxeDepthRow(d, StepsFor(SaxeInitialization.SmallGaussian), StepsFor(SaxeInitialization.Orthogonal)));
            progress?.Report((i + 1.0) / parameters.Depths.Length);
        }
        return new SaxeDepthSweepResult(rows, parameters.GaussianScale);
    }
}
