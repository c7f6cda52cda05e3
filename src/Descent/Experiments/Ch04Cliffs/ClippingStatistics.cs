using Descent.Data;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

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
            if (!(value > 0) || !double.IsFinite(value))
                throw new ArgumentOutOfRangeException(nameof(parameters), value, $"{name} must be finite and > 0.");

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
                if (clip) (norms[k], losses[k]) = (norm, loss);
                if (!double.IsFinite(norm)) return double.PositiveInfinity;
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
