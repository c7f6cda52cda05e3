using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class Chapter07RegistryTests
{
    [Theory]
    [InlineData("linear-interpolation")]
    [InlineData("loss-slice")]
    [InlineData("basin-map")]
    [InlineData("separable-norm-growth")]
    [InlineData("initialization-basins")]
    [InlineData("mode-connectivity")]
    public void Every_chapter_07_experiment_is_on_the_command_line(string name)
    {
        var ex = ExperimentRegistry.Find(name);
        Assert.Equal("07", ex.Chapter);
        Assert.False(string.IsNullOrWhiteSpace(ex.Summary));
    }

    [Fact]
    public void Command_line_arguments_reach_the_parameters()
    {
        var p = (ModeConnectivityParameters)ExperimentRegistry.WithArguments(ExperimentRegistry.Find("mode-connectivity"),
            new Dictionary<string, string> { ["curve"] = "polychain", ["hidden"] = "8,8", ["--curve-steps"] = "10" });
        Assert.Equal(CurveKind.PolyChain, p.Curve);
        Assert.Equal([8, 8], p.Hidden);
        Assert.Equal(10, p.CurveSteps);
        var s = (LossSliceParameters)ExperimentRegistry.WithArguments(ExperimentRegistry.Find("loss-slice"),
            new Dictionary<string, string> { ["direction"] = "PathDeviation" });
        Assert.Equal(SliceDirection.PathDeviation, s.Direction);
    }
}
