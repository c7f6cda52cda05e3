using Descent.Plots.Tests.Support;

namespace Descent.Plots.Tests;

public sealed class SpectrumTests
{
    [Fact]
    public void Stem_plot_has_stems_from_zero_and_markers_at_the_eigenvalues()
    {
        double[] lambda = [5.0, 1.0, -2.0];
        var fig = Fig.Of(Plot.Spectrum(lambda));
        var data = fig.Data();
        Assert.Equal(2, data.Count);
        var stemsY = data[0]!["y"].DoublesOrNaN();
        // Stems are (i, 0) → (i, λᵢ) segments separated by gaps.
        Assert.Equal(9, stemsY.Length);
        Assert.Equal([0.0, 5.0], stemsY[..2]);
        Assert.True(double.IsNaN(stemsY[2]));
        Assert.Equal([1.0, 1.0], data[0]!["x"].DoublesOrNaN()[..2]);
        Assert.Equal([1.0, 2.0, 3.0], data[1]!["x"].Doubles());
        Assert.Equal(lambda, data[1]!["y"].Doubles());
        Assert.Equal("markers", data[1]!["mode"].Str());
        Assert.Equal(0.0, fig.Layout()["shapes"]![0]!["y0"]!.GetValue<double>()); // the λ = 0 reference line
    }

    [Fact]
    public void Log_spectrum_has_markers_only_on_a_log_axis()
    {
        var fig = Fig.Of(Plot.Spectra([new Series("init", [10.0, 1.0]), new Series("trained", [100.0, 0.1])], logY: true));
        Assert.Equal(2, fig.Data().Count);
        Assert.All(fig.Data(), t => Assert.Equal("markers", t!["mode"].Str()));
        Assert.Equal("log", fig.Layout()["yaxis"]!["type"].Str());
    }

    [Fact]
    public void Spectral_density_is_a_filled_line_over_the_lambda_grid()
    {
        var fig = Fig.Of(Plot.SpectralDensity([0.0, 1.0, 2.0], [0.1, 0.8, 0.1]));
        var t = fig.Data()[0]!;
        Assert.Equal([0.0, 1.0, 2.0], t["x"].Doubles());
        Assert.Equal([0.1, 0.8, 0.1], t["y"].Doubles());
        Assert.Equal("tozeroy", t["fill"].Str());
        Assert.Equal("densities", Assert.Throws<ArgumentException>(() => Plot.SpectralDensity([new Series("no x", [1.0])])).ParamName);
    }

    [Fact]
    public void Histogram_bins_the_finite_sample_in_plotly()
    {
        var fig = Fig.Of(Plot.Histogram([1.0, 2.0, double.NaN, 2.5], bins: 7));
        var t = fig.Data()[0]!;
        Assert.Equal("histogram", t["type"].Str());
        Assert.Equal([1.0, 2.0, 2.5], t["x"].Doubles());
        Assert.Equal(7, t["nbinsx"]!.GetValue<int>());
        var two = Fig.Of(Plot.Histograms([new Series("a", [1.0]), new Series("b", [2.0])]));
        Assert.Equal("overlay", two.Layout()["barmode"].Str());
        Assert.Equal("bins", Assert.Throws<ArgumentOutOfRangeException>(() => Plot.Histogram([1.0], bins: 0)).ParamName);
    }
}
