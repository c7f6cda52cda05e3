using System.Text.Json.Nodes;
using Descent.Plots;

namespace Descent.Notebooks.Tests;

/// <summary>Live.Train's redrawn chart stays small however long the run: an interrupted run of a million steps must
/// still draw its final chart well within the second an interrupt may take.</summary>
public sealed class LiveCurvesTests
{
    private static JsonArray Traces(Plotly.NET.GenericChart chart) =>
        JsonNode.Parse(ChartJson.ToPlotlyJson(chart))!["data"]!.AsArray();

    [Fact]
    public void A_long_run_is_thinned_to_at_most_MaxPlottedPoints_with_true_step_numbers_and_the_last_step()
    {
        const int n = 1_000_003;
        var losses = Enumerable.Range(0, n).Select(i => 1.0 / (1 + i)).ToArray();
        var norms = Enumerable.Range(0, n).Select(i => 2.0 / (1 + i)).ToArray();

        var traces = Traces(Live.Curves(losses, norms, "t"));

        Assert.Equal(2, traces.Count);
        foreach (var trace in traces)
        {
            var x = trace!["x"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
            Assert.InRange(x.Length, Live.MaxPlottedPoints / 2, Live.MaxPlottedPoints);
            Assert.Equal(0, x[0]);
            Assert.Equal(n - 1, x[^1]);                              // the step the run ended at is drawn
            Assert.True(x.Zip(x.Skip(1)).All(p => p.Second > p.First)); // increasing step numbers, not 0, 1, 2, …
        }

        // y values are the run's values at those steps (the loss is 1/(1 + step); 7 significant digits are stored).
        var lossTrace = traces[0]!;
        var xs = lossTrace["x"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        var ys = lossTrace["y"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        Assert.All(xs.Zip(ys), p => Assert.Equal(1.0 / (1 + p.First), p.Second, 1e-6 / (1 + p.First)));
    }

    [Fact]
    public void A_short_run_is_drawn_point_for_point()
    {
        var losses = Enumerable.Range(0, 100).Select(i => 1.0 / (1 + i)).ToArray();

        var traces = Traces(Live.Curves(losses, losses, "t"));

        Assert.All(traces, t => Assert.Equal(100, t!["x"]!.AsArray().Count));
    }
}
