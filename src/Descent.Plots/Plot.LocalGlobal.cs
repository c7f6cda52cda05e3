using Descent.Experiments;
using Plotly.NET;

namespace Descent.Plots;

public static partial class Plot
{
    /// <summary>
    /// Chapter 07's 2-D loss slice (Goodfellow et al. 2015; Li et al. 2018): contour of the training loss on the plane
    /// (1 − α)θ₀ + αθ* + βd with SGD's projected path (◆ θ₀ at (0, 0) → ★ θ* at (1, 0)), and the surface beside it.
    /// </summary>
    /// <param name="slice">A result of <see cref="LossSlice"/>.</param>
    /// <param name="logLevels">Logarithmic contour levels (L − min L).</param>
    /// <param name="title">Title over both panels.</param>
    /// <param name="theme">Fonts and sizes.</param>
    /// <returns>Traces: [contour, projected path (axes x, y), surface (scene2)].</returns>
    public static GenericChart LossSlice(LossSliceResult slice, bool logLevels = true, string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var th = Resolve(theme);
        bool path = slice.Direction == SliceDirection.PathDeviation;
        var grid = new GridSample(slice.Alphas, slice.Betas, slice.Losses, "training loss", "α (θ₀ → θ*)",
            path ? "β (path's largest deviation)" : "β (filter-normalized d)");
        var sgd = new Trajectory("SGD path (projected)", slice.PathAlphas.Zip(slice.PathBetas).ToArray(), null, slice.Run.SnapshotSteps);
        var contour = Contour(grid, [sgd], logLevels, "contour", th, [(1.0, 0.0)]);
        var surface = Surface(grid, title: "surface", theme: th);
        return Grid([contour, surface], columns: 2, titles: ["contour and projected SGD path", "surface"],
            title: title ?? (path ? "Training loss on the plane through θ₀, θ* and the SGD path's widest detour"
                : "Training loss on the plane through θ₀, θ* and a random direction"), theme: th);
    }

    /// <summary>
    /// Basin map of gradient descent on the wrong-side-of-the-mountain surface: each start coloured by where it ended
    /// (global minimum, the worse local minimum, or still moving), with both minima marked and optional paths on top.
    /// </summary>
    /// <param name="map">A result of <see cref="BasinMap"/>.</param>
    /// <param name="paths">Trajectories to overlay (e.g. runs from the mountain's <c>Start</c>).</param>
    /// <param name="title">Chart title.</param>
    /// <param name="theme">Fonts and sizes.</param>
    /// <returns>Traces: [heatmap, minima, one per path…].</returns>
    public static GenericChart BasinMap(BasinMapResult map, IEnumerable<Trajectory>? paths = null, string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var th = Resolve(theme);
        var list = ChartParts.CheckList(paths ?? [], nameof(paths), allowEmpty: true);
        string[] colors = ["#2ca25f", "#de2d26", "#bdbdbd"];
        string[] names = ["global minimum", "local minimum (worse)", "still moving"];
        var text = map.Outcomes.Select((r, j) => r.Select((o, i) => $"{names[(int)o]} after {map.Steps[j][i]} steps").ToArray()).ToArray();
        var heatmap = ChartParts.NewTrace("heatmap",
            ("name", "outcome"),
            ("x", map.X),
            ("y", map.Y),
            ("z", map.OutcomeCodes),
            ("zmin", -0.5),
            ("zmax", 2.5),
            ("text", text),
            ("colorscale", new object[]
            {
                new object[] { 0.0, colors[0] }, new object[] { 1 / 3.0, colors[0] },
                new object[] { 1 / 3.0, colors[1] }, new object[] { 2 / 3.0, colors[1] },
                new object[] { 2 / 3.0, colors[2] }, new object[] { 1.0, colors[2] },
            }),
            ("colorbar", ChartParts.Obj(("tickvals", new[] { 0.0, 1.0, 2.0 }), ("ticktext", names), ("tickfont", ChartParts.Obj(("size", th.FontSize))))),
            ("showscale", true),
            ("hovertemplate", "start (%{x:.3g}, %{y:.3g})<br>%{text}<extra></extra>"));
        var traces = new List<Trace> { heatmap };
        var minima = new List<(double X, double Y)> { (map.Surface.GlobalMinimizer[0], map.Surface.GlobalMinimizer[1]) };
        if (map.Surface.LocalMinimizer is { } local)
        {
            minima.Add((local[0], local[1]));
        }

        traces.Add(MinimizerTrace(minima, th));
        for (int k = 0; k < list.Count; k++)
        {
            list[k].Validate(nameof(paths));
            traces.Add(PathTrace(list[k], th.Color(k + 2), th));
        }
        var layout = ChartParts.NewLayout(th, title ?? $"Where gradient descent ends (ε = {map.LearningRate:G3}): {map.SuccessRate:P0} reach the global minimum",
            ("xaxis", ChartParts.Axis("θ₁", th, range: [map.X[0], map.X[^1]])),
            ("yaxis", ChartParts.Axis("θ₂", th, range: [map.Y[0], map.Y[^1]])),
            ("legend", ChartParts.Obj(("font", ChartParts.Obj(("size", th.FontSize))), ("bgcolor", "rgba(255,255,255,0.7)"),
                ("x", 0.01), ("y", 0.99), ("xanchor", "left"), ("yanchor", "top"))));
        return ChartParts.NewChart(traces, layout);
    }
}
