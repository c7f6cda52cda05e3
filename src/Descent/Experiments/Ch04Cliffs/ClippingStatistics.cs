using Descent.Data;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="ClippingStatistics"/>: SGD with clipping by norm on the digits MLP and on an RNN for the
/// adding problem, recording every minibatch gradient norm.</summary>
public sealed record ClippingStatisticsParameters
{
    /// <summary>SGD steps per model, ≥ 1.</summary>
    public int Steps { get; init => field = Guard.AtLeast(value, 1, nameof(Steps)); } = 1000;

    /// <summary>Minibatch size, ≥ 1.</summary>
    public int BatchSize { get; init => field = Guard.AtLeast(value, 1, nameof(BatchSize)); } = 32;

    /// <summary>Hidden width of the digits MLP 64-H-10 (tanh).</summary>
    public int MlpHidden { get; init; } = 64;

    /// <summary>ε of the MLP.</summary>
    public double MlpLearningRate { get; init; } = 0.1;

    /// <summary>Clipping threshold v of the MLP.</summary>
    public double MlpClipNorm { get; init; } = 1.0;

    /// <summary>T of the adding problem.</summary>
    public int AddingLength { get; init; } = 30;

    /// <summary>Number of adding-problem sequences.</summary>
    public int AddingCount { get; init; } = 512;

    /// <summary>Hidden size of the tanh RNN.</summary>
    public int RnnHidden { get; init; } = 16;

    /// <summary>Spectral radius of the RNN's initial recurrent matrix (Gaussian entries, rescaled).</summary>
    public double RnnSpectralRadius { get; init; } = 1.2;

    /// <summary>ε of the RNN.</summary>
    public double RnnLearningRate { get; init; } = 0.05;

    /// <summary>Clipping threshold v of the RNN.</summary>
    public double RnnClipNorm { get; init; } = 1.0;

    /// <summary>Seed of the data, the initializations and the minibatch order.</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>
/// How often clipping by norm acts in real training: SGD with ĝ ← v·ĝ/‖ĝ‖ when ‖ĝ‖ &gt; v (Pascanu et al. 2013,
/// arXiv:1211.5063) on the digits MLP and on a tanh RNN for the adding problem (Hochreiter &amp; Schmidhuber 1997), recording
/// every minibatch gradient norm before clipping. The same run without clipping (same batches) gives the comparison loss.
/// </summary>
public sealed class ClippingStatistics : Experiment<ClippingStatisticsParameters, ClippingStatisticsResult>
{
    /// <inheritdoc />
    public override string Name => "clipping-statistics";

    /// <inheritdoc />
    public override string Chapter => "04";

    /// <inheritdoc />
    public override string Summary => "Fraction of SGD steps clipped and the gradient-norm distribution on the digits MLP and an adding-problem RNN.";

    /// <inheritdoc />
    public override ClippingStatisticsResult Run(ClippingStatisticsParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var (value, name) in new[] { (parameters.MlpLearningRate, "MlpLearningRate"), (parameters.MlpClipNorm, "MlpClipNorm"),
                     (parameters.RnnLearningRate, "RnnLearningRate"), (parameters.RnnClipNorm, "RnnClipNorm") })
        {
            if (!(value > 0) || !double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(nameof(parameters), value, $"{name} must be finite and > 0.");
            }
        }

        var split = Digits.Load(seed: parameters.Seed);
        var mlp = new Mlp([64, parameters.MlpHidden, 10], Activation.Tanh, LossFunction.SoftmaxCrossEntropy, split.Train.Inputs, split.Train.Labels!);
        var mlpTrace = Train("digits MLP", mlp, mlp.Initialize(Initialization.Glorot, parameters.Seed), parameters.MlpLearningRate,
            parameters.MlpClipNorm, parameters, cancellationToken);
        progress?.Report(0.5);

        var adding = Synthetic.AddingProblem(parameters.AddingCount, parameters.AddingLength, parameters.Seed);
        var rnn = SequenceModels.Rnn(adding, parameters.RnnHidden);
        var theta = rnn.Initialize(Initialization.Gaussian(1.0), parameters.Seed, parameters.RnnSpectralRadius);
        var rnnTrace = Train($"adding-problem RNN (T = {parameters.AddingLength})", rnn, theta, parameters.RnnLearningRate,
            parameters.RnnClipNorm, parameters, cancellationToken);
        progress?.Report(1);
        return new ClippingStatisticsResult(mlpTrace, rnnTrace);
    }

