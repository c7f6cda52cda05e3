using Plotly.NET;

namespace Descent.Plots;

public static partial class Plot
{
    /// <summary>
    /// Polar chart of a quantity over directions, e.g. the directional curvature dᵀHd for d = (cos φ, sin φ), which equals
    /// λ₁cos²(φ − φ₁) + λ₂sin²(φ − φ₁). Angles are in radians (drawn in degrees); the radius is the value, so a negative
    /// curvature lies inside the radial axis' zero.
    /// </summary>
    /// <returns>One closed scatterpolar trace (θ in degrees = angle·180/π, r = value).</returns>
    public static GenericChart Polar(IReadOnlyList<double> anglesRadians, IReadOnlyList<double> values, string name = "dᵀHd",
        string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(anglesRadians);
        ArgumentNullException.ThrowIfNull(values);
        return Polar([new Series(name, values, anglesRadians)], title, theme);
    }

    /// <summary>Several curves over directions on one polar chart; each series has X = angles in radians, Y = values.</summary>
    public static GenericChart Polar(IEnumerable<Series> curves, string? title = null, Theme? theme = null)
    {
        var list = ChartParts.CheckList(curves, nameof(curves));
        foreach (var s in list)
        {
            s.Validate(nameof(curves));
            if (s.X is null)
            {
                throw new ArgumentException($"curve '{s.Name}' has no X; give the angles in radians as X.", nameof(curves));
            }
        }
        var th = Resolve(theme);
        var traces = list.Select((s, k) => ChartParts.NewTrace("scatterpolar",
            ("name", s.Name),
            ("mode", "lines"),
            ("theta", ChartParts.Clean(s.X!.Select(a => a * 180.0 / Math.PI))),
            ("r", ChartParts.Clean(s.Y)),
            ("line", ChartParts.Obj(("color", th.Color(k)), ("width", th.LineWidth))),
            ("hovertemplate", "%{fullData.name}<br>φ = %{theta:.1f}°<br>%{r:.5g}<extra></extra>"))).ToList();
        var layout = ChartParts.NewLayout(th, title,
            ("polar", ChartParts.Obj(
                ("radialaxis", ChartParts.Obj(("tickfont", ChartParts.Obj(("size", th.FontSize - 1))), ("gridcolor", "#ddd"))),
                ("angularaxis", ChartParts.Obj(("tickfont", ChartParts.Obj(("size", th.FontSize - 1))), ("direction", "counterclockwise"), ("gridcolor", "#ddd"))))));
        return ChartParts.NewChart(traces, layout);
    }
}
