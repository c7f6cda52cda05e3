namespace Descent.Experiments;

/// <summary>Result of <see cref="NoiseBallSimulation"/>: measured stationary variance against the closed form.</summary>
/// <param name="Rows">One row per learning rate, batch size and eigen-direction.</param>
/// <param name="Chains">M, the chains averaged.</param>
public sealed record NoiseBallResult(IReadOnlyList<NoiseBallRow> Rows, int Chains) : IExperimentResult
{
    /// <summary>Largest |measured/predicted − 1|.</summary>
    public double WorstRelativeDeviation => Rows.Max(r => Math.Abs(r.Ratio - 1));

    /// <summary>The measured variances of one eigen-direction and batch size, in the order of the learning rates.</summary>
    public double[] Measured(double curvature, int batchSize) =>
        Rows.Where(r => r.Curvature == curvature && r.BatchSize == batchSize).Select(r => r.Measured).ToArray();

    /// <summary>The predicted variances of one eigen-direction and batch size, in the order of the learning rates.</summary>
    public double[] Predicted(double curvature, int batchSize) =>
        Rows.Where(r => r.Curvature == curvature && r.BatchSize == batchSize).Select(r => r.Predicted).ToArray();

    /// <summary>The learning rates, in order.</summary>
    public double[] LearningRates => Rows.Select(r => r.LearningRate).Distinct().ToArray();

    /// <inheritdoc />
    public string Summary =>
        $"{Rows.Count} (ε, B, λ) cases, {Chains} chains each: the measured variance of the noise ball is within {WorstRelativeDeviation:P1} "
        + $"of ε s²/(λ(2 − ελ)) with s² = s₁²/B (Monte Carlo standard error √(2/M) = {Math.Sqrt(2.0 / Chains):P1})";

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["learning_rate", "batch_size", "curvature", "steps", "measured", "predicted", "ratio"],
        Rows.Select(r => (IReadOnlyList<object>)[r.LearningRate, r.BatchSize, r.Curvature, r.Steps, r.Measured, r.Predicted, r.Ratio]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + ToTable();
}
