using Plotly.NET;

namespace Descent.Plots;

/// <summary>
/// Small helpers that assemble plotly.js JSON objects (traces, layouts, axes) with plotly.js attribute names.
/// Traces are Plotly.NET <see cref="Trace"/> objects and layouts Plotly.NET <see cref="Layout"/> objects, so the result is
/// an ordinary <see cref="GenericChart"/>; nested attributes are plain dictionaries.
/// </summary>
internal static class ChartParts
{
    /// <summary>Layout key under which animation frames travel inside a <see cref="GenericChart"/> (Plotly.NET 6 charts carry no frames);
    /// <see cref="ChartJson"/> lifts them to the figure's top-level "frames". plotly.js ignores the key if it sees it.</summary>
    internal const string FramesKey = "descentFrames";

    internal static Dictionary<string, object?> Obj(params (string Key, object? Value)[] entries)
    {
        var d = new Dictionary<string, object?>(entries.Length);
        foreach (var (k, v) in entries)
        {
            d[k] = v;
        }

        return d;
    }

    /// <summary>Values as a JSON array with every non-finite entry replaced by null (a gap in plotly.js).</summary>
    internal static double?[] Clean(IEnumerable<double> values) =>
        values.Select(v => double.IsFinite(v) ? v : (double?)null).ToArray();

    internal static double?[][] Clean(double[][] rows) => rows.Select(r => Clean(r)).ToArray();

    internal static Trace NewTrace(string type, params (string Key, object? Value)[] entries)
    {
        Trace t = type switch
        {
            "surface" or "scatter3d" => new Trace3D(type),
            "scatterpolar" or "barpolar" => new TracePolar(type),
            _ => new Trace2D(type),
        };
        foreach (var (k, v) in entries)
        {
            if (v is not null)
            {
                t.SetProperty(k, v);
            }
        }

        return t;
    }

    internal static Dictionary<string, object?> Axis(string title, Theme theme, bool log = false, double[]? range = null)
    {
        var axis = Obj(
            ("title", Obj(("text", title), ("font", Obj(("size", theme.FontSize + 1))))),
            ("tickfont", Obj(("size", theme.FontSize))),
            ("gridcolor", "#e5e5e5"),
            ("zerolinecolor", "#bdbdbd"),
            ("linecolor", "#444"),
            ("showline", true),
            ("mirror", true),
            ("ticks", "outside"));
        if (log)
        {
            axis["type"] = "log";
        }

        if (range is not null)
        {
            axis["range"] = range;
        }

        return axis;
    }

    internal static Layout NewLayout(Theme theme, string? title, params (string Key, object? Value)[] entries)
    {
        var layout = new Layout();
        if (!string.IsNullOrWhiteSpace(title))
        {
            layout.SetProperty("title", Obj(("text", title), ("x", 0.5), ("xanchor", "center"), ("font", Obj(("size", theme.TitleFontSize)))));
        }

        layout.SetProperty("font", Obj(("family", theme.FontFamily), ("size", theme.FontSize), ("color", "#222")));
        layout.SetProperty("height", theme.Height);
        layout.SetProperty("colorway", theme.Colors.ToArray());
        layout.SetProperty("paper_bgcolor", "white");
        layout.SetProperty("plot_bgcolor", "white");
        layout.SetProperty("margin", Obj(("l", 70), ("r", 30), ("t", string.IsNullOrWhiteSpace(title) ? 30 : 40 + theme.TitleFontSize), ("b", 60)));
        layout.SetProperty("legend", Obj(("font", Obj(("size", theme.FontSize))), ("bgcolor", "rgba(255,255,255,0.7)")));
        foreach (var (k, v) in entries)
        {
            if (v is not null)
            {
                layout.SetProperty(k, v);
            }
        }

        return layout;
    }

    internal static GenericChart NewChart(IEnumerable<Trace> traces, Layout layout)
    {
        var chart = GenericChart.ofTraceObjects(false, traces.ToList());
        return GenericChart.setLayout(layout, chart);
    }

    internal static IReadOnlyList<T> CheckList<T>(IEnumerable<T>? items, string paramName, bool allowEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(items, paramName);
        var list = items.ToList();
        if (!allowEmpty && list.Count == 0)
        {
            throw new ArgumentException($"{paramName} is empty; give at least one item.", paramName);
        }

        if (list.Any(x => x is null))
        {
            throw new ArgumentException($"{paramName} contains a null item.", paramName);
        }

        return list;
    }

    internal static string ScientificTick(int exponent) => exponent switch
    {
        0 => "1",
        1 => "10",
        _ => $"1e{exponent}",
    };

    /// <summary>The properties of a Plotly.NET object (trace, layout) by name, including the trace "type" (an instance property).</summary>
    internal static Dictionary<string, object?> Props(DynamicObj.DynamicObj o) =>
        o.GetProperties(true).ToDictionary(kv => kv.Key, kv => (object?)kv.Value);

    /// <summary>A new trace of the same plotly type carrying the same properties (nested objects shared, not copied).</summary>
    internal static Trace CopyTrace(Trace t)
    {
        var props = Props(t);
        string type = props.TryGetValue("type", out var ty) && ty is not null ? ty.ToString()! : "scatter";
        var copy = NewTrace(type);
        foreach (var (k, v) in props)
        {
            if (k != "type" && v is not null)
            {
                copy.SetProperty(k, v);
            }
        }

        return copy;
    }

    /// <summary>A shallow copy of a nested attribute object stored as a dictionary (or an empty one).</summary>
    internal static Dictionary<string, object?> CopyObj(object? o) => o switch
    {
        Dictionary<string, object?> d => new Dictionary<string, object?>(d),
        DynamicObj.DynamicObj dyn => Props(dyn),
        _ => new Dictionary<string, object?>(),
    };
}
