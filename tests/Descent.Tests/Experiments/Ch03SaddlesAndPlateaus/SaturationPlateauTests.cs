using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class SaturationPlateauTests
{
    private static readonly SaturationPlateauResult Result = new SaturationPlateau().Run(new SaturationPlateauParameters { Steps = 600 });

    [Fact]
    public void Larger_first_layer_weights_saturate_more_units()
    {
        var rows = Result.Rows;
        Assert.Equal(0.0, rows[0].SaturatedFraction);
        Assert.True(rows[1].SaturatedFraction > rows[0].SaturatedFraction && rows[2].SaturatedFraction > rows[1].SaturatedFraction);
        Assert.True(rows[2].SaturatedFraction > 0.8, Result.ToString());
        Assert.True(rows[2].MeanDerivative < 0.1 * rows[0].MeanDerivative, Result.ToString());
    }

    [Fact]
    public void A_saturated_network_sits_on_a_plateau_while_the_unsaturated_one_keeps_learning()
    {
        // Between step 30 and 600 the unsaturated network cuts its loss more than tenfold; the saturated one by less than a third.
        var linear = Result.Rows[0].Run.Losses;
        var saturated = Result.Rows[2].Run.Losses;
        Assert.True(linear[600] < 0.1 * linear[30], Result.ToString());
        Assert.True(saturated[600] > 0.67 * saturated[30], Result.ToString());
        Assert.True(saturated[600] > 10 * linear[600], Result.ToString());
    }
}
