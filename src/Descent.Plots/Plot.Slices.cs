using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;
using Plotly.NET;

namespace Descent.Plots;

public static partial class Plot
{
    /// <summary>
    /// 1-D landscape slices: loss against α along lines θ + αd (Goodfellow et al. 2015 interpolation: θ₀ at α = 0, θ* at α = 1),
    /// with a dashed line at α = 0.
    /// </summary>
    /// <param name="slices">Each series has X = α and Y = L(θ + αd) (e.g. from <see cref="Landscape.Line"/>).</param>
    /// <param name="logY">Logarithmic loss axis.</param>
    /// <param name="xTitle">x-axis title.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="theme">Fonts and sizes.</param>
    /// <returns>One line trace per slice.</returns>
    public static GenericChart Slice1D(IEnumerable<Series> slices, bool logY = false, string xTitle = "α", string? title = null, Theme? theme = null)
    {
        var list = ChartParts.CheckList(slices, nameof(slices));
        foreach (var s in list)
        {
            s.Validate(nameof(slices));
            if (s.X is null)
            {
                throw new ArgumentException($"slice '{s.Name}' has no X; give the α values as X.", nameof(slices));
            }
        }
        var th = Resolve(theme);
        var traces = list.Select((s, k) => CurveTrace(s, th.Color(k), th)).ToList();
        var layout = ChartParts.NewLayout(th, title,
            ("xaxis", ChartParts.Axis(xTitle, th)),
            ("yaxis", ChartParts.Axis("loss", th, log: logY)),
            ("shapes", new object[] { ZeroLine("x") }));
        return ChartParts.NewChart(traces, layout);
    }

    /// <summary>L(θ + αd) for α in [from, to]: samples the line with <see cref="Landscape.Line"/> and draws it.</summary>
    public static GenericChart Slice1D(Objective objective, Vector<double> theta, Vector<double> direction,
        double from = -1.0, double to = 1.0, int count = 101, bool logY = false, string? title = null, Theme? theme = null) =>
        Slice1D([Landscape.Line(objective, theta, direction, from, to, count)], logY, "α", title ?? objective?.Name, theme);

    /// <summary>
    /// 2-D landscape slice L(θ + αd₁ + βd₂): a contour map and a 3-D surface side by side.
    /// </summary>
    /// <param name="plane">Sampled plane, e.g. from <see cref="Landscape.Plane"/>.</param>
    /// <param name="logLevels">Logarithmic contour levels.</param>
    /// <param name="title">Title over both panels.</param>
    /// <param name="theme">Fonts and sizes.</param>
    /// <returns>Traces: [contour (axes x, y), surface (scene2)].</returns>
    public static GenericChart Slice2D(GridSample plane, bool logLevels = false, string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(plane);
        plane.Validate(nameof(plane));
        var th = Resolve(theme);
        var contour = Contour(plane, logLevels: logLevels, title: "contour", theme: th);
        var surface = Surface(plane, title: "surface", theme: th);
        return Grid([contour, surface], columns: 2, titles: ["contour", "surface"], title: title ?? plane.Name, theme: th);
    }

    /// <summary>Samples L(θ + αd₁ + βd₂) over [−extent, extent]² (<see cref="Landscape.Plane"/>) and draws <see cref="Slice2D(GridSample, bool, string?, Theme?)"/>.</summary>
    public static GenericChart Slice2D(Objective objective, Vector<double> theta, Vector<double> direction1, Vector<double> direction2,
        double extent = 1.0, int resolution = 41, bool logLevels = false, string? title = null, Theme? theme = null) =>
        Slice2D(Landscape.Plane(objective, theta, direction1, direction2, PlotBox.Square(extent), resolution), logLevels, title, theme);
}
