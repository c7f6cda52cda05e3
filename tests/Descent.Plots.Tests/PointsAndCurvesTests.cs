using Descent.Plots.Tests.Support;

namespace Descent.Plots.Tests;

public sealed class PointsAndCurvesTests
{
    [Fact]
    public void Points_are_markers_curves_are_lines_and_a_curve_per_point_series_shares_its_colour()
    {
        var fig = Fig.Of(Plot.PointsAndCurves([new Series("measured", [1.0, 2.0], [0.1, 0.2])], [new Series("formula", [1.0, 2.1], [0.1, 0.2])],
            "δ", "steps", logX: true));
        var data = fig.Data();
        Assert.Equal(2, data.Count);
        Assert.Equal("markers", data[0]!["mode"].Str());
        Assert.Equal("lines", data[1]!["mode"].Str());
        Assert.Equal([0.1, 0.2], data[0]!["x"].Doubles());
        Assert.Equal(data[0]!["marker"]!["color"].Str(), data[1]!["line"]!["color"].Str());
        Assert.Equal("log", fig.Layout()["xaxis"]!["type"].Str());
        Assert.Equal("δ", fig.Layout()["xaxis"]!["title"]!["text"].Str());
    }

    [Fact]
    public void Unpaired_curves_take_the_next_colours_and_points_without_x_are_rejected()
    {
        var fig = Fig.Of(Plot.PointsAndCurves([new Series("a", [1.0], [0.0]), new Series("b", [2.0], [1.0])], [new Series("c", [1.0, 2.0])]));
        var data = fig.Data();
        Assert.Equal(3, data.Count);
        Assert.NotEqual(data[0]!["marker"]!["color"].Str(), data[2]!["line"]!["color"].Str());
        Assert.NotEqual(data[1]!["marker"]!["color"].Str(), data[2]!["line"]!["color"].Str());
        Assert.Equal("points", Assert.Throws<ArgumentException>(() => Plot.PointsAndCurves([new Series("a", [1.0])])).ParamName);
        Assert.Single(Fig.Of(Plot.PointsAndCurves([new Series("a", [1.0], [0.0])])).Data());
    }
}
