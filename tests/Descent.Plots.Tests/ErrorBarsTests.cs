using Descent.Plots.Tests.Support;

namespace Descent.Plots.Tests;

public sealed class ErrorBarsTests
{
    [Fact]
    public void Each_series_gets_its_own_error_bars_and_missing_values_become_gaps()
    {
        var fig = Fig.Of(Plot.ErrorBars(
            [new Series("ours", [0.3, 5.0], [6.0, 7.0]), new Series("paper", [0.3, double.NaN], [6.0, 7.0])],
            [[0.2, 0.7], null], xTitle: "k", yTitle: "% spurious"));
        var data = fig.Data();
        Assert.Equal(2, data.Count);
        Assert.Equal([0.2, 0.7], data[0]!["error_y"]!["array"].Doubles());
        Assert.Null(data[1]!["error_y"]);
        Assert.True(double.IsNaN(data[1]!["y"].DoublesOrNaN()[1]));
        Assert.Equal("% spurious", fig.Layout()["yaxis"]!["title"]!["text"].Str());
    }

    [Fact]
    public void Error_lists_must_match_the_series()
    {
        Assert.Equal("errors", Assert.Throws<ArgumentException>(() => Plot.ErrorBars([new Series("a", [1.0, 2.0])], [])).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentException>(() => Plot.ErrorBars([new Series("a", [1.0, 2.0])], [[1.0]])).ParamName);
    }
}
