using Descent.Curvature;
using Descent.Functions;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="StepSizeThreshold"/>.</summary>
public sealed record StepSizeThresholdParameters
{
    /// <summary>a of <see cref="RampedDoubleWell"/> (&gt; 1).</summary>
    public double Depth { get; init; } = 2.0;

    /// <summary>b of <see cref="RampedDoubleWell"/> (&gt; 0).</summary>
    public double Slope { get; init; } = 1.0;

    /// <summary>Learning rates as multiples m of 1/M (α = m/M, each &gt; 0); m &lt; 2 is inside the guarantee.</summary>
    public double[] Multipliers { get; init => field = Guard.AllPositive(value, nameof(Multipliers)); } = [0.5, 1.0, 1.5, 1.9, 2.1, 2.5];

    /// <summary>Gradient-descent steps per rate (≥ 1).</summary>
    public int Steps { get; init => field = Guard.AtLeast(value, 1, nameof(Steps)); } = 60;

    /// <summary>Start θ₀ (2 numbers), next to the ridge y = 0 where the curvature is largest.</summary>
    public double[] Start { get; init; } = [0.5, 0.05];

    /// <summary>Hessian samples and gradient pairs for the estimate of M over the plot box (≥ 1).</summary>
    public int Samples { get; init; } = 400;

    /// <summary>Seed of the samples.</summary>
    public int Seed { get; init; } = 8;
}

/// <summary>One learning rate: did L decrease at every step?</summary>
/// <param name="Multiplier">m with α = m/M.</param>
/// <param name="LearningRate">α.</param>
/// <param name="Monotone">L(θₖ₊₁) ≤ L(θₖ) at every step (up to rounding, 1e-12 relative).</param>
/// <param name="Increases">Number of steps where L went up.</param>
/// <param name="LargestIncrease">The largest rise max(L(θₖ₊₁) − L(θₖ), 0).</param>
/// <param name="FinalLoss">L after the last step.</param>
/// <param name="FinalGradientNorm">‖∇L‖ after the last step.</param>
public sealed record StepSizeRow(double Multiplier, double LearningRate, bool Monotone, int Increases, double LargestIncrease,
    double FinalLoss, double FinalGradientNorm);

/// <summary>Result of <see cref="StepSizeThreshold"/>.</summary>
/// <param name="Objective">The surface.</param>
/// <param name="LipschitzConstant">The proven M = max(1, a − 1, b).</param>
/// <param name="Estimate">Sampled estimates of M over the plot box.</param>
/// <param name="Rows">One row per rate.</param>
/// <param name="Runs">The runs, in the order of <see cref="Rows"/>.</param>
public sealed record StepSizeThresholdResult(RampedDoubleWell Objective, double LipschitzConstant, LipschitzEstimate Estimate,
    IReadOnlyList<StepSizeRow> Rows, IReadOnlyList<TrainingResult> Runs) : IExperimentResult
{
    /// <summary>Legend names "α = m/M".</summary>
    public IReadOnlyList<string> Names => Rows.Select(r => $"α = {r.Multiplier:G3}/M").ToArray();

    /// <inheritdoc />
    public string Summary =>
        $"M = {LipschitzConstant:G4} (sampled estimates from below: max λmax = {Estimate.MaxCurvature:G5}, max ‖H‖₂ = {Estimate.MaxSpectralNorm:G5}, gradient pairs {Estimate.SampledLowerBound:G5}); " +
        $"monotone for α = {string.Join(", ", Rows.Where(r => r.Monotone).Select(r => $"{r.Multiplier:G3}/M"))}; " +
        $"L rose for α = {string.Join(", ", Rows.Where(r => !r.Monotone).Select(r => $"{r.Multiplier:G3}/M ({r.Increases}×)"))}";

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["multiplier", "learning_rate", "monotone", "increases", "largest_increase", "final_loss", "final_gradient_norm"],
        Rows.Select(r => (IReadOnlyList<object>)[r.Multiplier, r.LearningRate, r.Monotone, r.Increases, r.LargestIncrease, r.FinalLoss, r.FinalGradientNorm]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + ToTable();
}

/// <summary>
/// Yarotsky's step-size condition: on <see cref="RampedDoubleWell"/> (non-convex, M known), estimate M by sampling
/// (λmax of Hessians and gradient-difference ratios over the plot box, <see cref="Lipschitz.EstimateGradient"/>), then run
/// gradient descent with α = m/M. The descent lemma L(θ − αg) ≤ L(θ) − α(1 − Mα/2)‖g‖² makes every α &lt; 2/M monotone;
/// beyond 2/M the ridge direction (curvature b = M at y = 0) is multiplied by |1 − αM| &gt; 1 and L goes up.
/// </summary>
public sealed class StepSizeThreshold : Experiment<StepSizeThresholdParameters, StepSizeThresholdResult>
{
    /// <inheritdoc />
    public override string Name => "step-size-threshold";

    /// <inheritdoc />
    public override string Chapter => "08";

    /// <inheritdoc />
    public override string Summary => "Estimate M; GD with α < 2/M decreases L at every step, α > 2/M does not.";

    /// <inheritdoc />
    public override StepSizeThresholdResult Run(StepSizeThresholdParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var f = new RampedDoubleWell(parameters.Depth, parameters.Slope);
        var theta0 = Chapter08Support.Point(parameters.Start, 2, nameof(parameters.Start));
        var estimate = Lipschitz.EstimateGradient(f, parameters.Samples, parameters.Seed);
        double m = f.GradientLipschitzConstant;
        var rows = new List<StepSizeRow>();
        var runs = new List<TrainingResult>();
        foreach (double mult in parameters.Multipliers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double alpha = mult / m;
            var run = Trainer.Run(f, Optimizers.GradientDescent(alpha), theta0, new TrainingOptions { MaxSteps = parameters.Steps }, cancellationToken);
            int increases = 0;
            double largest = 0;
            for (int k = 1; k < run.Losses.Length; k++)
            {
                double rise = run.Losses[k] - run.Losses[k - 1];
                // Near convergence successive losses differ by rounding only (a few ulps of |L| ≈ 1e-16); a rise counts
                // when it exceeds 1e-12·max(|L|, 1), far above rounding and far below the smallest real rise here (≈ 1e-3).
                if (rise > 1e-12 * Math.Max(Math.Abs(run.Losses[k - 1]), 1)) { increases++; largest = Math.Max(largest, rise); }
            }
            rows.Add(new StepSizeRow(mult, alpha, increases == 0, increases, largest, run.Loss, run.GradientNorm));
            runs.Add(run);
            progress?.Report((double)rows.Count / parameters.Multipliers.Length);
        }
        return new StepSizeThresholdResult(f, m, estimate, rows, runs);
    }
}
