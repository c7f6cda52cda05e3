using Descent.Data;
using Descent.Models;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="MinibatchError"/>.</summary>
public sealed record MinibatchErrorParameters
{
    /// <summary>Hidden-layer widths of the digits MLP (64 inputs and 10 outputs around them).</summary>
    public int[] Hidden { get; init; } = [32];

    /// <summary>SGD steps (batch 32, ε = 0.1) taken from the Glorot start before measuring, so θ is a mid-training point (≥ 0).</summary>
    public int WarmupSteps { get; init; } = 100;

    /// <summary>Batch sizes n to measure (each ≥ 1 and ≤ the 1,078 training examples).</summary>
    public int[] BatchSizes { get; init; } = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

    /// <summary>Independent minibatches R per batch size, at least (≥ 2).</summary>
    public int Draws { get; init; } = 40;

    /// <summary>Small batches are cheap and noisy (per-example gradient norms are heavy-tailed), so each batch size n gets
    /// max(<see cref="Draws"/>, ⌈this/n⌉) minibatches: about this many examples per size for small n (≥ 0).</summary>
    public int ExamplesPerSize { get; init; } = 20_000;

    /// <summary>Also measure batches drawn without replacement (the finite-population correction).</summary>
    public bool WithoutReplacement { get; init; } = true;

    /// <summary>Seed of the split, the initialization, the warm-up batches and the measured batches.</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>
/// Harakeh's "standard error of the mean is σ/√n" on a real network: at a mid-training θ of the digits MLP, the
/// minibatch gradient ĝₙ (mean of n per-example gradients) is measured against the full gradient g for a range of
/// batch sizes. The error falls like σ/√n — slope −½ on a log-log plot — so 100× the examples buy only 10× less error
/// (the "less than linear return"); without replacement the finite-population factor √((N − n)/(N − 1)) takes it to 0 at n = N.
/// </summary>
public sealed class MinibatchError : Experiment<MinibatchErrorParameters, MinibatchErrorResult>
{
    /// <inheritdoc />
    public override string Name => "minibatch-error";

    /// <inheritdoc />
    public override string Chapter => "06";

    /// <inheritdoc />
    public override string Summary => "Error of the minibatch gradient vs batch size on the digits MLP, against σ/√n.";

    /// <summary>The digits MLP on the training split and the mid-training θ where the error is measured: the Glorot start
    /// followed by <see cref="MinibatchErrorParameters.WarmupSteps"/> SGD steps (batch 32, ε = 0.1).</summary>
    public static (Mlp Model, MathNet.Numerics.LinearAlgebra.Vector<double> Theta) MeasurementPoint(MinibatchErrorParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Guard.AllAtLeast(parameters.Hidden, 1, "Hidden");
        Guard.AtLeast(parameters.WarmupSteps, 0, nameof(parameters.WarmupSteps));
        var split = Digits.Load(seed: parameters.Seed);
        var mlp = InexactGradientSetup.Network(parameters.Hidden, split.Train);
        var theta = InexactGradientSetup.Start(mlp, parameters.Seed);
        var sampler = MinibatchSampler.ShuffledEachEpoch(mlp.ExampleCount, 32, parameters.Seed);
        theta = MinibatchTraining.Sgd(mlp, theta, 0.1, parameters.WarmupSteps, sampler, Math.Max(1, parameters.WarmupSteps), (_, _) => { }, default);
        return (mlp, theta);
    }

