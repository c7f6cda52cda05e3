using Plotly.NET;

namespace Descent.Plots;

/// <summary>
/// Chart builders for the course. Each takes data (or a library result) and returns a Plotly.NET
/// <see cref="GenericChart"/>; none computes anything heavy (sampling an objective lives in <see cref="Landscape"/>).
/// Render with <see cref="ChartHtml"/> (offline HTML) or <see cref="ChartJson"/> (Jupyter's plotly mime type).
/// Every builder takes an optional <see cref="Theme"/>; null means <see cref="Theme.Current"/>.
/// </summary>
/// <remarks>Partial class split by topic: Plot.Contour.cs, Plot.Surface.cs, Plot.Curves.cs, Plot.Spectrum.cs,
/// Plot.Slices.cs, Plot.Grid.cs, Plot.Animation.cs, Plot.Polar.cs.</remarks>
public static partial class Plot
{
    private static Theme Resolve(Theme? theme) => theme ?? Theme.Current;

    /// <summary>A scatter trace for a trajectory: line plus markers, the start drawn as a large diamond and the last finite
    /// point as a large star; non-finite points become gaps. Only the first <paramref name="pointCount"/> points are drawn, thinned
    /// evenly to at most <paramref name="maxPoints"/> (first and last kept); hover shows each point's optimizer step.</summary>
    internal static Trace PathTrace(Trajectory t, string color, Theme theme, int? pointCount = null, bool showLegend = true,
        int maxPoints = int.MaxValue)
    {
        var idx = Thin(pointCount ?? t.Points.Count, maxPoints);
        int n = idx.Length;
        var xs = ChartParts.Clean(idx.Select(i => t.Points[i].X));
        var ys = ChartParts.Clean(idx.Select(i => t.Points[i].Y));
        int last = -1;
        for (int i = n - 1; i >= 0; i--)
        {
            if (xs[i].HasValue && ys[i].HasValue) { last = i; break; }
        }

        var sizes = new double[n];
        var symbols = new string[n];
        double small = n > 200 ? 0.0 : theme.MarkerSize * 0.7;
        for (int i = 0; i < n; i++) { sizes[i] = small; symbols[i] = "circle"; }
        if (last >= 0) { sizes[last] = theme.MarkerSize * 2.2; symbols[last] = "star"; }
        if (n > 0) { sizes[0] = theme.MarkerSize * 2.0; symbols[0] = "diamond"; }
        return ChartParts.NewTrace("scatter",
            ("name", t.Name),
            ("legendgroup", t.Name),
            ("showlegend", showLegend),
            ("mode", "lines+markers"),
            ("x", xs),
            ("y", ys),
            ("customdata", idx.Select(t.StepOf).ToArray()),
            ("line", ChartParts.Obj(("color", color), ("width", theme.LineWidth))),
            ("marker", ChartParts.Obj(("color", color), ("size", sizes), ("symbol", symbols),
                ("line", ChartParts.Obj(("color", "white"), ("width", 1))))),
            ("hovertemplate", "%{fullData.name}<br>step %{customdata}<br>(%{x:.4g}, %{y:.4g})<extra></extra>"));
    }

    /// <summary>Indices 0 … count − 1, or at most <paramref name="maxPoints"/> of them evenly spaced with both ends kept.</summary>
    internal static int[] Thin(int count, int maxPoints)
    {
        if (count <= maxPoints)
        {
            return Enumerable.Range(0, count).ToArray();
        }

        return Enumerable.Range(0, maxPoints)
            .Select(k => (int)Math.Round((double)k * (count - 1) / (maxPoints - 1)))
            .Distinct().ToArray();
    }
}
