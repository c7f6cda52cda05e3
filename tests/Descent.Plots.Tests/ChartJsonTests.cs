using System.Text.Json.Nodes;
using Descent.Plots.Tests.Support;

namespace Descent.Plots.Tests;

public sealed class ChartJsonTests
{
    [Fact]
    public void Figure_has_data_layout_and_frames_at_the_top_level()
    {
        var fig = Fig.Of(Plot.Curve([3.0, 2.0, 1.0]));
        Assert.NotNull(fig["data"]);
        Assert.NotNull(fig["layout"]);
        Assert.Empty(fig.Frames());
        Assert.False(fig.Layout().ContainsKey("descentFrames"));
    }

    [Fact]
    public void Numbers_are_rounded_to_seven_significant_digits_and_integers_kept_exact()
    {
        double[] y = [0.1, 1.0 / 3.0, 1e-300, 12345678.901234567, -2.5e17, -0.44999999999999996, 0.45, 3.0, 123456789.0, 2.0 / 3.0e-5];
        string json = ChartJson.ToPlotlyJson(Plot.Curve(y));
        // Expected values written out by hand: 7 significant digits, integral values untouched.
        double[] expected = [0.1, 0.3333333, 1e-300, 12345680.0, -2.5e17, -0.45, 0.45, 3.0, 123456789.0, 66666.67];
        Assert.Equal(expected, JsonNode.Parse(json)!["data"]![0]!["y"].Doubles());
        Assert.Contains("0.3333333,", json);
        Assert.Contains("-0.45,0.45,", json);
        Assert.Contains("123456789.0,", json);
        Assert.DoesNotContain("0.44999999999999996", json);
    }

    [Fact]
    public void Rounding_is_deterministic_so_round_off_noise_leaves_the_json_unchanged()
    {
        double third = 1.0 / 3.0;
        double noisy = Math.BitIncrement(Math.BitIncrement(third)); // two ulps away, as a rerun on another machine may give
        Assert.NotEqual(third, noisy);
        Assert.Equal(ChartJson.ToPlotlyJson(Plot.Curve([third, 0.45f])), ChartJson.ToPlotlyJson(Plot.Curve([noisy, 0.45f])));
        Assert.Equal(0.45, ChartJson.Round(0.45f)); // a float's binary value 0.449999988… is written as 0.45
        Assert.Equal(double.NaN, ChartJson.Round(double.NaN));
        Assert.Equal(-0.0, ChartJson.Round(-0.0));
    }

    [Fact]
    public void Non_finite_values_are_written_as_null_so_the_json_stays_valid()
    {
        string json = ChartJson.ToPlotlyJson(Plot.Curve([1.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 2.0]));
        Assert.DoesNotContain("NaN", json);
        Assert.DoesNotContain("Infinity", json);
        var y = JsonNode.Parse(json)!["data"]![0]!["y"].DoublesOrNaN();
        Assert.Equal(1.0, y[0]);
        Assert.True(double.IsNaN(y[1]) && double.IsNaN(y[2]) && double.IsNaN(y[3]));
        Assert.Equal(2.0, y[4]);
    }

    [Fact]
    public void Golden_curve_chart_matches_the_reviewed_file_and_its_key_values()
    {
        var chart = Plot.Curves([new Series("loss", [4.0, 2.0, 1.0]), new Series("‖g‖", [8.0, 4.0, 0.5], [0.0, 10.0, 20.0])],
            logY: true, title: "golden", theme: Theme.Default);
        string actual = ChartJson.ToIndentedPlotlyJson(chart).ReplaceLineEndings("\n");
        string expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "curves.json")).ReplaceLineEndings("\n").TrimEnd('\n');
        // Independent of the golden file: the values a reader checks by eye.
        var fig = JsonNode.Parse(actual)!.AsObject();
        Assert.Equal(2, fig.Data().Count);
        Assert.Equal([0.0, 1.0, 2.0], fig.Data()[0]!["x"].Doubles());
        Assert.Equal([4.0, 2.0, 1.0], fig.Data()[0]!["y"].Doubles());
        Assert.Equal([0.0, 10.0, 20.0], fig.Data()[1]!["x"].Doubles());
        Assert.Equal("log", fig.Layout()["yaxis"]!["type"].Str());
        Assert.Equal("golden", fig.Layout()["title"]!["text"].Str());
        Assert.Equal(expected, actual);
    }
}
