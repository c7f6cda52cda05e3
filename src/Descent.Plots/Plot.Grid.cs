using Plotly.NET;

namespace Descent.Plots;

public static partial class Plot
{
    /// <summary>
    /// Side-by-side subplots: the charts laid out row by row in <paramref name="columns"/> columns, each keeping its own
    /// axes (2-D), scene (3-D) or polar axes, colour bar and shapes, with a title above each cell.
    /// </summary>
    /// <param name="charts">Charts made by the builders here (animations cannot be placed in a grid).</param>
    /// <param name="columns">Cells per row, 1 … 6.</param>
    /// <param name="titles">One title per chart; null = each chart's own title.</param>
    /// <param name="title">Title over the whole grid.</param>
    /// <param name="theme">Fonts and sizes (the height is one theme height per row).</param>
    /// <returns>All traces of all charts, in order, re-anchored to axes x, x2, x3 … / scene, scene2 … / polar, polar2 ….</returns>
    public static GenericChart Grid(IReadOnlyList<GenericChart> charts, int columns = 2, IReadOnlyList<string>? titles = null,
        string? title = null, Theme? theme = null)
    {
        var list = ChartParts.CheckList(charts, nameof(charts));
        if (columns < 1 || columns > 6)
        {
            throw new ArgumentOutOfRangeException(nameof(columns), columns, "columns must be in [1, 6].");
        }

        if (titles is not null && titles.Count != list.Count)
        {
            throw new ArgumentException($"titles has {titles.Count} entries but there are {list.Count} charts; give one title per chart.", nameof(titles));
        }

        var th = Resolve(theme);
        int cols = Math.Min(columns, list.Count);
        int rows = (list.Count + cols - 1) / cols;
        // Gaps grow with the font so axis titles of one cell do not run into the ticks of the next (lecturer mode).
        double hGap = 0.05 + 0.004 * th.FontSize, vGap = 0.09 + 0.004 * th.FontSize;
        double cellW = (1 - hGap * (cols - 1)) / cols;
        double cellH = (1 - vGap * (rows - 1)) / rows;

        var traces = new List<Trace>();
        var layoutEntries = new List<(string, object?)>();
        var shapes = new List<object>();
        var annotations = new List<object>();
        var legendNames = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < list.Count; k++)
        {
            var sub = ChartParts.Props(GenericChart.getLayout(list[k]));
            if (sub.ContainsKey(ChartParts.FramesKey))
            {
                throw new ArgumentException($"chart {k} is an animation; animations cannot be placed in a grid.", nameof(charts));
            }

            int r = k / cols, c = k % cols;
            double x0 = c * (cellW + hGap), x1 = x0 + cellW;
            double y1 = 1 - r * (cellH + vGap), y0 = y1 - cellH;
            string n = k == 0 ? "" : (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var subTraces = GenericChart.getTraces(list[k]).Select(ChartParts.CopyTrace).ToList();
            bool hasScale = subTraces.Any(t => ChartParts.Props(t) is var p && p.TryGetValue("type", out var ty)
                && ty is "contour" or "surface" && !(p.TryGetValue("showscale", out var s) && s is false));
            double xEnd = hasScale ? x1 - Math.Min(0.08, cellW * 0.15) : x1;
            bool cartesian = false, polarCell = false;
            foreach (var t in subTraces)
            {
                var p = ChartParts.Props(t);
                string type = p.TryGetValue("type", out var ty) ? ty?.ToString() ?? "scatter" : "scatter";
                switch (type)
                {
                    case "surface" or "scatter3d": t.SetProperty("scene", "scene" + n); break;
                    case "scatterpolar" or "barpolar": t.SetProperty("subplot", "polar" + n); polarCell = true; break;
                    default: t.SetProperty("xaxis", "x" + n); t.SetProperty("yaxis", "y" + n); cartesian = true; break;
                }
                if (type is "contour" or "surface" && p.TryGetValue("colorbar", out var cb))
                {
                    var bar = ChartParts.CopyObj(cb);
                    bar["x"] = xEnd + 0.01;
                    bar["xanchor"] = "left";
                    bar["y"] = (y0 + y1) / 2;
                    bar["yanchor"] = "middle";
                    bar["len"] = cellH;
                    bar["thickness"] = 12;
                    t.SetProperty("colorbar", bar);
                }
                // A series that appears in several cells (same name) gets one legend entry that toggles all of them.
                if (p.GetValueOrDefault("name") is string name && !(p.GetValueOrDefault("showlegend") is false))
                {
                    if (p.GetValueOrDefault("legendgroup") is null)
                    {
                        t.SetProperty("legendgroup", name);
                    }

                    if (!legendNames.Add(name))
                    {
                        t.SetProperty("showlegend", false);
                    }
                }
                traces.Add(t);
            }
            if (cartesian)
            {
                var xa = ChartParts.CopyObj(sub.GetValueOrDefault("xaxis"));
                xa["domain"] = new[] { x0, xEnd };
                xa["anchor"] = "y" + n;
                var ya = ChartParts.CopyObj(sub.GetValueOrDefault("yaxis"));
                ya["domain"] = new[] { y0, y1 };
                ya["anchor"] = "x" + n;
                layoutEntries.Add(("xaxis" + n, xa));
                layoutEntries.Add(("yaxis" + n, ya));
            }
            if (sub.TryGetValue("scene", out var scene))
            {
                var sc = ChartParts.CopyObj(scene);
                sc["domain"] = ChartParts.Obj(("x", new[] { x0, xEnd }), ("y", new[] { y0, y1 }));
                layoutEntries.Add(("scene" + n, sc));
            }
            if (sub.TryGetValue("polar", out var polar))
            {
                var po = ChartParts.CopyObj(polar);
                po["domain"] = ChartParts.Obj(("x", new[] { x0, xEnd }), ("y", new[] { y0, y1 }));
                layoutEntries.Add(("polar" + n, po));
            }
            if (sub.TryGetValue("shapes", out var sh) && sh is System.Collections.IEnumerable shapeList)
            {
                foreach (var shape in shapeList)
                {
                    var s = ChartParts.CopyObj(shape);
                    foreach (var key in new[] { "xref", "yref" })
                    {
                        if (s.TryGetValue(key, out var refv) && refv is string rs && rs != "paper")
                        {
                            s[key] = key == "xref" ? rs.Replace("x", "x" + n) : rs.Replace("y", "y" + n); // "x" → "x2", "y domain" → "y2 domain"
                        }
                    }

                    shapes.Add(s);
                }
            }
            string? cellTitle = titles?[k] ?? (sub.GetValueOrDefault("title") is Dictionary<string, object?> td ? td.GetValueOrDefault("text") as string : null);
            if (!string.IsNullOrWhiteSpace(cellTitle))
            {
                annotations.Add(ChartParts.Obj(("text", cellTitle), ("x", (x0 + xEnd) / 2), ("y", y1 + (polarCell ? 0.05 : 0.01)), ("xref", "paper"), ("yref", "paper"),
                    ("xanchor", "center"), ("yanchor", "bottom"), ("showarrow", false), ("font", ChartParts.Obj(("size", th.FontSize + 2)))));
            }
        }
        int top = (string.IsNullOrWhiteSpace(title) ? 20 : 30 + th.TitleFontSize) + 2 * th.FontSize + 10;
        layoutEntries.Add(("margin", ChartParts.Obj(("l", 70), ("r", 30), ("t", top), ("b", 60))));
        layoutEntries.Add(("height", (int)Math.Round(th.Height * (rows == 1 ? 1.0 : 0.8 * rows))));
        if (shapes.Count > 0)
        {
            layoutEntries.Add(("shapes", shapes));
        }

        if (annotations.Count > 0)
        {
            layoutEntries.Add(("annotations", annotations));
        }

        var layout = ChartParts.NewLayout(th, title, layoutEntries.ToArray());
        return ChartParts.NewChart(traces, layout);
    }
}