    /// <inheritdoc />
    public override MinibatchErrorResult Run(MinibatchErrorParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Guard.AllAtLeast(parameters.Hidden, 1, "Hidden");
        Guard.NonEmpty(parameters.BatchSizes, nameof(parameters.BatchSizes));
        Guard.AtLeast(parameters.WarmupSteps, 0, nameof(parameters.WarmupSteps));
        Guard.AtLeast(parameters.Draws, 2, nameof(parameters.Draws));
        Guard.AtLeast(parameters.ExamplesPerSize, 0, nameof(parameters.ExamplesPerSize));

        var (mlp, theta) = MeasurementPoint(parameters);
        int n = mlp.ExampleCount;
        foreach (int b in parameters.BatchSizes)
        {
            if (b < 1 || b > n)
            {
                throw new ArgumentOutOfRangeException(nameof(parameters), b, $"every batch size must be in 1..{n} (the training examples).");
            }
        }

        var perExample = GradientNoise.PerExampleGradients(mlp, theta);
        var g = GradientNoise.Mean(perExample);
        double sigma = GradientNoise.StandardDeviation(perExample);
        var rng = new Random(parameters.Seed + 104729);
        int m = parameters.BatchSizes.Length;
        var measured = new double[m];
        var predicted = new double[m];
        var measuredWithout = new double[m];
        var predictedWithout = new double[m];
        for (int k = 0; k < m; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int b = parameters.BatchSizes[k];
            int draws = Math.Max(parameters.Draws, (parameters.ExamplesPerSize + b - 1) / b);
            measured[k] = GradientNoise.MeasuredError(perExample, b, draws, rng);
            predicted[k] = GradientNoise.PredictedError(sigma, b, n);
            measuredWithout[k] = parameters.WithoutReplacement
                ? GradientNoise.MeasuredError(perExample, b, draws, rng, withReplacement: false) : double.NaN;
            predictedWithout[k] = GradientNoise.PredictedError(sigma, b, n, withReplacement: false);
            progress?.Report((k + 1.0) / m);
        }
        return new MinibatchErrorResult(n, sigma, Math.Sqrt(g.Sum(x => x * x)), [.. parameters.BatchSizes], measured, predicted, measuredWithout, predictedWithout);
    }
}

/// <summary>Result of <see cref="MinibatchError"/>: measured and predicted root-mean-square error of the minibatch
/// gradient per batch size.</summary>
/// <param name="ExampleCount">N, the training examples.</param>
/// <param name="Sigma">σ = √((1/N) Σᵢ ‖gᵢ − g‖²) of the per-example gradients at θ.</param>
/// <param name="GradientNorm">‖g‖, the full gradient's norm (the scale the error is compared with).</param>
/// <param name="BatchSizes">n per row.</param>
/// <param name="Measured">√E‖ĝₙ − g‖² measured over R batches drawn with replacement.</param>
/// <param name="Predicted">σ/√n.</param>
/// <param name="MeasuredWithoutReplacement">The same for batches drawn without replacement (NaN when not measured).</param>
/// <param name="PredictedWithoutReplacement">σ/√n · √((N − n)/(N − 1)).</param>
public sealed record MinibatchErrorResult(int ExampleCount, double Sigma, double GradientNorm, int[] BatchSizes, double[] Measured,
    double[] Predicted, double[] MeasuredWithoutReplacement, double[] PredictedWithoutReplacement) : IExperimentResult
{
    /// <summary>Least-squares slope of log(measured error) against log n (σ/√n predicts −½).</summary>
    public double Slope => Descent.Models.GradientNoise.LogLogSlope(BatchSizes.Select(n => (double)n).ToArray(), Measured);

    /// <summary>Measured error at batch size <paramref name="small"/> over the error at <paramref name="large"/>.</summary>
    public double ErrorRatio(int small, int large)
    {
        int i = Array.IndexOf(BatchSizes, small), j = Array.IndexOf(BatchSizes, large);
        if (i < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(small), small, $"batch size {small} was not measured ({string.Join(", ", BatchSizes)}).");
        }

        if (j < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(large), large, $"batch size {large} was not measured ({string.Join(", ", BatchSizes)}).");
        }

        return Measured[i] / Measured[j];
    }

    /// <summary>Largest |measured/predicted − 1| over the batch sizes (with replacement).</summary>
    public double WorstRelativeDeviation => Measured.Zip(Predicted, (m, p) => Math.Abs(m / p - 1)).Max();

    /// <inheritdoc />
    public string Summary
    {
        get
        {
            string ratio = BatchSizes.Contains(10) && BatchSizes.Contains(1000)
                ? $"; 100× the examples (n = 10 → 1000) cut the error {ErrorRatio(10, 1000):G3}×" : "";
            return $"N = {ExampleCount}, σ = {Sigma:G4}, ‖g‖ = {GradientNorm:G4}: log-log slope of the error {Slope:F3} (σ/√n: −0.5), "
                + $"measured within {WorstRelativeDeviation:P1} of σ/√n{ratio}";
        }
    }

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["batch_size", "measured", "predicted", "measured_without_replacement", "predicted_without_replacement", "relative_error"],
        Enumerable.Range(0, BatchSizes.Length).Select(k => (IReadOnlyList<object>)
            [BatchSizes[k], Measured[k], Predicted[k], MeasuredWithoutReplacement[k], PredictedWithoutReplacement[k], Measured[k] / GradientNorm]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + ToTable();
}
