using Descent.Curvature;
using Descent.Functions;
using Descent.Optimization;
using Descent.Plots.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Plots.Tests;

/// <summary>The thin overloads for library results draw exactly the numbers the results carry.</summary>
public sealed class LibraryResultTests
{
    // L(θ) = ½θᵀAθ, A = diag(1, 4): gradient (θ₁, 4θ₂), so GD with rate η maps θ to ((1 − η)θ₁, (1 − 4η)θ₂).
    private static readonly Quadratic Q = new(Matrix<double>.Build.DenseOfDiagonalArray([1.0, 4.0]));
    private static Vector<double> V(double a, double b) => Vector<double>.Build.DenseOfArray([a, b]);

    private static TrainingResult Gd(double rate, int steps, bool curvature = false) =>
        Trainer.Run(Q, Optimizers.GradientDescent(rate), V(1, 1), new TrainingOptions { MaxSteps = steps, RecordCurvature = curvature });

    [Fact]
    public void Trajectory_from_a_run_has_its_iterates_and_losses()
    {
        var t = Trajectory.From(Gd(0.1, 2), "GD");
        // Hand iteration: (1, 1) → (0.9, 0.6) → (0.81, 0.36); tolerance 1e-12 for rounding of 1 − 0.4 etc.
        Assert.Equal(3, t.Count);
        Assert.Equal(0.9, t.Points[1].X, 12);
        Assert.Equal(0.6, t.Points[1].Y, 12);
        Assert.Equal(0.81, t.Points[2].X, 12);
        Assert.Equal(0.36, t.Points[2].Y, 12);
        Assert.Equal(0.5 * (1 + 4), t.Loss![0], 12);
        Assert.Equal(0.5 * (0.81 + 4 * 0.36), t.Loss![1], 12);
    }

    [Fact]
    public void Contour_and_curves_of_runs_show_each_run()
    {
        var runs = new[] { Gd(0.1, 3), Gd(0.2, 3) };
        var contour = Fig.Of(Plot.Contour(Q, runs, names: ["η = 0.1", "η = 0.2"], box: PlotBox.Square(1.5), resolution: 5));
        Assert.Equal(4, contour.Data().Count); // contour, 2 runs, minimizer (0, 0)
        Assert.Equal("η = 0.2", contour.Data()[2]!["name"].Str());
        Fig.AssertPlotted(runs[1].Thetas.Select(v => v[0]), contour.Data()[2]!["x"]);

        var losses = Fig.Of(Plot.Losses(runs));
        Fig.AssertPlotted(runs[0].Losses, losses.Data()[0]!["y"]);
        Assert.Equal("log", losses.Layout()["yaxis"]!["type"].Str());
        var norms = Fig.Of(Plot.GradientNorms(runs));
        Fig.AssertPlotted(runs[1].GradientNorms, norms.Data()[1]!["y"]);
        Assert.Equal("names", Assert.Throws<ArgumentException>(() => Plot.Losses(runs, names: ["one"])).ParamName);
    }

    [Fact]
    public void Training_curves_add_a_curvature_panel_when_the_run_recorded_it()
    {
        var withCurvature = Fig.Of(Plot.TrainingCurves([Gd(0.1, 3, curvature: true)]));
        Assert.Equal(3, withCurvature.Data().Count);
        Assert.Equal("x3", withCurvature.Data()[2]!["xaxis"].Str());
        // gᵀHg at θ₀ = (1, 1): g = (1, 4), Hg = (1, 16), so gᵀHg = 65.
        Assert.Equal(65.0, withCurvature.Data()[2]!["y"].Doubles()[0], 10);
        Assert.Equal(2, Fig.Of(Plot.TrainingCurves([Gd(0.1, 3)])).Data().Count);
    }

    [Fact]
    public void Animations_of_runs_have_one_frame_per_run_or_step()
    {
        var runs = new[] { Gd(0.05, 5), Gd(0.2, 5), Gd(0.45, 5) };
        var fig = Fig.Of(Plot.AnimateTrajectories(Q, runs, [0.05, 0.2, 0.45], box: PlotBox.Square(1.5)));
        Assert.Equal(3, fig.Frames().Count);
        Fig.AssertPlotted(runs[2].Thetas.Select(v => v[1]), fig.Frames()[2]!["data"]![0]!["y"]);
        var replay = Fig.Of(Plot.AnimateRun(Q, runs[0], frames: 6, box: PlotBox.Square(1.5)));
        Assert.Equal(6, replay.Frames().Count); // 6 recorded iterates, one frame each
    }

    [Fact]
    public void Spectrum_density_sweep_and_taylor_charts_draw_the_result_values()
    {
        var h = Matrix<double>.Build.DenseOfArray(new[,] { { 2.0, 0.0 }, { 0.0, -1.0 } });
        var spectrum = Descent.Curvature.Spectrum.Of(h);
        Assert.Equal([-1.0, 2.0], Fig.Of(Plot.Spectrum(spectrum)).Data()[1]!["y"].Doubles());

        var sweep = CurvatureSweep.Polar(h, count: 8);
        var polar = Fig.Of(Plot.Polar(sweep)).Data()[0]!;
        Fig.AssertPlotted(sweep.Curvatures, polar["r"]);
        Assert.Equal(45.0, polar["theta"].Doubles()[1], 10); // 8 directions: φ₁ = π/4

        var taylor = TaylorAnalysis.At(Q, V(1, 1)).Sweep([0.0, 0.1, 0.2]);
        var fig = Fig.Of(Plot.Taylor(taylor));
        Assert.Equal(3, fig.Data().Count);
        Assert.Equal([0.0, 0.1, 0.2], fig.Data()[0]!["x"].Doubles());
        // Prediction at ε = 0.1: −0.1·17 + ½·0.01·65 = −1.375 (gᵀg = 17, gᵀHg = 65 by hand).
        Assert.Equal(-1.375, fig.Data()[1]!["y"].Doubles()[1], 10);
        var shapes = fig.Layout()["shapes"]!.AsArray();
        Assert.Equal(3, shapes.Count);
        // ε* and 2ε*, as plotted: 7 significant digits of numbers below 1 are within 5e-7, hence 6 decimals.
        Assert.Equal(17.0 / 65.0, shapes[1]!["x0"]!.GetValue<double>(), 6);
        Assert.Equal(34.0 / 65.0, shapes[2]!["x0"]!.GetValue<double>(), 6);
    }

    [Fact]
    public void A_thinned_record_shows_true_step_numbers_on_hover_and_on_the_step_slider()
    {
        var run = Trainer.Run(Q, Optimizers.GradientDescent(0.1), V(1, 1), new TrainingOptions { MaxSteps = 6, RecordThetaEvery = 2 });
        Assert.Equal([0, 2, 4, 6], run.ThetaSteps); // precondition: the trainer records every second step
        var t = Trajectory.From(run);
        Assert.Equal([0, 2, 4, 6], t.Steps!);
        Assert.Equal([0.5 * (1 + 4), run.Losses[2], run.Losses[4], run.Losses[6]], t.Loss!);
        var contour = Fig.Of(Plot.Contour(Q, [t], resolution: 3));
        Assert.Equal([0.0, 2, 4, 6], contour.Data()[1]!["customdata"].Doubles());
        var replay = Fig.Of(Plot.AnimateRun(Q, run, frames: 4));
        Assert.Equal(["0", "2", "4", "6"], replay.Layout()["sliders"]![0]!["steps"]!.AsArray().Select(s => s!["label"].Str()).ToArray());
    }
}
