using Descent.Curvature;
using Descent.Data;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="GradientNormTest"/>.</summary>
public sealed record GradientNormTestParameters
{
    /// <summary>Hidden-layer widths of the ReLU MLP on the digits (64 inputs, 10 softmax outputs around them).</summary>
    public int[] Hidden { get; init; } = [32];

    /// <summary>Constant learning rate ε &gt; 0 of SGD.</summary>
    public double LearningRate { get; init => field = Guard.Positive(value, nameof(LearningRate)); } = 0.1;

    /// <summary>SGD steps (≥ 1).</summary>
    public int Steps { get; init => field = Guard.AtLeast(value, 1, nameof(Steps)); } = 2000;

    /// <summary>Minibatch size (≥ 1).</summary>
    public int BatchSize { get; init => field = Guard.AtLeast(value, 1, nameof(BatchSize)); } = 32;

    /// <summary>Record the full training loss and ‖∇L‖ every this many steps (≥ 1).</summary>
    public int RecordEvery { get; init => field = Guard.AtLeast(value, 1, nameof(RecordEvery)); } = 100;

    /// <summary>Fraction of training labels replaced by a random class, in [0, 1): a hard task, as in Srihari's figure.</summary>
    public double LabelNoise { get; init; } = 0.2;

    /// <summary>Lanczos steps (exact Hessian-vector products) for λmin and λmax of the Hessian at the end point (≥ 2).</summary>
    public int LanczosSteps { get; init => field = Guard.AtLeast(value, 2, nameof(LanczosSteps)); } = 60;

    /// <summary>Seed of the split, the label noise, the He initialization and the minibatch order.</summary>
    public int Seed { get; init; } = 1;
}

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
        {
            throw new ArgumentOutOfRangeException(nameof(hidden), "hidden must list at least one width ≥ 1.");
        }

        if (!(labelNoise >= 0 && labelNoise < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(labelNoise), labelNoise, "labelNoise must be in [0, 1).");
        }

        var split = Digits.Load(seed: seed);
        var labels = (int[])split.Train.Labels!.Clone();
        var noise = new Random(seed + 7919);
        for (int i = 0; i < labels.Length; i++)
        {
            if (noise.NextDouble() < labelNoise)
            {
                labels[i] = noise.Next(Digits.ClassCount);
            }
        }

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

/// <summary>Result of <see cref="GradientNormTest"/>: loss and ‖∇L‖ over training, and the Hessian's extreme eigenvalues at the end.</summary>
/// <param name="Model">The trained network (its loss is the full training loss).</param>
/// <param name="Theta">The parameters at the end of training.</param>
/// <param name="Steps">SGD step of each record.</param>
/// <param name="Losses">Full training loss L(θₖ).</param>
/// <param name="GradientNorms">‖∇L(θₖ)‖₂ of the full training loss.</param>
/// <param name="MinEigenvalue">Smallest eigenvalue of the Hessian at the end point (Lanczos, exact Hessian-vector products).</param>
/// <param name="MaxEigenvalue">Largest eigenvalue there.</param>
public sealed record GradientNormTestResult(Mlp Model, Vector<double> Theta, int[] Steps, double[] Losses, double[] GradientNorms,
    double MinEigenvalue, double MaxEigenvalue) : IExperimentResult
{
    /// <summary>First record after the initial transient (step ≥ a tenth of the run).</summary>
    public int TransientEnd => Math.Max(0, Array.FindIndex(Steps, k => k >= Steps[^1] / 10));

    /// <summary>Smallest ‖∇L‖ after the transient over ‖∇L‖ at its end: near 1 (or above) means the gradient did not shrink,
    /// so training was not settling into a critical point; near 0 would make the test inconclusive.</summary>
    public double GradientChange => GradientNorms[TransientEnd..].Min() / GradientNorms[TransientEnd];

    /// <summary>Final loss over the loss at the end of the transient (the loss kept falling meanwhile).</summary>
    public double LossChange => Losses[^1] / Losses[TransientEnd];

    /// <summary>True when the end point is not a local minimum by the second-order test: λmin &lt; 0 (some direction still goes down).</summary>
    public bool HasNegativeCurvature => MinEigenvalue < 0;

    /// <inheritdoc />
    public string Summary =>
        $"{Steps[^1]} SGD steps: loss {Losses[0]:G4} → {Losses[^1]:G4}. After step {Steps[TransientEnd]} the loss fell ×{LossChange:G3} while "
        + $"‖∇L‖ stayed within [{GradientNorms[TransientEnd..].Min():G3}, {GradientNorms[TransientEnd..].Max():G3}] (smallest/start = {GradientChange:G3}); "
        + $"at the end λmin = {MinEigenvalue:G3}, λmax = {MaxEigenvalue:G4}";

    /// <inheritdoc />
    public ResultTable ToTable() => new(["step", "loss", "gradient_norm"],
        Steps.Select((s, i) => (IReadOnlyList<object>)[s, Losses[i], GradientNorms[i]]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}
