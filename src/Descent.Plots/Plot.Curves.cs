using Plotly.NET;

namespace Descent.Plots;

public static partial class Plot
{
    /// <summary>
    /// Curves y(x) on one set of axes — loss or ‖g‖ against step, several runs at once; non-finite values become gaps
    /// (a diverged run stops where it blew up).
    /// </summary>
    /// <param name="series">The curves; a series without X is drawn against 0, 1, 2, ….</param>
    /// <param name="xTitle">x-axis title.</param>
    /// <param name="yTitle">y-axis title.</param>
    /// <param name="logY">Logarithmic y axis (values ≤ 0 are not drawn on it).</param>
    /// <param name="logX">Logarithmic x axis.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="theme">Fonts and sizes.</param>
    /// <returns>One scatter trace per series, in order.</returns>
    public static GenericChart Curves(IEnumerable<Series> series, string xTitle = "step", string yTitle = "loss",
        bool logY = false, bool logX = false, string? title = null, Theme? theme = null)
    {
        var list = ChartParts.CheckList(series, nameof(series));
        foreach (var s in list)
        {
            s.Validate(nameof(series));
        }

        var th = Resolve(theme);
        var traces = list.Select((s, k) => CurveTrace(s, th.Color(k), th)).ToList();
        var layout = ChartParts.NewLayout(th, title,
            ("xaxis", ChartParts.Axis(xTitle, th, log: logX)),
            ("yaxis", ChartParts.Axis(yTitle, th, log: logY)),
            ("hovermode", "x unified"));
        return ChartParts.NewChart(traces, layout);
    }

    /// <summary>One curve against step 0, 1, 2, … (shortcut for <see cref="Curves"/> with a single series).</summary>
    public static GenericChart Curve(IReadOnlyList<double> values, string name = "loss", string yTitle = "loss",
        bool logY = false, string? title = null, Theme? theme = null) =>
        Curves([new Series(name, values ?? throw new ArgumentNullException(nameof(values)))], "step", yTitle, logY, false, title, theme);

    /// <summary>
    /// Loss and gradient norm ‖∇L‖ against step, side by side (log y axes by default): the two numbers to watch during training.
    /// </summary>
    public static GenericChart TrainingCurves(IReadOnlyList<double> loss, IReadOnlyList<double> gradientNorm, bool logY = true,
        string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(gradientNorm);
        var th = Resolve(theme);
        var left = Curves([new Series("loss", loss)], "step", "L(θ)", logY, theme: th);
        var right = Curves([new Series("‖∇L‖", gradientNorm)], "step", "‖∇L(θ)‖", logY, theme: th);
        return Grid([left, right], columns: 2, titles: ["loss", "gradient norm"], title: title, theme: th);
    }

    internal static Trace CurveTrace(Series s, string color, Theme th, string mode = "lines") =>
        ChartParts.NewTrace("scatter",
            ("name", s.Name),
            ("mode", mode),
            ("x", ChartParts.Clean(s.XOrSteps)),
            ("y", ChartParts.Clean(s.Y)),
            ("line", ChartParts.Obj(("color", color), ("width", th.LineWidth))),
            ("marker", ChartParts.Obj(("color", color), ("size", th.MarkerSize))));
}
