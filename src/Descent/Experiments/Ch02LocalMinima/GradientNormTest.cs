using Descent.Curvature;
using Descent.Data;
using Descent.Models;

namespace Descent.Experiments;

/// <summary>
/// The gradient-norm test of Harakeh, "Optimization for Training Deep Models", "Local Minima: Conclusion" ("if the gradient norm does not shrink over time, the problem is not a local
/// minima problem") on a real network: SGD trains a ReLU MLP on the digits while the full training loss and its
/// gradient norm ‖∇L‖ are recorded; at the end, Lanczos with exact Hessian-vector products gives the Hessian's
/// smallest and largest eigenvalues — the second-order test at the end point.
/// </summary>
public sealed class GradientNormTest : Experiment<GradientNormTestParameters, GradientNormTestResult>
{
    /// <inheritdoc />
    public override string Name => "gradient-norm-test";

    /// <inheritdoc />
    public override string Chapter => "02";

    /// <inheritdoc />
    public override string Summary => "‖∇L‖ over SGD training of a digits MLP, and the Hessian's λmin at the end point (Harakeh's test).";

    /// <summary>The digits MLP of chapter 02: ReLU hidden layers, softmax cross-entropy, training split with a fraction of
    /// labels replaced by random classes (seeded).</summary>
    public static Mlp DigitsMlp(int[] hidden, double labelNoise, int seed)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        if (hidden.Length == 0 || hidden.Any(h => h < 1))
            throw new ArgumentOutOfRangeException(nameof(hidden), "hidden must list at least one width ≥ 1.");
        if (!(labelNoise >= 0 && labelNoise < 1))
            throw new ArgumentOutOfRangeException(nameof(labelNoise), labelNoise, "labelNoise must be in [0, 1).");
        var split = Digits.Load(seed: seed);
        var labels = (int[])split.Train.Labels!.Clone();
        var noise = new Random(seed + 7919);
        for (int i = 0; i < labels.Length; i++)
            if (noise.NextDouble() < labelNoise) labels[i] = noise.Next(Digits.ClassCount);
        return new Mlp([Digits.PixelCount, .. hidden, Digits.ClassCount], Activation.Relu, LossFunction.SoftmaxCrossEntropy,
            split.Train.Inputs, labels);
    }

    /// <inheritdoc />
    public override GradientNormTestResult Run(GradientNormTestParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);

        var mlp = DigitsMlp(parameters.Hidden, parameters.LabelNoise, parameters.Seed);
        var theta = mlp.Initialize(Initialization.He, parameters.Seed);
        var sampler = MinibatchSampler.ShuffledEachEpoch(mlp.ExampleCount, Math.Min(parameters.BatchSize, mlp.ExampleCount), parameters.Seed);
        var steps = new List<int>();
        var losses = new List<double>();
        var norms = new List<double>();
        theta = MinibatchTraining.Sgd(mlp, theta, parameters.LearningRate, parameters.Steps, sampler, parameters.RecordEvery, (k, at) =>
        {
            var (loss, g) = mlp.ValueAndGradient(at);
            steps.Add(k);
            losses.Add(loss);
            norms.Add(g.L2Norm());
            progress?.Report(0.9 * k / parameters.Steps);
        }, cancellationToken, "; lower LearningRate");
        var lanczos = Lanczos.Run(HessianOperator.ForObjective(mlp, theta), Math.Min(parameters.LanczosSteps, mlp.Dimension), parameters.Seed);
        progress?.Report(1.0);
        return new GradientNormTestResult(mlp, theta, [.. steps], [.. losses], [.. norms], lanczos.MinEigenvalue, lanczos.MaxEigenvalue);
    }
}
