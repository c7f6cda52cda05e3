using MathNet.Numerics.LinearAlgebra;

namespace Descent.Data;

/// <summary>
/// Per-feature standardization x′ⱼ = (xⱼ − μⱼ) / sⱼ with μⱼ the mean and sⱼ the population standard
/// deviation √(1/n Σᵢ (xᵢⱼ − μⱼ)²) of the data it was fitted on (the training split only, so nothing
/// about validation or test leaks into training).
/// </summary>
/// <remarks>A constant feature (sⱼ ≤ 1e-12 · max(1, |μⱼ|)) gets sⱼ = 1, so it maps to exactly 0 on the
/// fitted data and to xⱼ − μⱼ elsewhere: no division by zero, no NaN.</remarks>
/// <param name="Mean">μ, one entry per feature.</param>
/// <param name="Scale">s, one entry per feature (1 for constant features).</param>
/// <param name="ConstantFeatures">Indices of the features that were constant on the fitted data.</param>
public sealed record Standardizer(Vector<double> Mean, Vector<double> Scale, int[] ConstantFeatures)
{
    /// <summary>Fits μ and s on the rows of <paramref name="inputs"/>.</summary>
    public static Standardizer Fit(Matrix<double> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        int n = inputs.RowCount, d = inputs.ColumnCount;
        var mean = Vector<double>.Build.Dense(d);
        var scale = Vector<double>.Build.Dense(d);
        var constant = new List<int>();
        for (int j = 0; j < d; j++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                sum += inputs[i, j];
            }

            double mu = sum / n;
            double ss = 0;
            for (int i = 0; i < n; i++) { double e = inputs[i, j] - mu; ss += e * e; }
            double s = Math.Sqrt(ss / n);
            mean[j] = mu;
            if (s <= 1e-12 * Math.Max(1.0, Math.Abs(mu))) { scale[j] = 1.0; constant.Add(j); }
            else
            {
                scale[j] = s;
            }
        }
        return new Standardizer(mean, scale, constant.ToArray());
    }

    /// <summary>(X − 1μᵀ) diag(s)⁻¹, a new matrix.</summary>
    /// <param name="inputs">Rows to transform; must have as many columns as <see cref="Mean"/> has entries.</param>
    public Matrix<double> Transform(Matrix<double> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.ColumnCount != Mean.Count)
        {
            throw new ArgumentException($"inputs has {inputs.ColumnCount} columns, but the standardizer was fitted on {Mean.Count}.", nameof(inputs));
        }

        var result = Matrix<double>.Build.Dense(inputs.RowCount, inputs.ColumnCount);
        for (int i = 0; i < inputs.RowCount; i++)
        {
            for (int j = 0; j < inputs.ColumnCount; j++)
            {
                result[i, j] = (inputs[i, j] - Mean[j]) / Scale[j];
            }
        }

        return result;
    }

    /// <summary>The same data set with standardized inputs (labels and targets unchanged).</summary>
    public Dataset Transform(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new Dataset(data.Name, Transform(data.Inputs), data.Labels, data.Targets, data.ClassCount);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Standardizer: {Mean.Count} features, {ConstantFeatures.Length} constant (scale 1)";
}
