using Descent.Functions;
using Descent.Plots.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Plots.Tests;

public sealed class ContourTests
{
    // Rosenbrock by hand: (1 − x)² + 100(y − x²)².
    private static double Rosen(double x, double y) => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);

    private static readonly Trajectory Gd = new("GD", [(-1.5, 2.0), (-1.0, 1.0), (0.25, 0.5), (0.9, 0.8)]);
    private static readonly Trajectory Momentum = new("momentum", [(-1.5, 2.0), (0.0, 0.0), (1.0, 1.0)]);

    [Fact]
    public void Contour_over_the_plot_box_has_the_landscape_each_trajectory_and_the_minimizer()
    {
        var fig = Fig.Of(Plot.Contour(new Rosenbrock(), [Gd, Momentum], resolution: 5, theme: Theme.Default));
        var data = fig.Data();
        Assert.Equal(4, data.Count); // contour + 2 trajectories + minimizer
        Assert.Equal("contour", data[0]!["type"].Str());

        // Grid over Rosenbrock's plot box [−2, 2]²: 5 points per axis, −2, −1, 0, 1, 2.
        double[] grid = [-2, -1, 0, 1, 2];
        Assert.Equal(grid, data[0]!["x"].Doubles());
        Assert.Equal(grid, data[0]!["y"].Doubles());
        var z = data[0]!["z"]!.AsArray();
        Assert.Equal(5, z.Count);
        for (int j = 0; j < 5; j++)
        {
            for (int i = 0; i < 5; i++)
            {
                Assert.Equal(Rosen(grid[i], grid[j]), z[j]!.Doubles()[i]); // row j is y_j; exact: integer arithmetic
            }
        }

        Assert.Equal("GD", data[1]!["name"].Str());
        Assert.Equal(Gd.Points.Select(p => p.X).ToArray(), data[1]!["x"].Doubles());
        Assert.Equal(Gd.Points.Select(p => p.Y).ToArray(), data[1]!["y"].Doubles());
        Assert.Equal("lines+markers", data[1]!["mode"].Str());
        var symbols = data[1]!["marker"]!["symbol"].Strings();
        Assert.Equal("diamond", symbols[0]); // start
        Assert.Equal("star", symbols[^1]);   // end
        Assert.Equal(Momentum.Points.Select(p => p.X).ToArray(), data[2]!["x"].Doubles());

        Assert.Equal("minimizer", data[3]!["name"].Str());
        Assert.Equal([1.0], data[3]!["x"].Doubles());
        Assert.Equal([1.0], data[3]!["y"].Doubles());

        var layout = fig.Layout();
        Assert.Equal([-2.0, 2.0], layout["xaxis"]!["range"].Doubles());
        Assert.Equal("Rosenbrock(2)", layout["title"]!["text"].Str());
    }

    [Fact]
    public void A_given_box_replaces_the_plot_box_and_minimizers_outside_it_are_left_out()
    {
        var fig = Fig.Of(Plot.Contour(new Rosenbrock(), box: new PlotBox(-1, 0, 2, 3), resolution: 3));
        var data = fig.Data();
        Assert.Single(data);
        Assert.Equal([-1.0, -0.5, 0.0], data[0]!["x"].Doubles());
        Assert.Equal([2.0, 2.5, 3.0], data[0]!["y"].Doubles());
    }

    [Fact]
    public void Log_levels_draw_log10_of_the_excess_over_the_minimum_and_hover_shows_the_loss()
    {
        // Grid values chosen by hand: min 1, max 1001, δ = 10⁻⁵ · 1000 = 0.01.
        var grid = new GridSample([0.0, 1.0], [0.0, 1.0], [[1.0, 11.0], [101.0, 1001.0]], "g");
        var fig = Fig.Of(Plot.Contour(grid, logLevels: true));
        var z = fig.Data()[0]!["z"]!.AsArray();
        // log10(0 + 0.01) = −2, log10(10.01), log10(100.01), log10(1000.01), as plotted (7 significant digits).
        Fig.AssertPlotted([-2.0, Math.Log10(10.01)], z[0]);
        Fig.AssertPlotted([Math.Log10(100.01), Math.Log10(1000.01)], z[1]);
        Assert.Equal("1001", fig.Data()[0]!["text"]![1]![1].Str());
        var colorbar = fig.Data()[0]!["colorbar"]!;
        Assert.Equal([-2.0, -1, 0, 1, 2, 3], colorbar["tickvals"].Doubles()); // decades from 0.01 to 1000
        Assert.Equal("1e-2", colorbar["ticktext"].Strings()[0]);
    }

    [Fact]
    public void Non_finite_values_and_diverged_points_become_gaps()
    {
        var grid = new GridSample([0.0, 1.0], [0.0, 1.0], [[1.0, double.NaN], [double.PositiveInfinity, 2.0]], "g");
        var diverged = new Trajectory("diverged", [(0.0, 0.0), (0.5, 0.5), (double.PositiveInfinity, double.NaN)]);
        var fig = Fig.Of(Plot.Contour(grid, [diverged]));
        var z = fig.Data()[0]!["z"]!.AsArray();
        Assert.Null(z[0]![1]);
        Assert.Null(z[1]![0]);
        Assert.Equal(1.0, z[0]![0]!.GetValue<double>());
        Assert.Null(fig.Data()[1]!["x"]![2]);
        // The end star goes on the last finite point.
        var symbols = fig.Data()[1]!["marker"]!["symbol"].Strings();
        Assert.Equal("star", symbols[1]);
    }

    [Fact]
    public void Bad_input_names_the_argument()
    {
        var three = new Rosenbrock(3);
        Assert.Equal("objective", Assert.Throws<ArgumentException>(() => Plot.Contour(three)).ParamName);
        Assert.Equal("trajectories", Assert.Throws<ArgumentException>(() =>
            Plot.Contour(new Rosenbrock(), [new Trajectory("empty", [])])).ParamName);
        Assert.Equal("resolution", Assert.Throws<ArgumentOutOfRangeException>(() => Plot.Contour(new Rosenbrock(), resolution: 1)).ParamName);
        var ragged = new GridSample([0.0, 1.0], [0.0, 1.0], [[1.0, 2.0], [3.0]], "g");
        Assert.Equal("grid", Assert.Throws<ArgumentException>(() => Plot.Contour(ragged)).ParamName);
    }

    [Fact]
    public void Trajectory_from_parameter_vectors_takes_the_chosen_coordinates_and_the_loss()
    {
        var thetas = new[] { Vector<double>.Build.DenseOfArray([0.0, 1.0]), Vector<double>.Build.DenseOfArray([2.0, 3.0]) };
        var t = Trajectory.From("run", thetas, new Rosenbrock());
        Assert.Equal([(0.0, 1.0), (2.0, 3.0)], t.Points);
        Assert.Equal([Rosen(0, 1), Rosen(2, 3)], t.Loss!);
        var swapped = Trajectory.From("swapped", thetas, xIndex: 1, yIndex: 0);
        Assert.Equal((1.0, 0.0), swapped.Points[0]);
        Assert.Contains("2 points", t.ToString());
    }
}
