using Descent.Data;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Data;

public sealed class DatasetTests
{
    private static Dataset Small() => new(
        "toy",
        Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }),
        [0, 2, 1],
        Dataset.OneHot([0, 2, 1], 3));

    [Fact]
    public void Shape_class_count_and_text()
    {
        var d = Small();
        Assert.Equal(3, d.Count);
        Assert.Equal(2, d.Features);
        Assert.Equal(3, d.ClassCount);
        Assert.Equal("toy: 3 × 2, 3 classes", d.ToString());
        var regression = new Dataset("reg", Matrix<double>.Build.Dense(4, 5), targets: Matrix<double>.Build.Dense(4, 1));
        Assert.Equal("reg: 4 × 5 → 1 target", regression.ToString());
    }

    [Fact]
    public void Subset_selects_rows_in_order_with_repeats()
    {
        var s = Small().Subset([2, 0, 2], "batch");
        Assert.Equal("batch", s.Name);
        Assert.Equal(new double[] { 5, 6, 1, 2, 5, 6 }, s.Inputs.ToRowArrays().SelectMany(r => r));
        Assert.Equal([1, 0, 1], s.Labels!);
        Assert.Equal(new double[] { 0, 1, 0 }, s.Targets!.Row(0).ToArray());
        Assert.Equal(3, s.ClassCount);
    }

    [Fact]
    public void One_hot_has_a_single_one_per_row()
    {
        var y = Dataset.OneHot([2, 0], 3);
        Assert.Equal(new double[,] { { 0, 0, 1 }, { 1, 0, 0 } }, y.ToArray());
    }

    [Fact]
    public void Inconsistent_parts_are_rejected()
    {
        var x = Matrix<double>.Build.Dense(3, 2);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => new Dataset("a", x, [0, 1])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => new Dataset("a", x, [0, 1, 5], classCount: 3)).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => new Dataset("a", x, targets: Matrix<double>.Build.Dense(2, 1))).ParamName);
        x[1, 1] = double.NaN;
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => new Dataset("a", x)).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => Small().Subset([3])).ParamName);
    }

    [Fact]
    public void Standardizer_centres_and_scales_and_leaves_constant_columns_finite()
    {
        // Column 0: 1, 2, 3 → mean 2, population sd √(2/3); column 1 constant 7.
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 7 }, { 2, 7 }, { 3, 7 } });
        var s = Standardizer.Fit(x);
        Assert.Equal([1], s.ConstantFeatures);
        var z = s.Transform(x);
        double sd = Math.Sqrt(2.0 / 3.0);
        // Tolerance 1e-15: one subtraction and one division of small integers, a few ulps at most.
        Assert.Equal(-1 / sd, z[0, 0], 1e-15);
        Assert.Equal(1 / sd, z[2, 0], 1e-15);
        Assert.Equal(0.0, z[1, 1]);
        // A new point: the constant column maps to x − μ, never to ±∞ or NaN.
        var other = s.Transform(Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 9 } }));
        Assert.Equal(2.0, other[0, 1]);
    }
}
