using Descent.Data;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace Descent.Experiments;

/// <summary>
/// The small digits classifier of chapter 07: a tanh MLP 64 → hidden → 10 with softmax cross-entropy, one
/// <see cref="Mlp"/> on the training split (<see cref="Train"/>) and one with the same architecture on the validation
/// split (<see cref="Validation"/>), so that any θ can be scored on both. Training is plain minibatch SGD,
/// θₖ₊₁ = θₖ − ε ∇L_B(θₖ), from an explicit seed.
/// </summary>
/// <remarks>Small on purpose (default 16 hidden units, 1,210 parameters): a training run of 1,000 steps takes a
/// fraction of a second, so a notebook cell can train several networks live.</remarks>
public sealed class DigitsNetwork
{
    /// <summary>Builds the two objectives on a stratified digits split.</summary>
    /// <param name="hidden">Hidden-layer widths (each ≥ 1); null = [16].</param>
    /// <param name="splitSeed">Seed of the train/validation split.</param>
    /// <param name="activation">The hidden units' activation (default tanh).</param>
    public DigitsNetwork(int[]? hidden = null, int splitSeed = 0, Activation activation = Activation.Tanh)
    {
        hidden ??= [16];
        if (hidden.Any(h => h < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(hidden), string.Join(",", hidden), "every hidden width must be ≥ 1.");
        }

        var split = Digits.Load(seed: splitSeed);
        int[] sizes = [Digits.PixelCount, .. hidden, Digits.ClassCount];
        Train = new Mlp(sizes, activation, LossFunction.SoftmaxCrossEntropy, split.Train.Inputs, split.Train.Labels!);
        Validation = new Mlp(sizes, activation, LossFunction.SoftmaxCrossEntropy, split.Validation.Inputs, split.Validation.Labels!);
        Hidden = (int[])hidden.Clone();
    }

    /// <summary>Hidden-layer widths.</summary>
    public IReadOnlyList<int> Hidden { get; }

    /// <summary>The training loss L(θ) (mean softmax cross-entropy over the 1,078 training digits).</summary>
    public Mlp Train { get; }

    /// <summary>The same network scored on the 359 validation digits.</summary>
    public Mlp Validation { get; }

    /// <summary>Number of parameters.</summary>
    public int Dimension => Train.Dimension;

    /// <summary>θ₀: Glorot-normal weights times <paramref name="scale"/> (σ² = scale²·2/(fan_in + fan_out)), biases 0, from <paramref name="seed"/>.</summary>
    public Vector<double> Initialize(int seed, double scale = 1.0)
    {
        if (!(scale >= 0) || !double.IsFinite(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be a finite number ≥ 0.");
        }

        return Train.Initialize(new Initialization(InitializationKind.Glorot, scale), seed);
    }

    /// <summary>
    /// Minibatch SGD from θ₀: <paramref name="steps"/> steps θ ← θ − ε∇L_B(θ), batches of <paramref name="batchSize"/>
    /// reshuffled each epoch from <paramref name="seed"/>; θ is recorded every <paramref name="recordEvery"/> steps (and at the end).
    /// </summary>
    public DigitsTrainingRun Fit(Vector<double> theta0, int steps = 1000, double learningRate = 0.1, int batchSize = 32,
        int seed = 1, int recordEvery = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(theta0);
        if (theta0.Count != Dimension)
        {
            throw new ArgumentException($"theta0 has length {theta0.Count}, but the network has {Dimension} parameters.", nameof(theta0));
        }

        if (steps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be at least 1.");
        }

        if (!(learningRate > 0) || !double.IsFinite(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "learningRate must be a finite number > 0.");
        }

        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1.");
        }

        if (recordEvery < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(recordEvery), recordEvery, "recordEvery must be at least 1.");
        }

        cancellationToken = AmbientCancellation.Or(cancellationToken);
        var sampler = MinibatchSampler.ShuffledEachEpoch(Train.ExampleCount, Math.Min(batchSize, Train.ExampleCount), seed);
        var theta = new DenseVector(theta0.ToArray());
        var values = theta.Values;
        var gradient = new double[Dimension];
        var snapshots = new List<Vector<double>> { theta.Clone() };
        var snapshotSteps = new List<int> { 0 };
        double stepLength = 0;
        for (int k = 1; k <= steps; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double batchLoss = Train.ValueAndGradient(theta, sampler.Next(), gradient);
            if (!double.IsFinite(batchLoss))
            {
                throw new InvalidOperationException($"SGD diverged at step {k} (minibatch loss {batchLoss}); use a smaller learning rate.");
            }

            double sq = 0;
            for (int i = 0; i < values.Length; i++)
            {
                double d = learningRate * gradient[i];
                values[i] -= d;
                sq += d * d;
            }
            stepLength += Math.Sqrt(sq);
            if (k % recordEvery == 0 || k == steps)
            {
                snapshots.Add(theta.Clone());
                snapshotSteps.Add(k);
            }
        }
        return new DigitsTrainingRun(theta0.Clone(), theta.Clone(), snapshots, [.. snapshotSteps], stepLength,
            Train.Value(theta0), Train.Value(theta), Validation.Value(theta), Train.ZeroOneLoss(theta), Validation.ZeroOneLoss(theta));
    }

    /// <inheritdoc />
    public override string ToString() => $"digits {Train.Name}: {Dimension} parameters, {Train.ExampleCount} training / {Validation.ExampleCount} validation images";
}
