using System.Runtime.CompilerServices;
using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class ParameterRecordTests
{
    [Fact]
    public void Every_parameter_record_is_init_only()
    {
        // A parameter record is set up once (object initializer, `with`, or the CLI's registry) and then only read,
        // so every public setter must be an init accessor. safran-shamir's record is converted on its own branch.
        var mutable = ExperimentRegistry.All.Where(e => e.Name != "safran-shamir")
            .SelectMany(e => e.DefaultParameters.GetType().GetProperties()
                .Where(p => p.SetMethod is { IsPublic: true } setter
                            && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
                .Select(p => $"{e.Name}: {p.Name}"))
            .ToArray();
        Assert.Empty(mutable);
    }

    [Fact]
    public void Values_out_of_range_are_rejected_when_set_naming_the_property_and_the_range()
    {
        var rate = Assert.Throws<ArgumentOutOfRangeException>(() => new CurvatureMonitoringParameters { LearningRate = 0 });
        Assert.Equal("LearningRate", rate.ParamName);
        Assert.StartsWith("LearningRate must be a finite number > 0.", rate.Message);
        var noise = Assert.Throws<ArgumentOutOfRangeException>(() => new CurvatureMonitoringParameters() with { LabelNoise = 1 });
        Assert.StartsWith("LabelNoise must be in [0, 1).", noise.Message);
        Assert.Equal("Scales", Assert.Throws<ArgumentOutOfRangeException>(() => new DeepChainParameters { Scales = [1, double.NaN] }).ParamName);
        Assert.Equal("Weights", Assert.Throws<ArgumentException>(() => new RnnCliffParameters { Weights = [] }).ParamName);
        Assert.Equal(0.5, new CurvatureMonitoringParameters { LearningRate = 0.5 }.LearningRate);   // in range: kept as given
    }
}
