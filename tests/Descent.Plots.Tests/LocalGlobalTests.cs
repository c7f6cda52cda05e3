using Descent.Experiments;
using Descent.Plots.Tests.Support;

namespace Descent.Plots.Tests;

public sealed class LocalGlobalTests
{
    [Fact]
    public void Basin_map_is_a_heatmap_of_outcome_codes_with_both_minima_marked()
    {
        var map = new BasinMap().Run(new BasinMapParameters { Resolution = 5 });
        var fig = Fig.Of(Plot.BasinMap(map));
        var data = fig.Data();
        Assert.Equal("heatmap", data[0]!["type"].Str());
        // z holds the outcome codes row by row (row j is Y[j]).
        for (int j = 0; j < 5; j++)
        {
            Assert.Equal(map.Outcomes[j].Select(o => (double)(int)o).ToArray(), data[0]!["z"]![j].Doubles());
        }

        Assert.Equal(2, data[1]!["x"]!.AsArray().Count); // global and local minimum
    }

    [Fact]
    public void Loss_slice_draws_contour_path_and_surface()
    {
        var net = new DigitsNetwork([4]);
        var run = net.Fit(net.Initialize(1), steps: 20, recordEvery: 5);
        var slice = LossSlice.Through(net, run, resolution: 3);
        var data = Fig.Of(Plot.LossSlice(slice, logLevels: false)).Data();
        Assert.Equal(["contour", "scatter", "scatter", "surface"], data.Select(d => d!["type"].Str()).ToArray());
        // The path is the projected snapshots: 5 points (steps 0, 5, 10, 15, 20), from (0, 0) to (1, 0).
        Fig.AssertPlotted(slice.PathAlphas, data[1]!["x"]);
    }
}
