using System.Globalization;
using Descent.Functions;
using Plotly.NET;

namespace Descent.Plots;

public static partial class Plot
{
    /// <summary>
    /// An animation with a slider and a play/pause button built from one chart per frame (plotly.js frames; works in static
    /// HTML). Every frame chart must have the same number of traces; the first frame is what shows before playing.
    /// Fix axis ranges in the frame charts if the view should not jump.
    /// </summary>
    /// <param name="frames">One chart per frame, same trace structure.</param>
    /// <param name="labels">Slider label per frame; null = 0, 1, 2, ….</param>
    /// <param name="sliderPrefix">Text before the current label, e.g. "epoch ".</param>
    /// <param name="frameMilliseconds">Time per frame when playing, 10 … 10000 ms.</param>
    /// <param name="title">Chart title; null = the first frame's title.</param>
    /// <returns>A chart whose JSON (<see cref="ChartJson.ToPlotlyJson"/>) has one frame per input chart and one slider step per frame.</returns>
    public static GenericChart Animate(IReadOnlyList<GenericChart> frames, IReadOnlyList<string>? labels = null, string sliderPrefix = "",
        int frameMilliseconds = 400, string? title = null)
    {
        var list = ChartParts.CheckList(frames, nameof(frames));
        if (labels is not null && labels.Count != list.Count)
        {
            throw new ArgumentException($"labels has {labels.Count} entries but there are {list.Count} frames; give one label per frame.", nameof(labels));
        }

        var traceLists = list.Select(f => GenericChart.getTraces(f).ToList()).ToList();
        int n = traceLists[0].Count;
        for (int k = 1; k < traceLists.Count; k++)
        {
            if (traceLists[k].Count != n)
            {
                throw new ArgumentException($"frame {k} has {traceLists[k].Count} traces but frame 0 has {n}; every frame needs the same traces.", nameof(frames));
            }
        }

        var indices = Enumerable.Range(0, n).ToArray();
        var frameData = traceLists.Select((ts, k) => (Label: labels?[k] ?? k.ToString(CultureInfo.InvariantCulture),
            Data: (IReadOnlyList<Trace>)ts, Traces: indices)).ToList();
        var layout = ChartParts.Props(GenericChart.getLayout(list[0]));
        if (title is not null)
        {
            layout["title"] = ChartParts.Obj(("text", title), ("x", 0.5), ("xanchor", "center"));
        }

        return Animated(traceLists[0].Select(ChartParts.CopyTrace).ToList(), layout, frameData, sliderPrefix, frameMilliseconds, redraw: true);
    }

    /// <summary>
    /// Precomputed trajectories shown one at a time over a contour map, chosen by a slider (e.g. one run per learning rate).
    /// </summary>
    /// <param name="background">The landscape, e.g. <c>Landscape.Sample(objective)</c>.</param>
    /// <param name="trajectories">One trajectory per slider position.</param>
    /// <param name="parameterValues">The parameter for each trajectory (slider labels); null = the trajectory names.</param>
    /// <param name="parameterName">What the slider varies, e.g. "learning rate".</param>
    /// <param name="logLevels">Logarithmic contour levels.</param>
    /// <param name="frameMilliseconds">Time per frame when playing.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="theme">Fonts and sizes.</param>
    /// <param name="minimizers">Points to mark with a star.</param>
    /// <returns>Traces [contour, path (updated by each frame), minimizers if any]; one frame and one slider step per trajectory.</returns>
    public static GenericChart AnimateTrajectories(GridSample background, IReadOnlyList<Trajectory> trajectories,
        IReadOnlyList<double>? parameterValues = null, string parameterName = "learning rate", bool logLevels = false,
        int frameMilliseconds = 700, string? title = null, Theme? theme = null, IEnumerable<(double X, double Y)>? minimizers = null)
    {
        var list = ChartParts.CheckList(trajectories, nameof(trajectories));
        foreach (var t in list)
        {
            t.Validate(nameof(trajectories));
        }

        if (parameterValues is not null && parameterValues.Count != list.Count)
        {
            throw new ArgumentException($"parameterValues has {parameterValues.Count} entries but there are {list.Count} trajectories; give one value per trajectory.", nameof(parameterValues));
        }

        var th = Resolve(theme);
        string color = th.Color(1);
        var baseChart = Contour(background, [list[0]], logLevels, title, th, minimizers);
        var frames = list.Select((t, k) => (
            Label: parameterValues is null ? t.Name : parameterValues[k].ToString("G4", CultureInfo.InvariantCulture),
            Data: (IReadOnlyList<Trace>)[PathTrace(t, color, th)],
            Traces: new[] { 1 })).ToList();
        string prefix = parameterValues is null ? $"{parameterName}: " : $"{parameterName} = ";
        return Animated(GenericChart.getTraces(baseChart).ToList(), ChartParts.Props(GenericChart.getLayout(baseChart)),
            frames, prefix, frameMilliseconds, redraw: true);
    }

