using Descent.Curvature;
using Descent.Functions;
using Descent.Optimization;
using Plotly.NET;

namespace Descent.Plots;

public static partial class Plot
{
    /// <summary>Contour of a 2-D objective with the recorded iterates of training runs on top (legend: each run's optimizer,
    /// or <paramref name="names"/>).</summary>
    public static GenericChart Contour(Objective objective, IEnumerable<TrainingResult> runs, IReadOnlyList<string>? names = null,
        PlotBox? box = null, bool logLevels = false, int resolution = 101, string? title = null, Theme? theme = null) =>
        Contour(objective, ToTrajectories(runs, names, nameof(runs)), box, logLevels, resolution, title, theme);

    /// <summary>Surface of a 2-D objective with training runs drawn on it at height L(θₖ).</summary>
    public static GenericChart Surface(Objective objective, IEnumerable<TrainingResult> runs, IReadOnlyList<string>? names = null,
        PlotBox? box = null, int resolution = 61, string? title = null, Theme? theme = null) =>
        Surface(objective, ToTrajectories(runs, names, nameof(runs)), box, resolution, title, theme);

    /// <summary>Loss L(θₖ) against step k for several runs (log y axis by default).</summary>
    public static GenericChart Losses(IEnumerable<TrainingResult> runs, IReadOnlyList<string>? names = null, bool logY = true,
        string? title = null, Theme? theme = null)
    {
        var list = ChartParts.CheckList(runs, nameof(runs));
        var labels = Names(list, names, nameof(names));
        return Curves(list.Select((r, k) => new Series(labels[k], r.Losses)), "step", "L(θ)", logY, false, title, theme);
    }

    /// <summary>Gradient norm ‖∇L(θₖ)‖ against step k for several runs (log y axis by default).</summary>
    public static GenericChart GradientNorms(IEnumerable<TrainingResult> runs, IReadOnlyList<string>? names = null, bool logY = true,
        string? title = null, Theme? theme = null)
    {
        var list = ChartParts.CheckList(runs, nameof(runs));
        var labels = Names(list, names, nameof(names));
        return Curves(list.Select((r, k) => new Series(labels[k], r.GradientNorms)), "step", "‖∇L(θ)‖", logY, false, title, theme);
    }

    /// <summary>Loss and gradient norm side by side for one or more runs; with <see cref="TrainingOptions.RecordCurvature"/>
    /// a third panel shows gᵀHg (chapter 01: ‖g‖ need not shrink while gᵀHg grows).</summary>
    public static GenericChart TrainingCurves(IEnumerable<TrainingResult> runs, IReadOnlyList<string>? names = null, bool logY = true,
        string? title = null, Theme? theme = null)
    {
        var list = ChartParts.CheckList(runs, nameof(runs));
        var labels = Names(list, names, nameof(names));
        var th = Resolve(theme);
        var charts = new List<GenericChart>
        {
            Curves(list.Select((r, k) => new Series(labels[k], r.Losses)), "step", "L(θ)", logY, theme: th),
            Curves(list.Select((r, k) => new Series(labels[k], r.GradientNorms)), "step", "‖∇L(θ)‖", logY, theme: th),
        };
        var titles = new List<string> { "loss", "gradient norm" };
        if (list.All(r => r.Curvatures is not null))
        {
            charts.Add(Curves(list.Select((r, k) => new Series(labels[k], r.Curvatures!)), "step", "gᵀHg", false, theme: th));
            titles.Add("curvature along the gradient");
        }
        return Grid(charts, columns: charts.Count, titles: titles, title: title, theme: th);
    }

    /// <summary>Learning-rate (or other parameter) slider over precomputed runs on a 2-D objective.</summary>
    public static GenericChart AnimateTrajectories(Objective objective, IReadOnlyList<TrainingResult> runs,
        IReadOnlyList<double>? parameterValues = null, string parameterName = "learning rate", bool logLevels = false,
        PlotBox? box = null, int frameMilliseconds = 700, string? title = null, Theme? theme = null) =>
        AnimateTrajectories(objective, ToTrajectories(runs, null, nameof(runs)), parameterValues, parameterName, logLevels, box,
            frameMilliseconds, title, theme);

