using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class CurvatureMonitoringTests
{
    private static readonly CurvatureMonitoringResult Result = new CurvatureMonitoring().Run();

    [Fact]
    public void In_the_slow_phase_the_gradient_does_not_shrink_while_gTHg_grows_several_fold()
    {
        // Seed 000: "gradient norm doesn't shrink but gᵀHg grows". The thresholds leave room below what the
        // default seed shows (the claim is qualitative): gᵀg stays within a factor 2 of its slow-phase start,
        // gᵀHg grows at least 3× and the loss still falls.
        Assert.True(Result.GradientChange > 0.5, Result.Summary);
        Assert.True(Result.CurvatureGrowth > 3, Result.Summary);
        Assert.True(Result.Losses[^1] < 0.5 * Result.Losses[Result.SlowPhaseStart], Result.Summary);
    }

    [Fact]
    public void Monitored_quantities_match_an_independent_evaluation_at_the_start()
    {
        // At step 0 θ is the seeded Glorot start: recompute gᵀg and gᵀHg from a fresh model with the same seed.
        var p = new CurvatureMonitoringParameters();
        var split = Descent.Data.Digits.Load(seed: p.Seed);
        var labels = (int[])split.Train.Labels!.Clone();
        var noise = new Random(p.Seed + 7919);
        for (int i = 0; i < labels.Length; i++)
        {
            if (noise.NextDouble() < p.LabelNoise)
            {
                labels[i] = noise.Next(10);
            }
        }

        var mlp = new Descent.Models.Mlp([64, .. p.Hidden, 10], Descent.Models.Activation.Tanh,
            Descent.Models.LossFunction.SoftmaxCrossEntropy, split.Train.Inputs, labels);
        var theta = mlp.Initialize(Descent.Models.Initialization.Glorot, p.Seed);
        var g = mlp.Gradient(theta);
        // Same arithmetic on the same inputs: equal to rounding (1e-12 relative).
        Assert.Equal(g.DotProduct(g), Result.GradientSquaredNorms[0], 1e-12 * g.DotProduct(g));
        var viaFd = Descent.Curvature.FiniteDifference.HessianVectorProduct(mlp, theta, g);
        // gᵀHg from the exact HVP vs central differences of the gradient (relative 1e-5: FD error ~h² ≈ 4e-11 scaled
        // by third derivatives of a 6k-parameter tanh network).
        Assert.Equal(g.DotProduct(viaFd), Result.Curvatures[0], 1e-5 * Math.Abs(Result.Curvatures[0]));
    }
}
