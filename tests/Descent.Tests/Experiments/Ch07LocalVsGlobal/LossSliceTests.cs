using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class LossSliceTests
{
    [Fact]
    public void The_plane_contains_theta0_at_alpha_0_and_the_solution_at_alpha_1()
    {
        var net = new DigitsNetwork([8]);
        var run = net.Fit(net.Initialize(1), steps: 200);
        var slice = LossSlice.Through(net, run, resolution: 5, betaExtent: 0.5);
        // Grid α = −0.5, 0, 0.5, 1, 1.5 and β = −0.5, −0.25, 0, 0.25, 0.5: (α, β) = (1, 0) is θ* and (0, 0) is θ₀.
        Assert.Equal(run.TrainLoss, slice.Losses[2][3], 12);
        Assert.Equal(run.InitialTrainLoss, slice.Losses[2][1], 12);
        // Projections: θ₀ and θ* lie in the plane, at (0, 0) and (1, 0), with no off-plane part (rounding only).
        Assert.Equal(0.0, slice.PathAlphas[0], 10);
        Assert.Equal(0.0, slice.PathBetas[0], 10);
        Assert.Equal(1.0, slice.PathAlphas[^1], 10);
        Assert.Equal(0.0, slice.OffPlaneFraction[0], 10);
    }

    [Fact]
    public void The_filter_normalized_direction_is_nearly_orthogonal_to_the_first_and_the_path_leaves_the_plane()
    {
        var net = new DigitsNetwork([8]);
        var run = net.Fit(net.Initialize(1), steps: 200);
        var slice = LossSlice.Through(net, run, resolution: 3);
        // A random direction in ~600 dimensions: |cos| of order 1/√n ≈ 0.04; 0.2 leaves a wide margin.
        Assert.True(Math.Abs(slice.DirectionCosine) < 0.2, slice.Summary);
        // The chapter's caveat: the projected path is a shadow — SGD's iterates are mostly outside this plane.
        Assert.True(slice.MaxOffPlaneFraction > 0.3, slice.Summary);
    }

    [Fact]
    public void Bad_resolution_is_rejected()
    {
        var net = new DigitsNetwork([4]);
        var run = net.Fit(net.Initialize(1), steps: 5);
        Assert.Equal("resolution", Assert.Throws<ArgumentOutOfRangeException>(() => LossSlice.Through(net, run, resolution: 2)).ParamName);
        Assert.Equal("betaExtent", Assert.Throws<ArgumentOutOfRangeException>(() => LossSlice.Through(net, run, betaExtent: 0)).ParamName);
    }
}

public sealed class LossSlicePathDeviationTests
{
    [Fact]
    public void The_path_deviation_plane_contains_the_widest_snapshot_at_beta_1()
    {
        var net = new DigitsNetwork([8]);
        var run = net.Fit(net.Initialize(1), steps: 200);
        var slice = LossSlice.Through(net, run, resolution: 3, direction: SliceDirection.PathDeviation);
        // d is built orthogonal to θ₀ − θ* (cos 0 to rounding), and the snapshot it came from projects to β = 1 with no
        // off-plane part (it lies in span{θ₀ − θ*, d} by construction). Since d is the largest orthogonal deviation, no
        // snapshot has |β| > 1 (|β| = ‖eₖ·d‖/‖d‖² ≤ ‖eₖ‖/‖d‖ ≤ 1), so the widest one is the one at β = 1.
        Assert.Equal(0.0, slice.DirectionCosine, 10);
        int k = Array.IndexOf(slice.PathBetas, slice.PathBetas.MaxBy(Math.Abs));
        Assert.Equal(1.0, slice.PathBetas[k], 10);
        Assert.Equal(0.0, slice.OffPlaneFraction[k], 8);
    }
}
