using Descent.Data;
using Descent.Models;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="CurvatureMonitoring"/>.</summary>
public sealed record CurvatureMonitoringParameters
{
    /// <summary>Hidden-layer widths of the digits MLP (64 inputs, 10 outputs around them).</summary>
    public int[] Hidden { get; init; } = [64];

    /// <summary>Constant learning rate ε &gt; 0 of SGD.</summary>
    public double LearningRate { get; init => field = Guard.Positive(value, nameof(LearningRate)); } = 0.1;

    /// <summary>SGD steps (≥ 1).</summary>
    public int Steps { get; init => field = Guard.AtLeast(value, 1, nameof(Steps)); } = 2400;

    /// <summary>Minibatch size of SGD (≥ 1; the train split's size gives full-batch gradient descent).</summary>
    public int BatchSize { get; init => field = Guard.AtLeast(value, 1, nameof(BatchSize)); } = 32;

    /// <summary>Record gᵀg and gᵀHg of the full training loss every this many steps (≥ 1).</summary>
    public int RecordEvery { get; init => field = Guard.AtLeast(value, 1, nameof(RecordEvery)); } = 30;

    /// <summary>Fraction of training labels replaced by a random class (in [0, 1)): noisy labels keep the loss
    /// away from zero, as on the hard tasks of Srihari's figure.</summary>
    public double LabelNoise { get; init => field = Guard.UnitInterval(value, nameof(LabelNoise)); } = 0.3;

    /// <summary>Seed of the split, the Glorot initialization and the minibatch order.</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>Result of <see cref="CurvatureMonitoring"/>: per step the loss, gᵀg and gᵀHg.</summary>
/// <param name="Steps">SGD step of each record.</param>
/// <param name="Losses">Training loss L(θₖ).</param>
/// <param name="GradientSquaredNorms">gᵀg at θₖ.</param>
/// <param name="Curvatures">gᵀHg at θₖ (exact Hessian-vector product).</param>
/// <param name="LearningRate">ε used.</param>
public sealed record CurvatureMonitoringResult(int[] Steps, double[] Losses, double[] GradientSquaredNorms, double[] Curvatures, double LearningRate)
    : IExperimentResult
{
    /// <summary>Curvature along the gradient, gᵀHg / gᵀg, per step.</summary>
    public double[] CurvatureAlongGradient => Curvatures.Zip(GradientSquaredNorms, (c, g) => c / g).ToArray();

    /// <summary>Second-order term over first-order term of the Taylor prediction, ½ε²gᵀHg / εgᵀg, per step:
    /// above 1 the quadratic model says the step goes uphill.</summary>
    public double[] TaylorRatio => Curvatures.Zip(GradientSquaredNorms, (c, g) => 0.5 * LearningRate * c / g).ToArray();

    /// <summary>First record after the initial transient (step ≥ a tenth of the run): the slow phase starts here.</summary>
    public int SlowPhaseStart => Math.Max(0, Array.FindIndex(Steps, k => k >= Steps[^1] / 10));

    /// <summary>Largest gᵀHg in the slow phase over gᵀHg at its start.</summary>
    public double CurvatureGrowth => Curvatures[SlowPhaseStart..].Max() / Curvatures[SlowPhaseStart];

    /// <summary>Largest gᵀHg/gᵀg in the slow phase over its value at the start.</summary>
    public double CurvatureAlongGradientGrowth => CurvatureAlongGradient[SlowPhaseStart..].Max() / CurvatureAlongGradient[SlowPhaseStart];

    /// <summary>Smallest gᵀg in the slow phase over gᵀg at its start (near 1 or above: the gradient did not shrink).</summary>
    public double GradientChange => GradientSquaredNorms[SlowPhaseStart..].Min() / GradientSquaredNorms[SlowPhaseStart];

    /// <inheritdoc />
    public string Summary =>
        $"{Steps[^1]} SGD steps at ε = {LearningRate:G3}: loss {Losses[0]:G4} → {Losses[^1]:G4}. After step {Steps[SlowPhaseStart]}: "
        + $"gᵀg never fell below ×{GradientChange:G3} of its value while gᵀHg grew up to ×{CurvatureGrowth:G3} "
        + $"(gᵀHg/gᵀg up to ×{CurvatureAlongGradientGrowth:G3})";

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["step", "loss", "gTg", "gTHg", "taylor_ratio"],
        Enumerable.Range(0, Losses.Length).Select(k =>
            (IReadOnlyList<object>)[Steps[k], Losses[k], GradientSquaredNorms[k], Curvatures[k], TaylorRatio[k]]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>
/// Srihari's monitoring advice for ill-conditioning, on a real network: train the digits MLP with full-batch
/// gradient descent and record gᵀg and gᵀHg (exact Hessian-vector products) at every step. The Taylor
/// expansion L(θ − εg) ≈ L(θ) − εgᵀg + ½ε²gᵀHg says learning stalls when ½ε²gᵀHg approaches εgᵀg; the
/// experiment shows gᵀHg growing by an order of magnitude while gᵀg does not shrink.
/// </summary>
public sealed class CurvatureMonitoring : Experiment<CurvatureMonitoringParameters, CurvatureMonitoringResult>
{
    /// <inheritdoc />
    public override string Name => "curvature-monitoring";

    /// <inheritdoc />
    public override string Chapter => "01";

    /// <inheritdoc />
    public override string Summary => "gᵀg and gᵀHg while gradient descent trains the digits MLP (Srihari's monitoring).";

    /// <inheritdoc />
    public override CurvatureMonitoringResult Run(CurvatureMonitoringParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Hidden is null || parameters.Hidden.Any(h => h < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "Hidden must list widths ≥ 1.");
        }

        var split = Digits.Load(seed: parameters.Seed);
        var labels = (int[])split.Train.Labels!.Clone();
        var noise = new Random(parameters.Seed + 7919);
        for (int i = 0; i < labels.Length; i++)
        {
            if (noise.NextDouble() < parameters.LabelNoise)
            {
                labels[i] = noise.Next(10);
            }
        }

        var mlp = new Mlp([64, .. parameters.Hidden, 10], Activation.Tanh, LossFunction.SoftmaxCrossEntropy,
            split.Train.Inputs, labels);
        var theta = mlp.Initialize(Initialization.Glorot, parameters.Seed);
        var sampler = MinibatchSampler.ShuffledEachEpoch(mlp.ExampleCount, Math.Min(parameters.BatchSize, mlp.ExampleCount), parameters.Seed);
        var losses = new List<double>();
        var gg = new List<double>();
        var gHg = new List<double>();
        var steps = new List<int>();
        MinibatchTraining.Sgd(mlp, theta, parameters.LearningRate, parameters.Steps, sampler, parameters.RecordEvery, (k, at) =>
        {
            // Monitor the full training loss: g = ∇L(θ), gᵀHg by an exact Hessian-vector product.
            var (loss, g) = mlp.ValueAndGradient(at);
            steps.Add(k);
            losses.Add(loss);
            gg.Add(g.DotProduct(g));
            gHg.Add(g.DotProduct(mlp.HessianVectorProduct(at, g)));
            progress?.Report((double)k / parameters.Steps);
        }, cancellationToken);
        return new CurvatureMonitoringResult([.. steps], [.. losses], [.. gg], [.. gHg], parameters.LearningRate);
    }
}