    private static ClippingTrace Train(string name, IRowObjective model, Vector<double> theta0, double learningRate, double threshold,
        ClippingStatisticsParameters p, CancellationToken cancellationToken)
    {
        var all = Enumerable.Range(0, model.ExampleCount).ToArray();
        double initial = model.Value(theta0, all);
        var norms = new double[p.Steps];
        var losses = new double[p.Steps];
        double Run(bool clip)
        {
            var sampler = MinibatchSampler.ShuffledEachEpoch(model.ExampleCount, Math.Min(p.BatchSize, model.ExampleCount), p.Seed);
            var theta = theta0.Clone();
            for (int k = 0; k < p.Steps; k++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (loss, g) = model.ValueAndGradient(theta, sampler.Next());
                double norm = g.L2Norm();
                if (clip)
                {
                    (norms[k], losses[k]) = (norm, loss);
                }

                if (!double.IsFinite(norm))
                {
                    return double.PositiveInfinity;
                }

                double scale = clip && norm > threshold ? threshold / norm : 1.0;
                theta -= learningRate * scale * g;
            }
            return model.Value(theta, all);
        }
        double unclipped = Run(false);
        double final = Run(true);
        return new ClippingTrace(name, threshold, norms, losses, initial, final, unclipped);
    }
}

/// <summary>Result of <see cref="ClippingStatistics"/>.</summary>
/// <param name="Mlp">The digits MLP.</param>
/// <param name="Rnn">The adding-problem RNN.</param>
public sealed record ClippingStatisticsResult(ClippingTrace Mlp, ClippingTrace Rnn) : IExperimentResult
{
    /// <inheritdoc />
    public string Summary => $"{Mlp}\n{Rnn}";

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["step", "mlp_gradient_norm", "mlp_batch_loss", "rnn_gradient_norm", "rnn_batch_loss"],
        Enumerable.Range(0, Math.Min(Mlp.GradientNorms.Length, Rnn.GradientNorms.Length)).Select(k =>
            (IReadOnlyList<object>)[k, Mlp.GradientNorms[k], Mlp.BatchLosses[k], Rnn.GradientNorms[k], Rnn.BatchLosses[k]]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>One model trained by SGD with clipping by norm: the minibatch gradient norm before clipping at every step.</summary>
/// <param name="Model">Which model.</param>
/// <param name="Threshold">v.</param>
/// <param name="GradientNorms">‖ĝₖ‖ of the minibatch gradient at step k, before clipping.</param>
/// <param name="BatchLosses">Minibatch loss at step k.</param>
/// <param name="InitialLoss">Full training loss at the start.</param>
/// <param name="FinalLoss">Full training loss at the end with clipping.</param>
/// <param name="UnclippedFinalLoss">Full training loss at the end of the same run without clipping (same seed and batches).</param>
public sealed record ClippingTrace(string Model, double Threshold, double[] GradientNorms, double[] BatchLosses, double InitialLoss, double FinalLoss,
    double UnclippedFinalLoss)
{
    /// <summary>Fraction of steps with ‖ĝ‖ &gt; v (those the clip rescaled).</summary>
    public double ClippedFraction => GradientNorms.Count(n => n > Threshold) / (double)GradientNorms.Length;

    /// <summary>Median ‖ĝ‖.</summary>
    public double MedianNorm => Quantile(0.5);

    /// <summary>Largest ‖ĝ‖.</summary>
    public double MaxNorm => GradientNorms.Max();

    /// <summary>The q-quantile of ‖ĝ‖ (nearest rank).</summary>
    public double Quantile(double q)
    {
        if (!(q >= 0 && q <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "q must be in [0, 1].");
        }

        var sorted = GradientNorms.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Model}: ‖ĝ‖ median {MedianNorm:G3}, 99th percentile {Quantile(0.99):G3}, max {MaxNorm:G3}; v = {Threshold:G3} clipped {ClippedFraction:P1} of "
        + $"{GradientNorms.Length} steps; loss {InitialLoss:G3} → {FinalLoss:G3} (without clipping {UnclippedFinalLoss:G3})";
}
