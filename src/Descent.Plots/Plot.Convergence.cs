using Descent.Experiments;
using Plotly.NET;

namespace Descent.Plots;

public static partial class Plot
{
    /// <summary>
    /// Measured curves (solid) against their bounds or predictions (dashed, same colour as the measured curve with the same index):
    /// the picture of every convergence theorem in chapter 08. Extra bounds beyond the measured count get their own colours.
    /// </summary>
    /// <param name="measured">The measured curves.</param>
    /// <param name="bounds">The bounds / predictions; bound k is drawn in the colour of measured curve k.</param>
    /// <param name="xTitle">x-axis title.</param>
    /// <param name="yTitle">y-axis title.</param>
    /// <param name="logX">Logarithmic x axis.</param>
    /// <param name="logY">Logarithmic y axis (values ≤ 0 are not drawn).</param>
    /// <param name="title">Chart title.</param>
    /// <param name="theme">Fonts and sizes.</param>
    /// <param name="pairColors">True: bound k takes the colour of measured curve k; false: the bounds take the colours after the measured ones.</param>
    /// <param name="boundColors">Explicit colour index (into the theme's palette) of each bound; overrides <paramref name="pairColors"/>.</param>
    /// <returns>Traces: the measured curves in order, then the bounds in order.</returns>
    public static GenericChart BoundCurves(IEnumerable<Series> measured, IEnumerable<Series> bounds, string xTitle = "N", string yTitle = "value",
        bool logX = true, bool logY = true, string? title = null, Theme? theme = null, bool pairColors = true, IReadOnlyList<int>? boundColors = null)
    {
        var m = ChartParts.CheckList(measured, nameof(measured));
        var b = ChartParts.CheckList(bounds, nameof(bounds), allowEmpty: true);
        if (boundColors is not null && (boundColors.Count != b.Count || boundColors.Any(i => i < 0)))
        {
            throw new ArgumentException($"boundColors must give one colour index ≥ 0 per bound ({b.Count}).", nameof(boundColors));
        }

        foreach (var s in m)
        {
            s.Validate(nameof(measured));
        }

        foreach (var s in b)
        {
            s.Validate(nameof(bounds));
        }

        var th = Resolve(theme);
        var traces = m.Select((s, k) => CurveTrace(s, th.Color(k), th)).ToList();
        traces.AddRange(b.Select((s, k) =>
            ChartParts.NewTrace("scatter",
                ("name", s.Name),
                ("mode", "lines"),
                ("x", ChartParts.Clean(s.XOrSteps)),
                ("y", ChartParts.Clean(s.Y)),
                ("line", ChartParts.Obj(("color", th.Color(boundColors?[k] ?? (pairColors ? k : m.Count + k))), ("width", th.LineWidth), ("dash", "dash"))))));
        var layout = ChartParts.NewLayout(th, title,
            ("xaxis", ChartParts.Axis(xTitle, th, log: logX)),
            ("yaxis", ChartParts.Axis(yTitle, th, log: logY)),
            ("hovermode", "x unified"));
        return ChartParts.NewChart(traces, layout);
    }

    /// <summary>L(θₖ) − min L against k for each learning rate of <see cref="StepSizeThreshold"/> (log y).</summary>
    public static GenericChart StepSizes(StepSizeThresholdResult result, string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        double min = result.Objective.MinimumValue;
        return Curves(result.Runs.Select((r, k) => new Series(result.Names[k], r.Losses.Select(l => l - min).ToArray())),
            "step k", "L(θₖ) − min L", logY: true, title: title ?? "α < 2/M: monotone; α > 2/M: not", theme: theme);
    }

    /// <summary>min_{n ≤ N}‖∇L‖ (solid) against Yarotsky's bound c^{−1/2}N^{−1/2}(L(W₁) − min L)^{1/2} (dashed), log-log.</summary>
    public static GenericChart GradientNormBound(GradientNormBoundResult result, string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var n = result.Iterates;
        return BoundCurves(
            result.Rows.Select((r, k) => new Series(result.Names[k], r.RunningMinimum, n)),
            result.Rows.Select((r, k) => new Series($"bound, {result.Names[k]}", r.Bound, n)),
            "N (iterates)", "min over n ≤ N of ‖∇L(Wₙ)‖", title: title ?? "Running minimum of the gradient norm vs the bound", theme: theme);
    }

    /// <summary>Steps until ‖∇L‖ &lt; ε (measured) against (L(W₁) − min L)/(cε²) (dashed), log-log over ε.</summary>
    public static GenericChart StoppingRule(StoppingRuleResult result, string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var eps = result.Rows.Select(r => r.Tolerance).ToArray();
        return BoundCurves([new Series("measured steps", result.Rows.Select(r => (double)r.Steps).ToArray(), eps)],
            [new Series("bound (L(W₁) − min L)/(cε²)", result.Rows.Select(r => r.Bound).ToArray(), eps)],
            "ε", "steps until ‖∇L‖ < ε", title: title ?? "Stopping rule: measured vs guaranteed", theme: theme);
    }

