using System.Globalization;
using Descent.Functions;
using Plotly.NET;

namespace Descent.Plots;

public static partial class Plot
{
    /// <summary>
    /// Contour map of a 2-D objective over its <see cref="Domain"/> plot box (or <paramref name="box"/>), with optimizer
    /// trajectories drawn on top (lines + markers, start ◆, end ★) and the objective's known minimizers (✱).
    /// </summary>
    /// <param name="objective">A 2-D objective; it is sampled on a <paramref name="resolution"/>² grid (<see cref="Landscape.Sample"/>).</param>
    /// <param name="trajectories">Paths to overlay; null or empty draws the landscape only.</param>
    /// <param name="box">Region to draw; null = the objective's plot box.</param>
    /// <param name="logLevels">Space contour levels logarithmically in L − min L (for ravines such as Rosenbrock's).</param>
    /// <param name="resolution">Grid points per axis.</param>
    /// <param name="title">Chart title; null = the objective's name.</param>
    /// <param name="theme">Fonts and sizes; null = <see cref="Theme.Current"/>.</param>
    /// <returns>Traces: [contour, one per trajectory…, minimizers (only when a known minimizer lies in the box)].</returns>
    public static GenericChart Contour(Objective objective, IEnumerable<Trajectory>? trajectories = null, PlotBox? box = null,
        bool logLevels = false, int resolution = 101, string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var grid = Landscape.Sample(objective, box, resolution);
        var minimizers = objective.KnownMinimizers.Where(m => m.Count == 2).Select(m => (m[0], m[1])).ToList();
        return Contour(grid, trajectories, logLevels, title ?? objective.Name, theme, minimizers);
    }

    /// <summary>Contour map of sampled values with trajectories on top (see the <see cref="Objective"/> overload).</summary>
    /// <param name="grid">Sampled values, e.g. from <see cref="Landscape.Sample"/> or <see cref="Landscape.Plane"/>.</param>
    /// <param name="trajectories">Paths to overlay.</param>
    /// <param name="logLevels">Draw log₁₀(L − min L + δ), δ = 10⁻⁵(max L − min L), so levels crowd near the minimum.</param>
    /// <param name="title">Chart title; null = the grid's name.</param>
    /// <param name="theme">Fonts and sizes.</param>
    /// <param name="minimizers">Points to mark with a star (those outside the grid box are skipped).</param>
    public static GenericChart Contour(GridSample grid, IEnumerable<Trajectory>? trajectories = null, bool logLevels = false,
        string? title = null, Theme? theme = null, IEnumerable<(double X, double Y)>? minimizers = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        grid.Validate(nameof(grid));
        var th = Resolve(theme);
        var paths = ChartParts.CheckList(trajectories ?? [], nameof(trajectories), allowEmpty: true);
        foreach (var p in paths)
        {
            p.Validate(nameof(trajectories));
        }

        var traces = new List<Trace> { ContourTrace(grid, logLevels, th) };
        for (int k = 0; k < paths.Count; k++)
        {
            traces.Add(PathTrace(paths[k], th.Color(k + 1), th));
        }

        var box = grid.Box;
        var inBox = (minimizers ?? []).Where(m => box.Contains(m.X, m.Y)).ToList();
        if (inBox.Count > 0)
        {
            traces.Add(MinimizerTrace(inBox, th));
        }

        var layout = ChartParts.NewLayout(th, title ?? grid.Name,
            ("xaxis", ChartParts.Axis(grid.XTitle, th, range: [box.XMin, box.XMax])),
            ("yaxis", ChartParts.Axis(grid.YTitle, th, range: [box.YMin, box.YMax])),
            ("legend", ChartParts.Obj(("font", ChartParts.Obj(("size", th.FontSize))), ("bgcolor", "rgba(255,255,255,0.7)"),
                ("x", 0.01), ("y", 0.99), ("xanchor", "left"), ("yanchor", "top"))));
        return ChartParts.NewChart(traces, layout);
    }

    internal static Trace ContourTrace(GridSample grid, bool logLevels, Theme th, bool showScale = true)
    {
        double min = grid.MinValue, max = grid.MaxValue;
        object z;
        Dictionary<string, object?> colorbar;
        object? text = null;
        string hover;
        if (logLevels && double.IsFinite(min))
        {
            double delta = max > min ? (max - min) * 1e-5 : 1.0;
            z = grid.Z.Select(r => ChartParts.Clean(r.Select(v => Math.Log10(v - min + delta)))).ToArray();
            int lo = (int)Math.Ceiling(Math.Log10(delta)), hi = (int)Math.Floor(Math.Log10(max - min + delta));
            var ticks = Enumerable.Range(lo, Math.Max(0, hi - lo + 1)).ToArray();
            colorbar = ChartParts.Obj(
                ("title", ChartParts.Obj(("text", "L − min L"), ("side", "right"))),
                ("tickvals", ticks.Select(k => (double)k).ToArray()),
                ("ticktext", ticks.Select(ChartParts.ScientificTick).ToArray()),
                ("tickfont", ChartParts.Obj(("size", th.FontSize))));
            text = grid.Z.Select(r => r.Select(v => v.ToString("G5", CultureInfo.InvariantCulture)).ToArray()).ToArray();
            hover = "(%{x:.4g}, %{y:.4g})<br>L = %{text}<extra></extra>";
        }
        else
        {
            z = ChartParts.Clean(grid.Z);
            colorbar = ChartParts.Obj(("title", ChartParts.Obj(("text", "L"), ("side", "right"))),
                ("tickfont", ChartParts.Obj(("size", th.FontSize))));
            hover = "(%{x:.4g}, %{y:.4g})<br>L = %{z:.5g}<extra></extra>";
        }
        return ChartParts.NewTrace("contour",
            ("name", grid.Name),
            ("x", grid.X.ToArray()),
            ("y", grid.Y.ToArray()),
            ("z", z),
            ("text", text),
            ("ncontours", 30),
            ("colorscale", "Viridis"),
            ("reversescale", false),
            ("showscale", showScale),
            ("showlegend", false),
            ("line", ChartParts.Obj(("width", 0.5), ("color", "rgba(255,255,255,0.5)"))),
            ("contours", ChartParts.Obj(("coloring", "heatmap"))),
            ("colorbar", colorbar),
            ("hovertemplate", hover));
    }

    internal static Trace MinimizerTrace(IReadOnlyList<(double X, double Y)> points, Theme th) =>
        ChartParts.NewTrace("scatter",
            ("name", "minimizer"),
            ("mode", "markers"),
            ("x", points.Select(p => p.X).ToArray()),
            ("y", points.Select(p => p.Y).ToArray()),
            ("marker", ChartParts.Obj(("symbol", "star"), ("size", th.MarkerSize * 2.5), ("color", "white"),
                ("line", ChartParts.Obj(("color", "black"), ("width", 1.5))))),
            ("hovertemplate", "minimizer (%{x:.4g}, %{y:.4g})<extra></extra>"));
}