    /// <summary>Samples a 2-D objective (<see cref="Landscape.Sample"/>) and calls
    /// <see cref="AnimateTrajectories(GridSample, IReadOnlyList{Trajectory}, IReadOnlyList{double}?, string, bool, int, string?, Theme?, IEnumerable{ValueTuple{double, double}}?)"/>.</summary>
    public static GenericChart AnimateTrajectories(Objective objective, IReadOnlyList<Trajectory> trajectories,
        IReadOnlyList<double>? parameterValues = null, string parameterName = "learning rate", bool logLevels = false,
        PlotBox? box = null, int frameMilliseconds = 700, string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return AnimateTrajectories(Landscape.Sample(objective, box), trajectories, parameterValues, parameterName, logLevels,
            frameMilliseconds, title ?? objective.Name, theme, KnownMinimizers2D(objective));
    }

    /// <summary>
    /// One optimization run replayed over a contour map with a step slider: frame k shows the path up to step sₖ
    /// (sₖ evenly spaced from 0 to the last step) with the current point as a star.
    /// </summary>
    /// <param name="background">The landscape.</param>
    /// <param name="run">The run's trajectory.</param>
    /// <param name="frames">Number of frames, 2 … 500 (at most one per point).</param>
    /// <param name="logLevels">Logarithmic contour levels.</param>
    /// <param name="frameMilliseconds">Time per frame when playing.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="theme">Fonts and sizes.</param>
    /// <param name="minimizers">Points to mark with a star.</param>
    /// <returns>Traces [contour, path so far (updated by each frame), minimizers if any]; slider labels are the optimizer steps of
    /// the points shown (<see cref="Trajectory.StepOf"/>). Each frame draws at most 1000 points of the path (evenly thinned,
    /// ends kept) so a long run stays a few MB of JSON.</returns>
    public static GenericChart AnimateRun(GridSample background, Trajectory run, int frames = 50, bool logLevels = false,
        int frameMilliseconds = 150, string? title = null, Theme? theme = null, IEnumerable<(double X, double Y)>? minimizers = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Validate(nameof(run));
        if (frames < 2 || frames > 500)
        {
            throw new ArgumentOutOfRangeException(nameof(frames), frames, "frames must be in [2, 500].");
        }

        var th = Resolve(theme);
        string color = th.Color(1);
        int last = run.Count - 1;
        var steps = Enumerable.Range(0, Math.Min(frames, run.Count))
            .Select(k => frames >= run.Count ? k : (int)Math.Round((double)k * last / (frames - 1)))
            .Distinct().ToList();
        var baseChart = Contour(background, [run], logLevels, title ?? $"{run.Name} on {background.Name}", th, minimizers);
        var traces = GenericChart.getTraces(baseChart).ToList();
        traces[1] = PathTrace(run, color, th, pointCount: steps[0] + 1, maxPoints: MaxPointsPerFrame);
        var frameData = steps.Select(s => (
            Label: run.StepOf(s).ToString(CultureInfo.InvariantCulture),
            Data: (IReadOnlyList<Trace>)[PathTrace(run, color, th, pointCount: s + 1, maxPoints: MaxPointsPerFrame)],
            Traces: new[] { 1 })).ToList();
        return Animated(traces, ChartParts.Props(GenericChart.getLayout(baseChart)), frameData, "step ", frameMilliseconds, redraw: true);
    }

    /// <summary>Samples a 2-D objective and calls <see cref="AnimateRun(GridSample, Trajectory, int, bool, int, string?, Theme?, IEnumerable{ValueTuple{double, double}}?)"/>.</summary>
    public static GenericChart AnimateRun(Objective objective, Trajectory run, int frames = 50, bool logLevels = false,
        PlotBox? box = null, int frameMilliseconds = 150, string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return AnimateRun(Landscape.Sample(objective, box), run, frames, logLevels, frameMilliseconds,
            title ?? $"{run?.Name} on {objective.Name}", theme, KnownMinimizers2D(objective));
    }

