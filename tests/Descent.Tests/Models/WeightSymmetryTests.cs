using Descent.Models;
using MathNet.Numerics.LinearAlgebra;
using static Descent.Tests.Models.ModelTestData;

namespace Descent.Tests.Models;

public sealed class WeightSymmetryTests
{
    private static (Mlp Mlp, Vector<double> Theta) Network(Activation activation = Activation.Relu)
    {
        var random = new Random(12);
        var mlp = new Mlp([5, 6, 4, 3], activation, LossFunction.SoftmaxCrossEntropy, Gaussian(40, 5, random), Labels(40, 3, random));
        var theta = mlp.Initialize(Initialization.He, 3);
        for (int k = 0; k < 200; k++)
        {
            theta -= 0.1 * mlp.Gradient(theta); // a trained point, not a random one
        }

        return (mlp, theta);
    }

    [Fact]
    public void Permutation_count_is_the_product_of_factorials()
    {
        // Hand values: (3!)² = 36, (5!)² = 14400, n!^m for m = 3, n = 6: 720³ = 373,248,000.
        Assert.Equal(36.0, WeightSymmetry.PermutationCount([3, 3]), 9);
        Assert.Equal(14400.0, WeightSymmetry.PermutationCount([5, 5]), 6);
        Assert.Equal(373_248_000.0, WeightSymmetry.PermutationCount([6, 6, 6]), 0);
        Assert.Equal(Math.Log10(24) + Math.Log10(2), WeightSymmetry.Log10PermutationCount([4, 2]), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => WeightSymmetry.PermutationCount([0]));
        // 32! = 2.6313e35 (the chapter's one hidden layer of 32 units).
        Assert.Equal(2.6313083693369353e35, WeightSymmetry.PermutationCount([32]), 2.6313083693369353e35 * 1e-12);
    }

    [Fact]
    public void Permuting_and_rescaling_hidden_units_leave_the_loss_unchanged_but_move_theta()
    {
        // The network function is the same up to the order of floating-point sums: 1e-13 relative.
        var (mlp, theta) = Network();
        var check = WeightSymmetry.Check(mlp, theta, alpha: 3.0, seed: 4);
        Assert.True(check.PermutedRelativeChange < 1e-13, check.ToString());
        Assert.True(check.RescaledRelativeChange < 1e-13, check.ToString());
        Assert.True(check.PermutedDistance > 1 && check.RescaledDistance > 1, check.ToString());
        // The gradient is permuted along with θ (same norm), but rescaling maps g_in ↦ g_in/α and g_out ↦ α·g_out.
        Assert.Equal(check.GradientNorm, check.PermutedGradientNorm, 12);
        Assert.True(Math.Abs(check.RescaledGradientNorm - check.GradientNorm) > 1e-3 * check.GradientNorm, check.ToString());
        Assert.Equal(Math.Log10(720 * 24), check.Log10EquivalentNetworks, 12);
    }

    [Fact]
    public void Rescaling_is_refused_for_tanh_units_which_are_not_homogeneous()
    {
        var (mlp, theta) = Network(Activation.Tanh);
        Assert.Throws<InvalidOperationException>(() => WeightSymmetry.RescaleAll(mlp, theta, 2.0));
        var check = WeightSymmetry.Check(mlp, theta, alpha: 2.0);
        Assert.True(check.PermutedRelativeChange < 1e-13, check.ToString()); // permutations work for any activation
        Assert.True(double.IsNaN(check.RescaledLoss));
    }

    [Fact]
    public void Minimum_norm_alpha_minimizes_the_rescaled_L2_norm()
    {
        // Independent check: scan α on a fine logarithmic grid and take the smallest ‖θ_α‖² restricted to the layer's
        // incoming weights, biases and outgoing weights; the grid spacing 1e-4 in ln α bounds the error.
        var (mlp, theta) = Network();
        double best = WeightSymmetry.MinimumNormAlpha(mlp, theta, 1);
        double Norm(double a)
        {
            var t = mlp.RescaleHiddenUnits(theta, 1, a);
            double wIn = mlp.Weights(t, 0).FrobeniusNorm(), b = mlp.Biases(t, 0).L2Norm(), wOut = mlp.Weights(t, 1).FrobeniusNorm();
            return wIn * wIn + b * b + wOut * wOut;
        }
        double argmin = Enumerable.Range(-30000, 60001).Select(i => Math.Exp(i * 1e-4)).MinBy(Norm);
        Assert.Equal(argmin, best, 3);
        Assert.Equal(mlp.Value(theta), mlp.Value(mlp.RescaleHiddenUnits(theta, 1, best)), 12);
    }
}
