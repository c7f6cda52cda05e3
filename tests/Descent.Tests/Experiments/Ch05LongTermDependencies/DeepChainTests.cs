using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class DeepChainTests
{
    private static readonly DeepChainParameters Parameters = new() { Depth = 100, Repeats = 8 };
    private static readonly DeepChainResult Result = new DeepChain().Run(Parameters);

    [Theory]
    [InlineData(0.9)]
    [InlineData(1.0)]
    [InlineData(1.1)]
    public void Independent_layers_grow_at_the_chi_square_rate(double scale)
    {
        // ‖Wx‖²/‖x‖² ~ σ²χ²ₙ/n exactly (rotation invariance), independently per layer, so ln‖x_L‖/L averages
        // ln σ + ½E ln(χ²ₙ/n) = ln σ + ½(ψ(n/2) + ln(2/n)), with variance ¼ψ'(n/2)/(L·R) over R repeats.
        // ψ'(x) ≤ 1/x + 1/x² (x = 16): sd ≤ √((1/16 + 1/256)/4/(100·8)) ≈ 0.0045; we allow 4 sd = 0.018.
        var c = Result.Curves.Single(x => x.Kind == "independent" && x.Scale == scale);
        double x2 = Parameters.Width / 2.0;
        double sd = Math.Sqrt((1 / x2 + 1 / (x2 * x2)) / 4 / (Parameters.Depth * Parameters.Repeats));
        double expected = Math.Log(scale) + 0.5 * (MathNet.Numerics.SpecialFunctions.DiGamma(x2) + Math.Log(2.0 / Parameters.Width));
        Assert.Equal(expected, c.PredictedRate, 1e-12);
        Assert.InRange(c.Rate - expected, -4 * sd, 4 * sd);
    }

    [Fact]
    public void Shared_weights_grow_like_the_spectral_radius_and_both_kinds_explode_or_vanish()
    {
        foreach (double scale in Parameters.Scales)
        {
            var shared = Result.Curves.Single(x => x.Kind == "shared" && x.Scale == scale);
            // Over the second half (layers 50–100) the top eigenvalue dominates x: the fitted rate is ln ρ(W) up to the
            // rotation of complex pairs and the residual of the next eigenvalue, |λ₂/λ₁|⁵⁰; we allow 0.01, a tenth of the
            // gap ln 1.1 between neighbouring scales, so the claim "rate ≈ ln ρ" is sharp enough to tell the scales apart.
            Assert.InRange(shared.Rate - shared.PredictedRate, -0.01, 0.01);
        }
        // σ = 0.9: both vanish; σ = 1.1: both explode (signs of the mean ln‖x_L‖ after 100 layers, |·| > 5, i.e. a factor e⁵).
        foreach (var kind in new[] { "shared", "independent" })
        {
            Assert.True(Result.Curves.Single(x => x.Kind == kind && x.Scale == 0.9).MeanLogNorms[^1] < -5);
            Assert.True(Result.Curves.Single(x => x.Kind == kind && x.Scale == 1.1).MeanLogNorms[^1] > 5);
        }
    }
}
