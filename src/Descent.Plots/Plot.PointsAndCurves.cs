using Plotly.NET;

namespace Descent.Plots;

public static partial class Plot
{
    /// <summary>
    /// Point clouds drawn as markers, with optional curves on the same axes — measured points against a formula (critical points'
    /// index against loss, GD iterates against a closed form, measured vs predicted escape times).
    /// </summary>
    /// <param name="points">Series drawn as markers only (each needs X).</param>
    /// <param name="curves">Series drawn as lines on top (X = null means 0, 1, 2, …); may be null or empty.</param>
    /// <param name="xTitle">x-axis title.</param>
    /// <param name="yTitle">y-axis title.</param>
    /// <param name="logX">Logarithmic x axis.</param>
    /// <param name="logY">Logarithmic y axis.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="theme">Fonts and sizes.</param>
    /// <returns>One marker trace per point series, then one line trace per curve. With as many curves as point series, curve k
    /// is drawn in point series k's colour (measurement and formula read as a pair).</returns>
    public static GenericChart PointsAndCurves(IEnumerable<Series> points, IEnumerable<Series>? curves = null, string xTitle = "x",
        string yTitle = "y", bool logX = false, bool logY = false, string? title = null, Theme? theme = null)
    {
        var markers = ChartParts.CheckList(points, nameof(points));
        foreach (var s in markers)
        {
            s.Validate(nameof(points));
            if (s.X is null)
            {
                throw new ArgumentException($"point series '{s.Name}' has no X; give the x coordinate of every point.", nameof(points));
            }
        }
        var lines = curves is null ? [] : ChartParts.CheckList(curves, nameof(curves), allowEmpty: true);
        foreach (var s in lines)
        {
            s.Validate(nameof(curves));
        }

        var th = Resolve(theme);
        var traces = new List<Trace>();
        for (int k = 0; k < markers.Count; k++)
        {
            var t = CurveTrace(markers[k], th.Color(k), th, mode: "markers");
            t.SetProperty("marker", ChartParts.Obj(("color", th.Color(k)), ("size", th.MarkerSize * 1.4), ("opacity", 0.75)));
            traces.Add(t);
        }
        // As many curves as point series: curve k is point series k's formula and takes its colour.
        bool paired = lines.Count == markers.Count;
        for (int k = 0; k < lines.Count; k++)
        {
            traces.Add(CurveTrace(lines[k], th.Color(paired ? k : markers.Count + k), th));
        }

        var layout = ChartParts.NewLayout(th, title,
            ("xaxis", ChartParts.Axis(xTitle, th, log: logX)),
            ("yaxis", ChartParts.Axis(yTitle, th, log: logY)));
        return ChartParts.NewChart(traces, layout);
    }
}
