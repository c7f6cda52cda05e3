using Descent.Experiments;
using Descent.Plots.Tests.Support;

namespace Descent.Plots.Tests;

public sealed class ConvergenceTests
{
    [Fact]
    public void Bounds_are_dashed_in_the_colour_of_their_measured_curve_on_log_log_axes()
    {
        var fig = Fig.Of(Plot.BoundCurves(
            [new Series("a", [1.0, 0.5], [1.0, 2.0]), new Series("b", [2.0, 1.0], [1.0, 2.0])],
            [new Series("bound a", [3.0, 2.0], [1.0, 2.0])]));
        var data = fig.Data();
        Assert.Equal(3, data.Count);
        Assert.Equal("dash", data[2]!["line"]!["dash"].Str());
        Assert.Null(data[0]!["line"]!["dash"]);
        Assert.Equal(data[0]!["line"]!["color"].Str(), data[2]!["line"]!["color"].Str());
        Assert.Equal("log", fig.Layout()["xaxis"]!["type"].Str());
        Assert.Equal("log", fig.Layout()["yaxis"]!["type"].Str());
        // Unpaired: the bound takes the next colour after the measured curves.
        var unpaired = Fig.Of(Plot.BoundCurves([new Series("a", [1.0])], [new Series("bound", [2.0])], pairColors: false));
        Assert.NotEqual(unpaired.Data()[0]!["line"]!["color"].Str(), unpaired.Data()[1]!["line"]!["color"].Str());
        // Explicit colours: the bound drawn in the colour of measured curve 1.
        var chosen = Fig.Of(Plot.BoundCurves([new Series("a", [1.0]), new Series("b", [1.0])], [new Series("bound", [2.0])], boundColors: [1]));
        Assert.Equal(chosen.Data()[1]!["line"]!["color"].Str(), chosen.Data()[2]!["line"]!["color"].Str());
        Assert.Equal("boundColors", Assert.Throws<ArgumentException>(() => Plot.BoundCurves([new Series("a", [1.0])], [new Series("bound", [2.0])], boundColors: [])).ParamName);
    }

    [Fact]
    public void The_gradient_norm_chart_has_one_measured_and_one_bound_trace_per_rate()
    {
        var r = new GradientNormBound().Run(new GradientNormBoundParameters { Multipliers = [0.5, 1.5], Iterates = 20 });
        var data = Fig.Of(Plot.GradientNormBound(r)).Data();
        Assert.Equal(4, data.Count);
        Fig.AssertPlotted(r.Rows[1].Bound, data[3]!["y"]);
        Assert.Equal(Enumerable.Range(1, 20).Select(n => (double)n).ToArray(), data[0]!["x"].Doubles());
    }

    [Fact]
    public void Null_results_are_rejected_by_name()
    {
        Assert.Equal("result", Assert.Throws<ArgumentNullException>(() => Plot.Rates(null!)).ParamName);
        Assert.Equal("measured", Assert.ThrowsAny<ArgumentException>(() => Plot.BoundCurves([], [])).ParamName);
    }
}
