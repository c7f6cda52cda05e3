using Descent.Data;
using Descent.Models;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>
/// The long-lag memory task (Hochreiter &amp; Schmidhuber 1997; Bengio, Simard &amp; Frasconi 1994): a tanh RNN sees a symbol,
/// then T blank steps and a recall cue, and must name the symbol. The gradient that teaches it to keep the symbol passes
/// through T factors diag(φ')W, so it vanishes for a small Gaussian W and survives for a scaled orthogonal or identity W
/// (Saxe et al. 2014, arXiv:1312.6120; Le, Jaitly &amp; Hinton 2015, arXiv:1504.00941). Success rate (fresh test sequences)
/// against the lag, for each initialization, with and without clipping by norm.
/// </summary>
public sealed class MemoryTaskExperiment : Experiment<MemoryTaskParameters, MemoryTaskResult>
{
    /// <inheritdoc />
    public override string Name => "memory-task";

    /// <inheritdoc />
    public override string Chapter => "05";

    /// <inheritdoc />
    public override string Summary => "Success rate on the long-lag memory task against the lag, for Gaussian, orthogonal and identity recurrent initializations, with and without clipping.";

    /// <summary>Initial θ of <paramref name="rnn"/>: U, V (and W for "gaussian") with entries N(0, σ²), biases 0; for
    /// "gaussian-rho" W is a Gaussian matrix rescaled to spectral radius ρ, for "orthogonal" W = ρQ, for "identity" W = ρI.</summary>
    public static Vector<double> Initialize(Rnn rnn, string initialization, double weightScale, double recurrentScale, int seed)
    {
        ArgumentNullException.ThrowIfNull(rnn);
        var theta = rnn.Initialize(Initialization.Gaussian(weightScale), seed);
        return initialization switch
        {
            "gaussian" => theta,
            "gaussian-rho" => rnn.WithRecurrentMatrix(theta, GradientPropagation.GaussianWithRadius(rnn.HiddenSize, recurrentScale, new Random(seed + 7919))),
            "orthogonal" => rnn.WithRecurrentMatrix(theta, GradientPropagation.ScaledOrthogonal(rnn.HiddenSize, recurrentScale, new Random(seed + 7919))),
            "identity" => SequenceModels.WithIdentityRecurrence(rnn, theta, recurrentScale),
            _ => throw new ArgumentOutOfRangeException(nameof(initialization), initialization, "initialization must be gaussian, gaussian-rho, orthogonal or identity."),
        };
    }

    /// <inheritdoc />
    public override MemoryTaskResult Run(MemoryTaskParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Lags is not { Length: > 0 } || parameters.Lags.Any(l => l < 1))
            throw new ArgumentException("Lags must list values ≥ 1.", nameof(parameters));
        if (parameters.Initializations is not { Length: > 0 })
            throw new ArgumentException("Initializations must list at least one of gaussian, orthogonal, identity.", nameof(parameters));
        if (parameters.ClipNorms is not { Length: > 0 } || parameters.ClipNorms.Any(v => !(v >= 0) || !double.IsFinite(v)))
            throw new ArgumentException("ClipNorms must list finite values ≥ 0 (0 = no clipping).", nameof(parameters));
        var rows = new List<MemoryTaskRow>();
        int total = parameters.Initializations.Length * parameters.ClipNorms.Length * parameters.Lags.Length, done = 0;
        var options = new TrainingOptions { MaxSteps = parameters.Steps, RecordThetaEvery = 0, DivergenceFactor = double.PositiveInfinity };
        foreach (string init in parameters.Initializations)
            foreach (double clip in parameters.ClipNorms)
                foreach (int lag in parameters.Lags)
                {
                    int successes = 0;
                    double accuracy = 0, loss = 0, signal = 0, largest = 0;
                    for (int s = 0; s < parameters.Seeds; s++)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        int seed = parameters.Seed + s;
                        var train = Synthetic.MemoryTask(parameters.TrainCount, lag, seed, parameters.Symbols);
                        var test = Synthetic.MemoryTask(parameters.TestCount, lag, seed + 100_003, parameters.Symbols);
                        var rnn = SequenceModels.Rnn(train, parameters.Hidden);
                        var theta0 = Initialize(rnn, init, parameters.WeightScale, parameters.RecurrentScale, seed);
                        signal += rnn.HiddenJacobianNorms(theta0, 0)[1] / parameters.Seeds;
                        var optimizer = Optimizers.Momentum(parameters.LearningRate, parameters.Momentum);
                        if (clip > 0) optimizer = optimizer.Prepend(new ClipByGlobalNorm(clip));
                        var run = Trainer.Run(rnn, optimizer, theta0, options, cancellationToken);
                        double acc = double.IsFinite(run.Loss) ? SequenceModels.Accuracy(SequenceModels.Rnn(test, parameters.Hidden), run.Theta, test.Labels!) : 0;
                        accuracy += acc / parameters.Seeds;
                        loss += run.Loss / parameters.Seeds;
                        largest = Math.Max(largest, run.GradientNorms.Max());
                        if (acc >= parameters.SuccessAccuracy) successes++;
                    }
                    rows.Add(new MemoryTaskRow(init, clip, lag, successes / (double)parameters.Seeds, accuracy, loss, signal, largest));
                    progress?.Report(++done / (double)total);
                }
        return new MemoryTaskResult(rows, parameters.Symbols);
    }
}
