using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class LossBarrierTests
{
    [Fact]
    public void A_tent_has_its_peak_above_the_chord_as_barrier()
    {
        // Hand computation: losses 1, 3, 0 at t = 0, ½, 1; the chord at ½ is (1 + 0)/2 = 0.5, so B = 3 − 0.5 = 2.5.
        Assert.Equal(2.5, LossBarrier.Height([1.0, 3.0, 0.0]), 12);
    }

    [Fact]
    public void A_convex_or_straight_curve_has_no_barrier()
    {
        var t = Enumerable.Range(0, 11).Select(i => i / 10.0).ToArray();
        Assert.Equal(0.0, LossBarrier.Height(t.Select(s => 2 - 1.5 * s).ToArray()), 12);          // on the chord
        Assert.Equal(0.0, LossBarrier.Height(t.Select(s => (s - 0.3) * (s - 0.3)).ToArray()), 12); // convex: under the chord
    }

    [Fact]
    public void Uneven_positions_use_the_chord_between_the_first_and_last_sample()
    {
        // t = −0.5, 0, 1.5 with losses 0, 4, 2: chord at t = 0 is 0 + (0.5/2)·2 = 0.5, so B = 3.5.
        Assert.Equal(3.5, LossBarrier.Height([-0.5, 0.0, 1.5], [0.0, 4.0, 2.0]), 12);
    }

    [Fact]
    public void Largest_rise_is_zero_only_for_a_nonincreasing_curve()
    {
        Assert.Equal(0.0, LossBarrier.LargestRise([3.0, 2.0, 2.0, 0.5]));
        Assert.Equal(1.5, LossBarrier.LargestRise([3.0, 1.0, 2.5, 0.5]), 12); // 2.5 − 1.0
    }

    [Fact]
    public void Bad_input_names_the_argument()
    {
        Assert.Equal("losses", Assert.Throws<ArgumentException>(() => LossBarrier.Height([1.0])).ParamName);
        Assert.Equal("losses", Assert.Throws<ArgumentException>(() => LossBarrier.Height([1.0, double.NaN])).ParamName);
        Assert.Equal("t", Assert.Throws<ArgumentException>(() => LossBarrier.Height([0.0, 0.0], [1.0, 2.0])).ParamName);
        Assert.Equal("losses", Assert.Throws<ArgumentException>(() => LossBarrier.Height([0.0, 1.0], [1.0])).ParamName);
    }
}