    /// <summary>Step slider replaying one training run on a 2-D objective.</summary>
    public static GenericChart AnimateRun(Objective objective, TrainingResult run, int frames = 50, bool logLevels = false,
        PlotBox? box = null, int frameMilliseconds = 150, string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        return AnimateRun(objective, Trajectory.From(run), frames, logLevels, box, frameMilliseconds, title, theme);
    }

    /// <summary>Eigenvalues λ₁ ≤ … ≤ λₙ of a Hessian as a stem plot (x = i).</summary>
    public static GenericChart Spectrum(Curvature.Spectrum spectrum, string name = "λ", string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        return Spectrum(spectrum.Eigenvalues, name, false, title, theme);
    }

    /// <summary>An estimated spectral density (stochastic Lanczos quadrature): ρ on its λ grid.</summary>
    public static GenericChart SpectralDensity(Curvature.SpectralDensity density, string name = "ρ(λ)", bool logY = false,
        string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(density);
        return SpectralDensity(density.Grid, density.Density, name, logY, title, theme);
    }

    /// <summary>Directional curvature c(φ) = dᵀHd over the circle of directions d = (cos φ, sin φ), from a sweep.</summary>
    public static GenericChart Polar(CurvatureSweep sweep, string name = "dᵀHd", string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return Polar(sweep.Angles, sweep.Curvatures, name, title, theme);
    }

    /// <summary>
    /// Change of the loss after a gradient step of size ε: actual L(θ − εg) − L(θ), the second-order prediction
    /// −εgᵀg + ½ε²gᵀHg and the first-order term −εgᵀg, with dashed lines at ε* = gᵀg/gᵀHg and at 2ε* (beyond which
    /// the quadratic model predicts an increase) when gᵀHg &gt; 0.
    /// </summary>
    /// <returns>Traces: [actual, second-order prediction, first-order term]; shapes: y = 0 and the ε lines.</returns>
    public static GenericChart Taylor(TaylorSweep sweep, string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var th = Resolve(theme);
        var eps = sweep.Epsilons;
        var chart = Curves(
        [
            new Series("actual L(θ − εg) − L(θ)", sweep.Actual, eps),
            new Series("prediction −εgᵀg + ½ε²gᵀHg", sweep.Predicted, eps),
            new Series("first order −εgᵀg", sweep.Steps.Select(s => s.LinearTerm).ToArray(), eps),
        ], "step size ε", "change of loss", title: title, theme: th);
        var shapes = new List<object> { ZeroLine("y") };
        foreach (var (x, dash) in new[] { (sweep.OptimalStep, "dash"), (sweep.HarmfulThreshold, "dot") })
        {
            if (double.IsFinite(x))
            {
                shapes.Add(ChartParts.Obj(("type", "line"), ("xref", "x"), ("yref", "y domain"), ("x0", x), ("x1", x), ("y0", 0.0), ("y1", 1.0),
                    ("line", ChartParts.Obj(("color", "#555"), ("width", 1.5), ("dash", dash)))));
            }
        }

        var layout = GenericChart.getLayout(chart);
        layout.SetProperty("shapes", shapes);
        layout.SetProperty("hovermode", "closest");
        return chart;
    }

    private static IReadOnlyList<Trajectory> ToTrajectories(IEnumerable<TrainingResult> runs, IReadOnlyList<string>? names, string paramName)
    {
        var list = ChartParts.CheckList(runs, paramName);
        var labels = Names(list, names, nameof(names));
        return list.Select((r, k) => Trajectory.From(r, labels[k])).ToList();
    }

    private static IReadOnlyList<string> Names(IReadOnlyList<TrainingResult> runs, IReadOnlyList<string>? names, string paramName)
    {
        if (names is null)
        {
            return runs.Select(r => r.Optimizer).ToList();
        }

        if (names.Count != runs.Count)
        {
            throw new ArgumentException($"names has {names.Count} entries but there are {runs.Count} runs; give one name per run.", paramName);
        }

        return names;
    }
}
