using Plotly.NET;

namespace Descent.Plots;

public static partial class Plot
{
    /// <summary>
    /// Eigenvalue spectrum as a stem plot: λᵢ against its index i = 1 … n, in the order given (sort first for a ranked
    /// spectrum). A dashed line marks λ = 0, so negative curvature (a saddle) stands out.
    /// </summary>
    /// <returns>Traces: [stems (lines from 0 to λᵢ, omitted when <paramref name="logY"/>), markers (x = i, y = λᵢ)].</returns>
    public static GenericChart Spectrum(IReadOnlyList<double> eigenvalues, string name = "λ", bool logY = false,
        string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(eigenvalues);
        return Spectra([new Series(name, eigenvalues)], logY, title, theme);
    }

    /// <summary>Several spectra on one chart (e.g. the Hessian at initialization and after training): per spectrum a stem
    /// trace (unless <paramref name="logY"/>) and a marker trace with x = 1 … n.</summary>
    public static GenericChart Spectra(IEnumerable<Series> spectra, bool logY = false, string? title = null, Theme? theme = null)
    {
        var list = ChartParts.CheckList(spectra, nameof(spectra));
        foreach (var s in list)
        {
            s.Validate(nameof(spectra));
        }

        var th = Resolve(theme);
        var traces = new List<Trace>();
        for (int k = 0; k < list.Count; k++)
        {
            var s = list[k];
            string color = th.Color(k);
            var index = Enumerable.Range(1, s.Count).Select(i => (double)i).ToArray();
            if (!logY)
            {
                var sx = new List<double?>();
                var sy = new List<double?>();
                for (int i = 0; i < s.Count; i++)
                {
                    if (!double.IsFinite(s.Y[i]))
                    {
                        continue;
                    }

                    sx.AddRange([index[i], index[i], null]);
                    sy.AddRange([0.0, s.Y[i], null]);
                }
                traces.Add(ChartParts.NewTrace("scatter",
                    ("name", s.Name + " stems"), ("legendgroup", s.Name), ("showlegend", false), ("mode", "lines"),
                    ("x", sx.ToArray()), ("y", sy.ToArray()), ("hoverinfo", "skip"),
                    ("line", ChartParts.Obj(("color", color), ("width", Math.Max(1.0, th.LineWidth / 2))))));
            }
            traces.Add(ChartParts.NewTrace("scatter",
                ("name", s.Name), ("legendgroup", s.Name), ("mode", "markers"),
                ("x", index), ("y", ChartParts.Clean(s.Y)),
                ("marker", ChartParts.Obj(("color", color), ("size", th.MarkerSize * 1.2))),
                ("hovertemplate", "%{fullData.name}<br>i = %{x}<br>λ = %{y:.6g}<extra></extra>")));
        }
        var layout = ChartParts.NewLayout(th, title,
            ("xaxis", ChartParts.Axis("index i", th)),
            ("yaxis", ChartParts.Axis(logY ? "λᵢ (log)" : "λᵢ", th, log: logY)),
            ("shapes", logY ? null : new object[] { ZeroLine("y") }));
        return ChartParts.NewChart(traces, layout);
    }

    /// <summary>Spectral densities ρ(λ) as lines (e.g. from stochastic Lanczos quadrature or a histogram of eigenvalues):
    /// each series carries X = λ grid and Y = density.</summary>
    /// <returns>One line trace per density, filled to zero.</returns>
    public static GenericChart SpectralDensity(IEnumerable<Series> densities, bool logY = false, string? title = null, Theme? theme = null)
    {
        var list = ChartParts.CheckList(densities, nameof(densities));
        foreach (var s in list)
        {
            s.Validate(nameof(densities));
            if (s.X is null)
            {
                throw new ArgumentException($"density '{s.Name}' has no X (the λ grid); give X = λ values.", nameof(densities));
            }
        }
        var th = Resolve(theme);
        var traces = list.Select((s, k) =>
        {
            var t = CurveTrace(s, th.Color(k), th);
            t.SetProperty("fill", logY ? "none" : "tozeroy");
            t.SetProperty("opacity", 0.85);
            return t;
        }).ToList();
        var layout = ChartParts.NewLayout(th, title,
            ("xaxis", ChartParts.Axis("λ", th)),
            ("yaxis", ChartParts.Axis("density ρ(λ)", th, log: logY)));
        return ChartParts.NewChart(traces, layout);
    }

    /// <summary>A density on a λ grid (shortcut for <see cref="SpectralDensity(IEnumerable{Series}, bool, string?, Theme?)"/>).</summary>
    public static GenericChart SpectralDensity(IReadOnlyList<double> lambda, IReadOnlyList<double> density, string name = "ρ(λ)",
        bool logY = false, string? title = null, Theme? theme = null) =>
        SpectralDensity([new Series(name, density ?? throw new ArgumentNullException(nameof(density)), lambda ?? throw new ArgumentNullException(nameof(lambda)))],
            logY, title, theme);

    /// <summary>Histogram of a sample (binned by plotly.js into about <paramref name="bins"/> bins), e.g. eigenvalues or gradient entries.</summary>
    /// <returns>One histogram trace whose x is the sample (non-finite values dropped).</returns>
    public static GenericChart Histogram(IReadOnlyList<double> values, int bins = 50, string name = "values", string xTitle = "value",
        bool logY = false, string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Histograms([new Series(name, values)], bins, xTitle, logY, title, theme);
    }

    /// <summary>Overlaid histograms of several samples (each series' Y is a sample), semi-transparent.</summary>
    public static GenericChart Histograms(IEnumerable<Series> samples, int bins = 50, string xTitle = "value", bool logY = false,
        string? title = null, Theme? theme = null)
    {
        var list = ChartParts.CheckList(samples, nameof(samples));
        foreach (var s in list)
        {
            s.Validate(nameof(samples));
        }

        if (bins < 1 || bins > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(bins), bins, "bins must be in [1, 10000].");
        }

        var th = Resolve(theme);
        var traces = list.Select((s, k) => ChartParts.NewTrace("histogram",
            ("name", s.Name),
            ("x", s.Y.Where(double.IsFinite).ToArray()),
            ("nbinsx", bins),
            ("opacity", list.Count > 1 ? 0.6 : 0.85),
            ("marker", ChartParts.Obj(("color", th.Color(k)), ("line", ChartParts.Obj(("color", "white"), ("width", 0.5))))))).ToList();
        var layout = ChartParts.NewLayout(th, title,
            ("xaxis", ChartParts.Axis(xTitle, th)),
            ("yaxis", ChartParts.Axis("count", th, log: logY)),
            ("barmode", "overlay"),
            ("bargap", 0.02));
        return ChartParts.NewChart(traces, layout);
    }

    /// <summary>A dashed reference line at 0 across the plot: y = 0 when <paramref name="axis"/> is "y", x = 0 when "x".</summary>
    internal static Dictionary<string, object?> ZeroLine(string axis) => axis == "y"
        ? ChartParts.Obj(("type", "line"), ("xref", "x domain"), ("yref", "y"), ("x0", 0.0), ("x1", 1.0), ("y0", 0.0), ("y1", 0.0),
            ("line", ChartParts.Obj(("color", "#888"), ("width", 1), ("dash", "dash"))))
        : ChartParts.Obj(("type", "line"), ("xref", "x"), ("yref", "y domain"), ("x0", 0.0), ("x1", 0.0), ("y0", 0.0), ("y1", 1.0),
            ("line", ChartParts.Obj(("color", "#888"), ("width", 1), ("dash", "dash"))));
}