    /// <summary>|W⁽ⁿ⁾ − W*| per coordinate (solid) against the linearization (1 − αλᵢ)ⁿ|W⁽⁰⁾ − W*|ᵢ (dashed) for the perturbed
    /// run at the saddle and the run near a minimum (log y); predictions above 1 are left out, where the linear model no longer applies.</summary>
    public static GenericChart Linearization(SaddleLinearizationResult result, string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var runs = new[] { (result.Perturbed, "saddle"), (result.NearMinimum, "minimum") };
        var measured = new List<Series>();
        var predicted = new List<Series>();
        foreach (var (r, where) in runs)
        {
            for (int i = 0; i < 2; i++)
            {
                string axis = i == 0 ? "x" : "y";
                measured.Add(new Series($"{where}, |{axis} − {axis}*| (λ = {r.Eigenvalues[i]:G3})", r.Measured[i]));
                // The linear model only holds near W*: its prediction is drawn while it stays below 1 (beyond, it grows without bound).
                predicted.Add(new Series($"{where}, (1 − αλ)ⁿ along {axis}", r.Predicted[i].Select(p => p <= 1 ? p : double.NaN).ToArray()));
            }
        }

        return BoundCurves(measured, predicted, "step n", "|error|", logX: false,
            title: title ?? "Near a stationary point the error follows (1 − αλ)ⁿ", theme: theme);
    }

    /// <summary>Normalized gaps (L(x_N) − L*)/(M‖x₀ − x*‖²) of GD and Nesterov on the chain and of GD on its worst quadratic
    /// (solid) against the upper bounds (dashed, GD's in GD's colour) and the first-order lower bound (dashed, own colour), log-log over N.</summary>
    public static GenericChart Rates(NesterovRatesResult result, string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var n = result.Horizons;
        return BoundCurves(
            [new Series("gradient descent", result.Rows.Select(r => r.GradientDescent).ToArray(), n),
             new Series("Nesterov accelerated", result.Rows.Select(r => r.Nesterov).ToArray(), n),
             new Series("GD on ½λθ², λ = M/(2N+1)", result.Rows.Select(r => r.GradientDescentWorst).ToArray(), n)],
            [new Series("GD bound 1/(2N)", result.Rows.Select(r => r.GradientDescentBound).ToArray(), n),
             new Series("Nesterov bound 2/(N+1)²", result.Rows.Select(r => r.NesterovBound).ToArray(), n),
             new Series("lower bound, any first-order method", result.Rows.Select(r => r.LowerBound).ToArray(), n)],
            "N (steps; chain dimension 2N + 1)", "(L(x_N) − L*) / (M‖x₀ − x*‖²)", title: title ?? "O(1/N) vs O(1/N²) on the worst-case chain", theme: theme,
            boundColors: [0, 1, 3]);
    }

    /// <summary>L(x_k) − L* of every method (solid) against the Krylov lower bound (dashed), log-log over k + 1.</summary>
    public static GenericChart LowerBound(FirstOrderLowerBoundResult result, string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var k1 = result.Steps.Select(k => k + 1).ToArray();
        var measured = result.Methods.Select(m => new Series(m.Method, m.Gaps, k1)).ToList();
        return BoundCurves(measured, [new Series("lower bound (M/8)(1/(k+1) − 1/(n+1))", result.KrylovBound, k1)], "k + 1 (gradient evaluations + 1)", "L(x_k) − L*",
            title: title ?? "No first-order method beats the chain's Krylov bound", theme: theme, pairColors: false);
    }

    /// <summary>‖∇L‖ of the practical and the safe run with the safe run's bound (dashed), and the local sharpness λmax.</summary>
    public static GenericChart NetworkBound(NetworkBoundResult result, string? title = null, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var th = Resolve(theme);
        var n = Enumerable.Range(1, result.Safe.GradientNorms.Length).Select(i => (double)i).ToArray();
        var left = BoundCurves(
            [new Series($"α = 1/M = {result.SafeGuarantee.LearningRate:G3} (covered)", result.Safe.RunningMinimumGradientNorm(), n),
             new Series($"α = {result.PracticalGuarantee.LearningRate:G3} (not covered)", result.Practical.RunningMinimumGradientNorm(),
                 Enumerable.Range(1, result.Practical.GradientNorms.Length).Select(i => (double)i).ToArray())],
            [new Series("bound for α = 1/M", Enumerable.Range(1, n.Length).Select(result.SafeGuarantee.GradientNormBound).ToArray(), n)],
            "N (iterates)", "min ‖∇L‖", theme: th);
        var right = Curves([new Series("λmax(H) along the α = " + result.PracticalGuarantee.LearningRate.ToString("G3") + " run", result.Sharpness,
                result.SharpnessSteps.Select(s => (double)s).ToArray())], "step", "λmax", theme: th);
        return Grid([left, right], columns: 2, titles: ["gradient norm vs the bound", "local curvature"], title: title, theme: th);
    }
}
