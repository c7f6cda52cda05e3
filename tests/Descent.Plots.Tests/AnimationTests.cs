using Descent.Functions;
using Descent.Plots.Tests.Support;

namespace Descent.Plots.Tests;

public sealed class AnimationTests
{
    private static readonly Trajectory[] Runs =
    [
        new("α = 0.001", [(-1.0, 1.0), (-0.9, 0.9)]),
        new("α = 0.01", [(-1.0, 1.0), (-0.5, 0.5), (0.0, 0.2)]),
        new("α = 0.1", [(-1.0, 1.0), (1.5, -1.5)]),
    ];

    [Fact]
    public void Learning_rate_slider_has_one_frame_and_one_step_per_trajectory()
    {
        var chart = Plot.AnimateTrajectories(new Rosenbrock(), Runs, parameterValues: [0.001, 0.01, 0.1]);
        var fig = Fig.Of(chart);
        var frames = fig.Frames();
        Assert.Equal(3, frames.Count);
        var slider = fig.Layout()["sliders"]![0]!;
        var steps = slider["steps"]!.AsArray();
        Assert.Equal(3, steps.Count);
        Assert.Equal(["0.001", "0.01", "0.1"], steps.Select(s => s!["label"].Str()).ToArray());
        Assert.Equal("learning rate = ", slider["currentvalue"]!["prefix"].Str());
        for (int k = 0; k < 3; k++)
        {
            // Each step animates to its own frame, and each frame replaces trace 1 (the path) with run k.
            Assert.Equal("animate", steps[k]!["method"].Str());
            Assert.Equal(frames[k]!["name"].Str(), steps[k]!["args"]![0]![0].Str());
            Assert.Equal([1.0], frames[k]!["traces"].Doubles());
            Assert.Equal(Runs[k].Points.Select(p => p.X).ToArray(), frames[k]!["data"]![0]!["x"].Doubles());
            Assert.Equal(Runs[k].Points.Select(p => p.Y).ToArray(), frames[k]!["data"]![0]!["y"].Doubles());
        }
        // Frames redraw: with redraw false plotly.js drops the contour fill after the first animate (seen in Chromium).
        Assert.True(steps[0]!["args"]![1]!["frame"]!["redraw"]!.GetValue<bool>());
        // The initial picture is the first run; contour stays trace 0.
        Assert.Equal("contour", fig.Data()[0]!["type"].Str());
        Assert.Equal(Runs[0].Points.Select(p => p.X).ToArray(), fig.Data()[1]!["x"].Doubles());
        // Play and pause buttons.
        var buttons = fig.Layout()["updatemenus"]![0]!["buttons"]!.AsArray();
        Assert.Equal(2, buttons.Count);
        Assert.Null(buttons[0]!["args"]![0]); // play: null = all frames
        Assert.True(buttons[0]!["args"]![1]!["fromcurrent"]!.GetValue<bool>());
    }

    [Fact]
    public void Step_slider_shows_the_path_up_to_evenly_spaced_steps()
    {
        var points = Enumerable.Range(0, 11).Select(i => (i * 0.1, -i * 0.1)).ToList();
        var run = new Trajectory("GD", points);
        var fig = Fig.Of(Plot.AnimateRun(new Rosenbrock(), run, frames: 6));
        var frames = fig.Frames();
        Assert.Equal(6, frames.Count);
        var labels = fig.Layout()["sliders"]![0]!["steps"]!.AsArray().Select(s => s!["label"].Str()).ToArray();
        Assert.Equal(["0", "2", "4", "6", "8", "10"], labels); // s_k = round(k · 10 / 5)
        for (int k = 0; k < 6; k++)
        {
            Fig.AssertPlotted(points.Take(2 * k + 1).Select(p => p.Item1), frames[k]!["data"]![0]!["x"]);
        }

        Assert.Single(fig.Data()[1]!["x"]!.AsArray()); // before playing: the start only
    }

    [Fact]
    public void Long_runs_are_thinned_per_frame_keeping_start_and_current_point()
    {
        // 3001 points on a line: x = k / 3000. Frames draw at most 1000 points, so the last frame has ≤ 1000 with both ends.
        var run = new Trajectory("long", Enumerable.Range(0, 3001).Select(k => (k / 3000.0, 0.0)).ToList());
        var fig = Fig.Of(Plot.AnimateRun(new Rosenbrock(), run, frames: 3));
        var last = fig.Frames()[2]!["data"]![0]!;
        var x = last["x"].Doubles();
        Assert.InRange(x.Length, 2, 1000);
        Assert.Equal(0.0, x[0]);
        Assert.Equal(1.0, x[^1]);
        Assert.Equal(3000.0, last["customdata"].Doubles()[^1]); // the current step is the true step
        Assert.Equal("3000", fig.Layout()["sliders"]![0]!["steps"]![2]!["label"].Str());
    }

    [Fact]
    public void Generic_animation_uses_every_trace_of_every_frame_chart()
    {
        var charts = Enumerable.Range(1, 4).Select(k => Plot.Curve([k, 2.0 * k])).ToList();
        var fig = Fig.Of(Plot.Animate(charts, ["a", "b", "c", "d"], "epoch "));
        Assert.Equal(4, fig.Frames().Count);
        Assert.Equal(4, fig.Layout()["sliders"]![0]!["steps"]!.AsArray().Count);
        Assert.Equal([3.0, 6.0], fig.Frames()[2]!["data"]![0]!["y"].Doubles());
        Assert.Equal([0.0], fig.Frames()[2]!["traces"].Doubles());
    }

    [Fact]
    public void Mismatched_input_is_rejected()
    {
        var one = Plot.Curve([1.0]);
        var two = Plot.Curves([new Series("a", [1.0]), new Series("b", [2.0])]);
        Assert.Equal("frames", Assert.Throws<ArgumentException>(() => Plot.Animate([one, two])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => Plot.Animate([one, one], ["x"])).ParamName);
        Assert.Equal("parameterValues", Assert.Throws<ArgumentException>(() =>
            Plot.AnimateTrajectories(new Rosenbrock(), Runs, parameterValues: [0.1])).ParamName);
        Assert.Equal("frames", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Plot.AnimateRun(new Rosenbrock(), Runs[0], frames: 1)).ParamName);
        var anim = Plot.Animate([one, one]);
        Assert.Equal("charts", Assert.Throws<ArgumentException>(() => Plot.Grid([anim, one])).ParamName);
    }
}
