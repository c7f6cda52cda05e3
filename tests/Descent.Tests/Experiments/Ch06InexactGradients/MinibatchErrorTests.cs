using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class MinibatchErrorTests
{
    // Fewer sizes and draws than the chapter (which uses 10 sizes, 40 draws); the claims hold at this size too.
    private static readonly MinibatchErrorResult Result = new MinibatchError().Run(new MinibatchErrorParameters
    {
        BatchSizes = [1, 10, 100, 1000],
        Draws = 60,
        ExamplesPerSize = 5000,
    });

    [Fact]
    public void Error_falls_like_sigma_over_root_n_with_log_log_slope_minus_one_half()
    {
        // Each measured RMS error from R ≥ 60 draws has relative standard error ≈ 1/√(2R) ≈ 9 % when the squared error is
        // roughly χ²-like; n = 1 and 10, where per-example gradient norms are heavy-tailed, get 5000 and 500 draws. The
        // slope over three decades averages these: ±0.06 is about 3 standard errors of the fitted slope.
        Assert.InRange(Result.Slope, -0.56, -0.44);
        Assert.True(Result.WorstRelativeDeviation < 0.3, Result.Summary);
    }

    [Fact]
    public void A_hundred_times_the_examples_buy_only_ten_times_less_error()
    {
        // σ/√n predicts exactly 10 for n = 10 → 1000; two measurements with ~9 % relative error each: ±25 %.
        Assert.InRange(Result.ErrorRatio(10, 1000), 7.5, 12.5);
    }

    [Fact]
    public void Without_replacement_the_finite_population_correction_takes_the_error_towards_zero()
    {
        // n = 1000 of N = 1078: √((N − n)/(N − 1)) ≈ 0.27 — the measured error follows it, not σ/√n (±25 % as above).
        int k = Array.IndexOf(Result.BatchSizes, 1000);
        Assert.InRange(Result.MeasuredWithoutReplacement[k] / Result.PredictedWithoutReplacement[k], 0.75, 1.25);
        Assert.True(Result.MeasuredWithoutReplacement[k] < 0.5 * Result.Measured[k]);
    }

    [Fact]
    public void At_the_measurement_point_the_gradient_noise_is_much_larger_than_the_gradient()
    {
        // The chapter: "here σ ≈ 17‖g‖" (σ and ‖g‖ are exact, no sampling: 2.751 / 0.1599 = 17.2).
        Assert.InRange(Result.Sigma / Result.GradientNorm, 16.5, 18);
    }

    [Fact]
    public void Rejects_a_batch_larger_than_the_data()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MinibatchError().Run(new MinibatchErrorParameters { BatchSizes = [2000] }));
    }
}
