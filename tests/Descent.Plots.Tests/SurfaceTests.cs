using Descent.Functions;
using Descent.Plots.Tests.Support;

namespace Descent.Plots.Tests;

public sealed class SurfaceTests
{
    private static double Rosen(double x, double y) => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);

    [Fact]
    public void Surface_has_the_sampled_heights_and_the_path_at_its_loss()
    {
        var path = new Trajectory("GD", [(-1.0, 1.0), (0.5, 0.5), (1.0, 1.0)]);
        var fig = Fig.Of(Plot.Surface(new Rosenbrock(), [path], resolution: 3));
        var data = fig.Data();
        Assert.Equal(2, data.Count);
        Assert.Equal("surface", data[0]!["type"].Str());
        Assert.Equal([-2.0, 0.0, 2.0], data[0]!["x"].Doubles());
        Assert.Equal(Rosen(2, -2), data[0]!["z"]![0]![2]!.GetValue<double>()); // row 0 is y = −2, column 2 is x = 2
        Assert.Equal("scatter3d", data[1]!["type"].Str());
        Assert.Equal([-1.0, 0.5, 1.0], data[1]!["x"].Doubles());
        Assert.Equal([Rosen(-1, 1), Rosen(0.5, 0.5), Rosen(1, 1)], data[1]!["z"].Doubles()); // 4, 6.5, 0 exactly
        Assert.NotNull(fig.Layout()["scene"]);
    }

    [Fact]
    public void A_path_on_a_sampled_surface_needs_its_loss()
    {
        var grid = new GridSample([0.0, 1.0], [0.0, 1.0], [[0.0, 1.0], [1.0, 2.0]], "g");
        var ex = Assert.Throws<ArgumentException>(() => Plot.Surface(grid, [new Trajectory("p", [(0.0, 0.0)])]));
        Assert.Equal("paths", ex.ParamName);
        var ok = Fig.Of(Plot.Surface(grid, [new Trajectory("p", [(0.0, 0.0), (1.0, 1.0)], [0.0, 2.0])]));
        Assert.Equal([0.0, 2.0], ok.Data()[1]!["z"].Doubles());
    }
}
