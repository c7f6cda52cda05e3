namespace Descent.Experiments;

/// <summary>Result of <see cref="MinibatchError"/>: measured and predicted root-mean-square error of the minibatch
/// gradient per batch size.</summary>
/// <param name="ExampleCount">N, the training examples.</param>
/// <param name="Sigma">σ = √((1/N) Σᵢ ‖gᵢ − g‖²) of the per-example gradients at θ.</param>
/// <param name="GradientNorm">‖g‖, the full gradient's norm (the scale the error is compared with).</param>
/// <param name="BatchSizes">n per row.</param>
/// <param name="Measured">√E‖ĝₙ − g‖² measured over R batches drawn with replacement.</param>
/// <param name="Predicted">σ/√n.</param>
/// <param name="MeasuredWithoutReplacement">The same for batches drawn without replacement (NaN when not measured).</param>
/// <param name="PredictedWithoutReplacement">σ/√n · √((N − n)/(N − 1)).</param>
public sealed record MinibatchErrorResult(int ExampleCount, double Sigma, double GradientNorm, int[] BatchSizes, double[] Measured,
    double[] Predicted, double[] MeasuredWithoutReplacement, double[] PredictedWithoutReplacement) : IExperimentResult
{
    /// <summary>Least-squares slope of log(measured error) against log n (σ/√n predicts −½).</summary>
    public double Slope => Descent.Models.GradientNoise.LogLogSlope(BatchSizes.Select(n => (double)n).ToArray(), Measured);

    /// <summary>Measured error at batch size <paramref name="small"/> over the error at <paramref name="large"/>.</summary>
    public double ErrorRatio(int small, int large)
    {
        int i = Array.IndexOf(BatchSizes, small), j = Array.IndexOf(BatchSizes, large);
        if (i < 0) throw new ArgumentOutOfRangeException(nameof(small), small, $"batch size {small} was not measured ({string.Join(", ", BatchSizes)}).");
        if (j < 0) throw new ArgumentOutOfRangeException(nameof(large), large, $"batch size {large} was not measured ({string.Join(", ", BatchSizes)}).");
        return Measured[i] / Measured[j];
    }

    /// <summary>Largest |measured/predicted − 1| over the batch sizes (with replacement).</summary>
    public double WorstRelativeDeviation => Measured.Zip(Predicted, (m, p) => Math.Abs(m / p - 1)).Max();

    /// <inheritdoc />
    public string Summary
    {
        get
        {
            string ratio = BatchSizes.Contains(10) && BatchSizes.Contains(1000)
                ? $"; 100× the examples (n = 10 → 1000) cut the error {ErrorRatio(10, 1000):G3}×" : "";
            return $"N = {ExampleCount}, σ = {Sigma:G4}, ‖g‖ = {GradientNorm:G4}: log-log slope of the error {Slope:F3} (σ/√n: −0.5), "
                + $"measured within {WorstRelativeDeviation:P1} of σ/√n{ratio}";
        }
    }

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["batch_size", "measured", "predicted", "measured_without_replacement", "predicted_without_replacement", "relative_error"],
        Enumerable.Range(0, BatchSizes.Length).Select(k => (IReadOnlyList<object>)
            [BatchSizes[k], Measured[k], Predicted[k], MeasuredWithoutReplacement[k], PredictedWithoutReplacement[k], Measured[k] / GradientNorm]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + ToTable();
}