    private const int MaxPointsPerFrame = 1000;

    private static IEnumerable<(double X, double Y)> KnownMinimizers2D(Objective objective) =>
        objective.KnownMinimizers.Where(m => m.Count == 2).Select(m => (m[0], m[1])).ToList();

    /// <summary>Assembles an animated chart: frames stored under <see cref="ChartParts.FramesKey"/>, one slider step per frame,
    /// play/pause buttons.</summary>
    private static GenericChart Animated(IReadOnlyList<Trace> traces, Dictionary<string, object?> layoutProps,
        IReadOnlyList<(string Label, IReadOnlyList<Trace> Data, int[] Traces)> frames, string sliderPrefix, int frameMilliseconds, bool redraw)
    {
        if (frameMilliseconds < 10 || frameMilliseconds > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(frameMilliseconds), frameMilliseconds, "frameMilliseconds must be in [10, 10000].");
        }

        var th = Theme.Current;
        int fontSize = layoutProps.GetValueOrDefault("font") is Dictionary<string, object?> f && f.GetValueOrDefault("size") is int fs ? fs : th.FontSize;
        var frameObjects = frames.Select((fr, k) => (object)ChartParts.Obj(
            ("name", FrameName(k)), ("data", fr.Data.ToList()), ("traces", fr.Traces))).ToList();
        var steps = frames.Select((fr, k) => (object)ChartParts.Obj(
            ("label", fr.Label),
            ("method", "animate"),
            ("args", new object?[]
            {
                new[] { FrameName(k) },
                ChartParts.Obj(("mode", "immediate"), ("frame", ChartParts.Obj(("duration", 0), ("redraw", redraw))),
                    ("transition", ChartParts.Obj(("duration", 0)))),
            }))).ToList();
        var slider = ChartParts.Obj(
            ("active", 0),
            ("steps", steps),
            ("currentvalue", ChartParts.Obj(("prefix", sliderPrefix), ("visible", true), ("xanchor", "left"), ("font", ChartParts.Obj(("size", fontSize))))),
            ("font", ChartParts.Obj(("size", Math.Max(10, fontSize - 2)))),
            ("x", 0.12), ("len", 0.88), ("xanchor", "left"), ("y", 0.0), ("yanchor", "top"),
            ("pad", ChartParts.Obj(("t", 55), ("b", 10))));
        var play = ChartParts.Obj(
            ("label", "▶ play"),
            ("method", "animate"),
            ("args", new object?[]
            {
                null,
                ChartParts.Obj(("fromcurrent", true), ("mode", "immediate"),
                    ("frame", ChartParts.Obj(("duration", frameMilliseconds), ("redraw", redraw))),
                    ("transition", ChartParts.Obj(("duration", 0)))),
            }));
        var pause = ChartParts.Obj(
            ("label", "❚❚ pause"),
            ("method", "animate"),
            ("args", new object?[]
            {
                new object?[] { null },
                ChartParts.Obj(("mode", "immediate"), ("frame", ChartParts.Obj(("duration", 0), ("redraw", false))),
                    ("transition", ChartParts.Obj(("duration", 0)))),
            }));
        var menu = ChartParts.Obj(
            ("type", "buttons"), ("direction", "left"), ("showactive", false),
            ("x", 0.11), ("xanchor", "right"), ("y", 0.0), ("yanchor", "top"),
            ("pad", ChartParts.Obj(("t", 60), ("r", 10))),
            ("font", ChartParts.Obj(("size", Math.Max(10, fontSize - 2)))),
            ("buttons", new object[] { play, pause }));

        var layout = new Layout();
        foreach (var (k, v) in layoutProps)
        {
            if (v is not null)
            {
                layout.SetProperty(k, v);
            }
        }

        layout.SetProperty("sliders", new object[] { slider });
        layout.SetProperty("updatemenus", new object[] { menu });
        var margin = ChartParts.CopyObj(layoutProps.GetValueOrDefault("margin"));
        margin["b"] = 150;
        layout.SetProperty("margin", margin);
        if (layoutProps.GetValueOrDefault("height") is int h)
        {
            layout.SetProperty("height", h + 90);
        }

        layout.SetProperty(ChartParts.FramesKey, frameObjects);
        return ChartParts.NewChart(traces, layout);
    }

    private static string FrameName(int k) => "frame" + k.ToString(CultureInfo.InvariantCulture);
}
