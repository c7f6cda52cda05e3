namespace Descent.Experiments;

/// <summary>The final losses of every run at one hidden width.</summary>
/// <param name="Width">Hidden units.</param>
/// <param name="TrainLosses">Final full training loss of each run.</param>
/// <param name="TestLosses">Final loss on the held-out test split of each run.</param>
public sealed record LossSpreadRow(int Width, double[] TrainLosses, double[] TestLosses)
{
    /// <summary>Mean final training loss.</summary>
    public double Mean => TrainLosses.Average();

    /// <summary>Sample standard deviation of the final training losses.</summary>
    public double StandardDeviation => Std(TrainLosses);

    /// <summary>Largest minus smallest final training loss.</summary>
    public double Range => TrainLosses.Max() - TrainLosses.Min();

    /// <summary>Sample standard deviation of the final test losses.</summary>
    public double TestStandardDeviation => Std(TestLosses);

    private static double Std(double[] x)
    {
        double m = x.Average();
        return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Length - 1));
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"width {Width}: final training loss {Mean:G3} ± {StandardDeviation:G2} (range {Range:G2}), test loss sd {TestStandardDeviation:G2}, {TrainLosses.Length} runs";
}
