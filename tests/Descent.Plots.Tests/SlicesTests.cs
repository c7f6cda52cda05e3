using Descent.Functions;
using Descent.Plots.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Plots.Tests;

public sealed class SlicesTests
{
    // L(θ) = ½θᵀAθ with A = diag(1, 4): along θ₀ + αd and over θ₀ + αd₁ + βd₂ the values are hand polynomials.
    private static readonly Quadratic Q = new(Matrix<double>.Build.DenseOfDiagonalArray([1.0, 4.0]));
    private static Vector<double> V(double a, double b) => Vector<double>.Build.DenseOfArray([a, b]);

    [Fact]
    public void One_d_slice_is_the_loss_along_the_line()
    {
        var fig = Fig.Of(Plot.Slice1D(Q, V(1, 0), V(0, 1), from: -1, to: 1, count: 5));
        var t = fig.Data()[0]!;
        Assert.Equal([-1.0, -0.5, 0.0, 0.5, 1.0], t["x"].Doubles());
        // L(1, α) = ½(1 + 4α²).
        Assert.Equal(new[] { -1.0, -0.5, 0.0, 0.5, 1.0 }.Select(a => 0.5 * (1 + 4 * a * a)).ToArray(), t["y"].Doubles());
        Assert.Equal("α", fig.Layout()["xaxis"]!["title"]!["text"].Str());
        Assert.Equal(0.0, fig.Layout()["shapes"]![0]!["x0"]!.GetValue<double>()); // α = 0 marker
    }

    [Fact]
    public void Two_d_slice_is_a_contour_and_a_surface_of_the_plane()
    {
        var fig = Fig.Of(Plot.Slice2D(Q, V(0, 0), V(1, 0), V(0, 1), extent: 2, resolution: 3));
        var data = fig.Data();
        Assert.Equal(2, data.Count);
        Assert.Equal("contour", data[0]!["type"].Str());
        Assert.Equal("surface", data[1]!["type"].Str());
        Assert.Equal("scene2", data[1]!["scene"].Str());
        // α, β ∈ {−2, 0, 2}: L = ½(α² + 4β²); row j is β_j.
        Assert.Equal([10.0, 8.0, 10.0], data[0]!["z"]![0].Doubles());
        Assert.Equal([2.0, 0.0, 2.0], data[0]!["z"]![1].Doubles());
        Assert.NotNull(fig.Layout()["scene2"]);
    }

    [Fact]
    public void Landscape_sampling_checks_its_arguments()
    {
        Assert.Equal("direction", Assert.Throws<ArgumentException>(() => Landscape.Line(Q, V(0, 0), Vector<double>.Build.Dense(3))).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => Landscape.Line(Q, V(0, 0), V(1, 0), count: 1)).ParamName);
        Assert.Equal("to", Assert.Throws<ArgumentException>(() => Landscape.Line(Q, V(0, 0), V(1, 0), from: 1, to: 1)).ParamName);
        Assert.Equal("xMax", Assert.Throws<ArgumentException>(() => new PlotBox(1, 0, 0, 1)).ParamName);
    }
}
