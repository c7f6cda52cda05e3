using Descent.Data;
using Descent.Models;

namespace Descent.Experiments;

/// <summary>
/// Harakeh's redundancy argument: a data set made of r copies of K distinct digits has N = K·r examples, so the exact
/// gradient costs N example gradients, but the per-example gradients have the same mean and the same spread σ for every
/// r — a minibatch of n examples is exactly as accurate whatever N is. In the extreme K = 1 (all N examples identical)
/// σ = 0 and a single example gives the exact gradient: Θ(1) work instead of Θ(N).
/// </summary>
public sealed class Redundancy : Experiment<RedundancyParameters, RedundancyResult>
{
    /// <inheritdoc />
    public override string Name => "redundancy";

    /// <inheritdoc />
    public override string Chapter => "06";

    /// <inheritdoc />
    public override string Summary => "Data sets made of copies: the minibatch error does not depend on how many copies there are.";

    /// <inheritdoc />
    public override RedundancyResult Run(RedundancyParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Guard.AllAtLeast(parameters.Hidden, 1, "Hidden");
        Guard.NonEmpty(parameters.Copies, nameof(parameters.Copies));
        Guard.AtLeast(parameters.DistinctExamples, 2, nameof(parameters.DistinctExamples));
        Guard.AtLeast(parameters.BatchSize, 1, nameof(parameters.BatchSize));
        Guard.AtLeast(parameters.Draws, 2, nameof(parameters.Draws));
        foreach (int r in parameters.Copies) Guard.AtLeast(r, 1, nameof(parameters.Copies));

        var train = Digits.Load(seed: parameters.Seed).Train;
        if (parameters.DistinctExamples > train.Count)
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.DistinctExamples, $"DistinctExamples must be in 2..{train.Count}.");
        var theta = InexactGradientSetup.Start(InexactGradientSetup.Network(parameters.Hidden, train.Subset([0])), parameters.Seed);
        var rows = new List<RedundancyRow>();
        var jobs = parameters.Copies.Select(r => (K: parameters.DistinctExamples, r)).Append((K: 1, r: parameters.Copies.Max())).ToArray();
        for (int k = 0; k < jobs.Length; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (distinct, copies) = jobs[k];
            // Row j of the copied set is distinct example j mod K: r interleaved copies of the first K digits.
            var data = train.Subset(Enumerable.Range(0, distinct * copies).Select(j => j % distinct).ToArray(), $"{distinct} digits × {copies}");
            var mlp = InexactGradientSetup.Network(parameters.Hidden, data);
            var perExample = GradientNoise.PerExampleGradients(mlp, theta);
            double sigma = GradientNoise.StandardDeviation(perExample);
            double measured = GradientNoise.MeasuredError(perExample, parameters.BatchSize, parameters.Draws, new Random(parameters.Seed + k));
            rows.Add(new RedundancyRow(distinct, copies, data.Count, sigma, parameters.BatchSize, measured,
                GradientNoise.PredictedError(sigma, parameters.BatchSize, data.Count)));
            progress?.Report((k + 1.0) / jobs.Length);
        }
        return new RedundancyResult(rows);
    }
}
