using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;
using Plotly.NET;

namespace Descent.Plots;

public static partial class Plot
{
    /// <summary>
    /// 3-D surface z = L(θ₁, θ₂) of a 2-D objective over its plot box (or <paramref name="box"/>), with paths drawn on the
    /// surface at height L(θ) (computed from the objective when a trajectory carries no loss).
    /// </summary>
    /// <returns>Traces: [surface, one scatter3d per path…].</returns>
    public static GenericChart Surface(Objective objective, IEnumerable<Trajectory>? paths = null, PlotBox? box = null,
        int resolution = 61, string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var grid = Landscape.Sample(objective, box, resolution);
        var list = ChartParts.CheckList(paths ?? [], nameof(paths), allowEmpty: true);
        var theta = Vector<double>.Build.Dense(2);
        var lifted = list.Select(p =>
        {
            p.Validate(nameof(paths));
            if (p.Loss is not null)
            {
                return p;
            }

            var loss = p.Points.Select(q =>
            {
                if (!double.IsFinite(q.X) || !double.IsFinite(q.Y))
                {
                    return double.NaN;
                }

                theta[0] = q.X;
                theta[1] = q.Y;
                return objective.Value(theta);
            }).ToArray();
            return p with { Loss = loss };
        }).ToList();
        return Surface(grid, lifted, title ?? objective.Name, theme);
    }

    /// <summary>3-D surface of sampled values with paths on it; every path must carry its <see cref="Trajectory.Loss"/> (the height).</summary>
    public static GenericChart Surface(GridSample grid, IEnumerable<Trajectory>? paths = null, string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        grid.Validate(nameof(grid));
        var th = Resolve(theme);
        var list = ChartParts.CheckList(paths ?? [], nameof(paths), allowEmpty: true);
        var traces = new List<Trace> { SurfaceTrace(grid, th) };
        for (int k = 0; k < list.Count; k++)
        {
            var p = list[k];
            p.Validate(nameof(paths));
            if (p.Loss is null)
            {
                throw new ArgumentException($"path '{p.Name}' has no Loss values; a path on a sampled surface needs L at each point (use Trajectory.From(name, thetas, objective)).", nameof(paths));
            }

            traces.Add(Path3DTrace(p, th.Color(k + 1), th));
        }
        var layout = ChartParts.NewLayout(th, title ?? grid.Name, ("scene", Scene(grid.XTitle, grid.YTitle, "L", th)));
        return ChartParts.NewChart(traces, layout);
    }

    internal static Trace SurfaceTrace(GridSample grid, Theme th, bool showScale = true) =>
        ChartParts.NewTrace("surface",
            ("name", grid.Name),
            ("x", grid.X.ToArray()),
            ("y", grid.Y.ToArray()),
            ("z", ChartParts.Clean(grid.Z)),
            ("colorscale", "Viridis"),
            ("opacity", 0.92),
            ("showscale", showScale),
            ("colorbar", ChartParts.Obj(("title", ChartParts.Obj(("text", "L"))), ("tickfont", ChartParts.Obj(("size", th.FontSize))))),
            ("contours", ChartParts.Obj(("z", ChartParts.Obj(("show", true), ("usecolormap", true), ("project", ChartParts.Obj(("z", true))))))),
            ("hovertemplate", "(%{x:.4g}, %{y:.4g})<br>L = %{z:.5g}<extra></extra>"));

    internal static Trace Path3DTrace(Trajectory p, string color, Theme th)
    {
        int n = p.Points.Count;
        var sizes = Enumerable.Repeat(n > 200 ? 0.0 : th.MarkerSize * 0.5, n).ToArray();
        sizes[0] = th.MarkerSize * 1.3;
        sizes[^1] = th.MarkerSize * 1.3;
        return ChartParts.NewTrace("scatter3d",
            ("name", p.Name),
            ("mode", "lines+markers"),
            ("x", ChartParts.Clean(p.Points.Select(q => q.X))),
            ("y", ChartParts.Clean(p.Points.Select(q => q.Y))),
            ("z", ChartParts.Clean(p.Loss!)),
            ("customdata", Enumerable.Range(0, n).Select(p.StepOf).ToArray()),
            ("line", ChartParts.Obj(("color", color), ("width", th.LineWidth * 2))),
            ("marker", ChartParts.Obj(("color", color), ("size", sizes))),
            ("hovertemplate", "%{fullData.name}<br>step %{customdata}<br>(%{x:.4g}, %{y:.4g})<br>L = %{z:.5g}<extra></extra>"));
    }

    internal static Dictionary<string, object?> Scene(string xTitle, string yTitle, string zTitle, Theme th) =>
        ChartParts.Obj(
            ("xaxis", ChartParts.Obj(("title", ChartParts.Obj(("text", xTitle))), ("tickfont", ChartParts.Obj(("size", th.FontSize - 2))))),
            ("yaxis", ChartParts.Obj(("title", ChartParts.Obj(("text", yTitle))), ("tickfont", ChartParts.Obj(("size", th.FontSize - 2))))),
            ("zaxis", ChartParts.Obj(("title", ChartParts.Obj(("text", zTitle))), ("tickfont", ChartParts.Obj(("size", th.FontSize - 2))))),
            ("aspectmode", "manual"),
            ("aspectratio", ChartParts.Obj(("x", 1.0), ("y", 1.0), ("z", 0.7))),
            ("camera", ChartParts.Obj(("eye", ChartParts.Obj(("x", 1.5), ("y", -1.5), ("z", 1.0))))));
}
