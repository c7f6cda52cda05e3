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
                theta = MinibatchTraining.Sgd(train, theta, parameters.LearningRate, parameters.Steps, sampler, parameters.Steps, (_, _) => { },
                    cancellationToken, $" (width {width}, run {r}); lower LearningRate");
                trainLosses[r] = train.Value(theta);
                testLosses[r] = test.Value(theta);
                progress?.Report((double)Interlocked.Increment(ref finished) / total);
            });
            rows.Add(new LossSpreadRow(width, trainLosses, testLosses));
        }
        return new LossSpreadResult(rows);
    }
}
