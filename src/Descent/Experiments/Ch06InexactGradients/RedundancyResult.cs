namespace Descent.Experiments;

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
