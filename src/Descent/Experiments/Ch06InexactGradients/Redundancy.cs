using Descent.Data;
using Descent.Models;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="Redundancy"/>.</summary>
public sealed record RedundancyParameters
{
    /// <summary>Hidden-layer widths of the digits MLP.</summary>
    public int[] Hidden { get; init; } = [32];

    /// <summary>Distinct training digits K (≥ 1) that are copied.</summary>
    public int DistinctExamples { get; init; } = 10;

    /// <summary>Copy factors r (each ≥ 1): the data set holds every distinct digit r times, N = K·r.</summary>
    public int[] Copies { get; init; } = [1, 10, 100];

    /// <summary>Minibatch size n (≥ 1) whose error is measured.</summary>
    public int BatchSize { get; init; } = 5;

    /// <summary>Minibatches R (≥ 2) per data set.</summary>
    public int Draws { get; init; } = 200;

    /// <summary>Seed of the split, the initialization and the batches.</summary>
    public int Seed { get; init; } = 1;
}

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
        foreach (int r in parameters.Copies)
        {
            Guard.AtLeast(r, 1, nameof(parameters.Copies));
        }

        var train = Digits.Load(seed: parameters.Seed).Train;
        if (parameters.DistinctExamples > train.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.DistinctExamples, $"DistinctExamples must be in 2..{train.Count}.");
        }

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

/// <summary>Result of <see cref="Redundancy"/>: per data set of copies, the gradient noise σ and the minibatch error.</summary>
/// <param name="Rows">One row per copy factor, then the single-example data set.</param>
public sealed record RedundancyResult(IReadOnlyList<RedundancyRow> Rows) : IExperimentResult
{
    /// <summary>The rows with more than one distinct example.</summary>
    public IReadOnlyList<RedundancyRow> Copied => Rows.Where(r => r.DistinctExamples > 1).ToArray();

    /// <summary>The data set made of copies of one example: its σ (0 up to rounding).</summary>
    public RedundancyRow SingleExample => Rows.Single(r => r.DistinctExamples == 1);

    /// <summary>Largest relative spread of σ across the copy factors (0 up to rounding: copies add no information).</summary>
    public double SigmaSpread
    {
        get
        {
            var s = Copied.Select(r => r.Sigma).ToArray();
            return (s.Max() - s.Min()) / s.Max();
        }
    }

    /// <inheritdoc />
    public string Summary
    {
        get
        {
            var c = Copied;
            return $"N from {c[0].ExampleCount} to {c[^1].ExampleCount} by copying {c[0].DistinctExamples} digits: the exact gradient costs "
                + $"{c[^1].ExampleCount / (double)c[0].ExampleCount:G3}× more, σ is unchanged (spread {SigmaSpread:E1}) and a {c[0].BatchSize}-example "
                + $"batch errs by {string.Join(" / ", c.Select(r => r.Measured.ToString("G3")))}; one digit copied {SingleExample.ExampleCount}×: "
                + $"σ = {SingleExample.Sigma:G2}, a single example is the exact gradient";
        }
    }

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["distinct", "copies", "N", "sigma", "batch_size", "measured", "predicted"],
        Rows.Select(r => (IReadOnlyList<object>)[r.DistinctExamples, r.Copies, r.ExampleCount, r.Sigma, r.BatchSize, r.Measured, r.Predicted]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + ToTable();
}

/// <summary>One data set of <see cref="Redundancy"/>: K distinct digits, each copied r times.</summary>
/// <param name="DistinctExamples">K.</param>
/// <param name="Copies">r.</param>
/// <param name="ExampleCount">N = K·r, the cost (example gradients) of one exact gradient.</param>
/// <param name="Sigma">σ of the per-example gradients (depends on the K distinct examples only, not on r).</param>
/// <param name="BatchSize">n, the cost of one minibatch gradient.</param>
/// <param name="Measured">√E‖ĝₙ − g‖² measured (batches with replacement).</param>
/// <param name="Predicted">σ/√n.</param>
public sealed record RedundancyRow(int DistinctExamples, int Copies, int ExampleCount, double Sigma, int BatchSize, double Measured, double Predicted)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"K = {DistinctExamples} × r = {Copies} (N = {ExampleCount}): σ = {Sigma:G4}, error of a {BatchSize}-example batch {Measured:G4} (σ/√n = {Predicted:G4})";
}
