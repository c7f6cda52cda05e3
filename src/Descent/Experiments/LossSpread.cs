using Descent.Data;
using Descent.Models;

namespace Descent.Experiments;

/// <summary>
/// Choromanska et al. (2015, "The Loss Surfaces of Multilayer Networks", arXiv:1412.0233), as summarized in Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions":
/// "most minima are good, and this is more true for big models". Many seeded SGD runs train a one-hidden-layer ReLU MLP
/// on the digits at each width; the spread of the final losses shrinks as the network grows.
/// </summary>
public sealed class LossSpread : Experiment<LossSpreadParameters, LossSpreadResult>
{
    /// <inheritdoc />
    public override string Name => "loss-spread";

    /// <inheritdoc />
    public override string Chapter => "02";

    /// <inheritdoc />
    public override string Summary => "Final losses of many seeded SGD runs per hidden width on the digits (Choromanska et al.): the spread shrinks with size.";

    /// <inheritdoc />
    public override LossSpreadResult Run(LossSpreadParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Widths is null || parameters.Widths.Length == 0 || parameters.Widths.Any(w => w < 1))
            throw new ArgumentOutOfRangeException(nameof(parameters), "Widths must list widths ≥ 1.");
        if (parameters.Runs < 2) throw new ArgumentOutOfRangeException(nameof(parameters), parameters.Runs, "Runs must be at least 2.");
        if (parameters.Steps < 1) throw new ArgumentOutOfRangeException(nameof(parameters), parameters.Steps, "Steps must be at least 1.");
        if (parameters.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(parameters), parameters.BatchSize, "BatchSize must be at least 1.");
        if (!(parameters.LearningRate > 0) || !double.IsFinite(parameters.LearningRate))
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.LearningRate, "LearningRate must be a finite number > 0.");
        if (parameters.Threads < 0) throw new ArgumentOutOfRangeException(nameof(parameters), parameters.Threads, "Threads must be ≥ 0 (0 = all cores).");

        var split = Digits.Load(seed: parameters.Seed);
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = parameters.Threads > 0 ? parameters.Threads : Environment.ProcessorCount,
        };
        var rows = new List<LossSpreadRow>();
        int finished = 0, total = parameters.Widths.Length * parameters.Runs;
        foreach (int width in parameters.Widths)
        {
            int[] sizes = [Digits.PixelCount, width, Digits.ClassCount];
            var train = new Mlp(sizes, Activation.Relu, LossFunction.SoftmaxCrossEntropy, split.Train.Inputs, split.Train.Labels!);
            var test = new Mlp(sizes, Activation.Relu, LossFunction.SoftmaxCrossEntropy, split.Test.Inputs, split.Test.Labels!);
            var trainLosses = new double[parameters.Runs];
            var testLosses = new double[parameters.Runs];
            Parallel.For(0, parameters.Runs, options, r =>
            {
                int seed = parameters.Seed * 1000 + r;
                var theta = train.Initialize(Initialization.He, seed);
                var sampler = MinibatchSampler.ShuffledEachEpoch(train.ExampleCount, Math.Min(parameters.BatchSize, train.ExampleCount), seed);
                for (int k = 0; k < parameters.Steps; k++)
                {
                    if ((k & 63) == 0) cancellationToken.ThrowIfCancellationRequested();
                    var (loss, g) = train.ValueAndGradient(theta, sampler.Next());
                    if (!double.IsFinite(loss)) throw new InvalidOperationException($"width {width}, run {r} diverged at step {k}; lower LearningRate.");
                    theta -= parameters.LearningRate * g;
                }
                trainLosses[r] = train.Value(theta);
                testLosses[r] = test.Value(theta);
                progress?.Report((double)Interlocked.Increment(ref finished) / total);
            });
            rows.Add(new LossSpreadRow(width, trainLosses, testLosses));
        }
        return new LossSpreadResult(rows);
    }
}
