using Plotly.NET;

namespace Descent.Plots;

public static partial class Plot
{
    /// <summary>
    /// Estimates with symmetric error bars (e.g. a measured rate ± k standard errors next to a published one), markers joined
    /// by lines; one trace per series. Non-finite values (a missing published value) become gaps.
    /// </summary>
    /// <param name="series">The estimates; X as in <see cref="Curves"/>.</param>
    /// <param name="errors">One list of half-widths per series (same length as its Y; null for no bars on that series).</param>
    /// <param name="xTitle">x-axis title.</param>
    /// <param name="yTitle">y-axis title.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="theme">Fonts and sizes.</param>
    public static GenericChart ErrorBars(IEnumerable<Series> series, IEnumerable<IReadOnlyList<double>?> errors, string xTitle = "x",
        string yTitle = "y", string? title = null, Theme? theme = null)
    {
        var list = ChartParts.CheckList(series, nameof(series));
        foreach (var s in list)
        {
            s.Validate(nameof(series));
        }

        ArgumentNullException.ThrowIfNull(errors);
        var bars = errors.ToList();
        if (bars.Count != list.Count)
        {
            throw new ArgumentException($"errors has {bars.Count} entries but there are {list.Count} series; give one (or null) per series.", nameof(errors));
        }

        for (int i = 0; i < bars.Count; i++)
        {
            if (bars[i] is { } e && e.Count != list[i].Count)
            {
                throw new ArgumentException($"series '{list[i].Name}' has {list[i].Count} values but {e.Count} error bars.", nameof(errors));
            }
        }

        var th = Resolve(theme);
        var traces = list.Select((s, k) =>
        {
            string color = th.Color(k);
            var parts = new List<(string, object?)>
            {
                ("name", s.Name),
                ("mode", "lines+markers"),
                ("x", ChartParts.Clean(s.XOrSteps)),
                ("y", ChartParts.Clean(s.Y)),
                ("line", ChartParts.Obj(("color", color), ("width", th.LineWidth))),
                ("marker", ChartParts.Obj(("color", color), ("size", th.MarkerSize + 3))),
            };
            if (bars[k] is { } e)
            {
                parts.Add(("error_y", ChartParts.Obj(("type", "data"), ("array", ChartParts.Clean(e)), ("visible", true), ("color", color))));
            }

            return ChartParts.NewTrace("scatter", parts.ToArray());
        }).ToList();
        var layout = ChartParts.NewLayout(th, title,
            ("xaxis", ChartParts.Axis(xTitle, th)),
            ("yaxis", ChartParts.Axis(yTitle, th)),
            ("hovermode", "x unified"));
        return ChartParts.NewChart(traces, layout);
    }
}
