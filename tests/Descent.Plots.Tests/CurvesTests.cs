using Descent.Plots.Tests.Support;

namespace Descent.Plots.Tests;

public sealed class CurvesTests
{
    [Fact]
    public void One_trace_per_series_against_steps_with_log_axes_when_asked()
    {
        var fig = Fig.Of(Plot.Curves([new Series("GD", [1.0, 0.5]), new Series("Adam", [1.0, 0.1, 0.01])], yTitle: "‖g‖", logY: true));
        Assert.Equal(2, fig.Data().Count);
        Assert.Equal([0.0, 1.0, 2.0], fig.Data()[1]!["x"].Doubles());
        Assert.Equal([1.0, 0.1, 0.01], fig.Data()[1]!["y"].Doubles());
        Assert.Equal("Adam", fig.Data()[1]!["name"].Str());
        Assert.Equal("log", fig.Layout()["yaxis"]!["type"].Str());
        Assert.Null(fig.Layout()["xaxis"]!["type"]);
        Assert.Equal("‖g‖", fig.Layout()["yaxis"]!["title"]!["text"].Str());
        var linear = Fig.Of(Plot.Curve([1.0, 2.0]));
        Assert.Null(linear.Layout()["yaxis"]!["type"]);
    }

    [Fact]
    public void Training_curves_put_loss_and_gradient_norm_side_by_side_on_log_axes()
    {
        var fig = Fig.Of(Plot.TrainingCurves([4.0, 2.0, 1.0], [3.0, 1.5, 0.2]));
        var data = fig.Data();
        Assert.Equal(2, data.Count);
        Assert.Equal([4.0, 2.0, 1.0], data[0]!["y"].Doubles());
        Assert.Equal("x", data[0]!["xaxis"].Str());
        Assert.Equal([3.0, 1.5, 0.2], data[1]!["y"].Doubles());
        Assert.Equal("x2", data[1]!["xaxis"].Str());
        Assert.Equal("y2", data[1]!["yaxis"].Str());
        Assert.Equal("log", fig.Layout()["yaxis"]!["type"].Str());
        Assert.Equal("log", fig.Layout()["yaxis2"]!["type"].Str());
    }

    [Fact]
    public void Mismatched_lengths_and_empty_input_are_rejected()
    {
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => Plot.Curves([new Series("a", [1.0, 2.0], [0.0])])).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => Plot.Curves([])).ParamName);
    }
}
