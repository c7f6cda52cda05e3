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

public sealed class Chapter07BadInputTests
{
    [Fact]
    public void Bad_parameters_name_the_argument_and_the_valid_range()
    {
        var net = new DigitsNetwork([4]);
        var run = net.Fit(net.Initialize(1), steps: 3);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ModeConnectivity.Between(net, run, run, points: 2));
        Assert.Equal("points", e.ParamName);
        Assert.Contains("[3, 10000]", e.Message);
        Assert.Equal("curveLearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => ModeConnectivity.Between(net, run, run, curveLearningRate: 0)).ParamName);
        Assert.Equal("hidden", Assert.Throws<ArgumentOutOfRangeException>(() => new DigitsNetwork([0])).ParamName);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => net.Initialize(1, -1)).ParamName);
        Assert.Throws<ArgumentException>(() => new InitializationBasins().Run(new InitializationBasinsParameters { Seeds = [1] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InitializationBasins().Run(new InitializationBasinsParameters { Points = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeparableNormGrowth().Run(new SeparableNormGrowthParameters { Steps = 5 }));
        Assert.Equal("countPerClass", Assert.Throws<ArgumentOutOfRangeException>(() => SeparableNormGrowth.Data(-1, 0)).ParamName);
    }
}
