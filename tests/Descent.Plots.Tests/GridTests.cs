using Descent.Functions;
using Descent.Plots.Tests.Support;

namespace Descent.Plots.Tests;

public sealed class GridTests
{
    [Fact]
    public void Grid_re_anchors_every_chart_to_its_own_axes_in_non_overlapping_cells()
    {
        var a = Plot.Curve([1.0, 2.0], title: "A");
        var b = Plot.Curves([new Series("b1", [3.0]), new Series("b2", [4.0])]);
        var c = Plot.Polar([0.0, 1.0], [1.0, 2.0]);
        var d = Plot.Surface(new Rosenbrock(), resolution: 3);
        var fig = Fig.Of(Plot.Grid([a, b, c, d], columns: 2, titles: ["one", "two", "three", "four"]));
        var data = fig.Data();
        Assert.Equal(5, data.Count);
        Assert.Equal(("x", "y"), (data[0]!["xaxis"].Str(), data[0]!["yaxis"].Str()));
        Assert.Equal(("x2", "y2"), (data[1]!["xaxis"].Str(), data[1]!["yaxis"].Str()));
        Assert.Equal("x2", data[2]!["xaxis"].Str());
        Assert.Equal("polar3", data[3]!["subplot"].Str());
        Assert.Equal("scene4", data[4]!["scene"].Str());
        Assert.Equal([4.0], data[2]!["y"].Doubles()); // values untouched

        var layout = fig.Layout();
        var x1 = layout["xaxis"]!["domain"].Doubles();
        var x2 = layout["xaxis2"]!["domain"].Doubles();
        Assert.True(x1[1] < x2[0], "columns must not overlap");
        var yTop = layout["yaxis"]!["domain"].Doubles();
        var yBottom = layout["polar3"]!["domain"]!["y"].Doubles();
        Assert.True(yBottom[1] < yTop[0], "rows must not overlap");
        Assert.Equal("y2", layout["xaxis2"]!["anchor"].Str());
        Assert.Equal(["one", "two", "three", "four"], layout["annotations"]!.AsArray().Select(n => n!["text"].Str()).ToArray());

        // The inputs are not modified.
        Assert.Null(Fig.Of(b).Data()[0]!["xaxis"]);
    }

    [Fact]
    public void A_series_in_several_cells_has_one_legend_entry_that_toggles_all()
    {
        var left = Plot.Curves([new Series("GD", [1.0]), new Series("Adam", [2.0])]);
        var right = Plot.Curves([new Series("GD", [3.0]), new Series("Adam", [4.0])]);
        var data = Fig.Of(Plot.Grid([left, right])).Data();
        Assert.Equal(["GD", "Adam", "GD", "Adam"], data.Select(t => t!["legendgroup"].Str()).ToArray());
        Assert.Equal([true, true, false, false], data.Select(t => t!["showlegend"] is null || t["showlegend"]!.GetValue<bool>()).ToArray());
    }

    [Fact]
    public void Grid_checks_its_arguments()
    {
        var a = Plot.Curve([1.0]);
        Assert.Equal("columns", Assert.Throws<ArgumentOutOfRangeException>(() => Plot.Grid([a], columns: 0)).ParamName);
        Assert.Equal("titles", Assert.Throws<ArgumentException>(() => Plot.Grid([a, a], titles: ["only one"])).ParamName);
        Assert.Equal("charts", Assert.Throws<ArgumentException>(() => Plot.Grid([])).ParamName);
    }
}
