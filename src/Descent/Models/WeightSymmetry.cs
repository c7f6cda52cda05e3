using MathNet.Numerics.LinearAlgebra;

namespace Descent.Models;

/// <summary>
/// Weight-space symmetry (Srihari, "Challenges in Neural Network Optimization", "model identifiability"): with m hidden layers of n units there are n!^m orderings of
/// the hidden units that compute the same function, and for ReLU (or maxout) units scaling a layer's incoming weights
/// and biases by α &gt; 0 and its outgoing weights by 1/α does not change the function either. So every minimum comes
/// with n!^m discrete copies and an m·n-dimensional family of rescaled copies, all with the same loss.
/// </summary>
public static class WeightSymmetry
{
    /// <summary>The number of orderings of the hidden units, ∏ᵢ nᵢ! (n!^m for m layers of n units); +∞ beyond double range.</summary>
    public static double PermutationCount(IReadOnlyList<int> hiddenWidths) => Math.Pow(10, Log10PermutationCount(hiddenWidths));

    /// <summary>log₁₀ ∏ᵢ nᵢ! = Σᵢ Σ_{j ≤ nᵢ} log₁₀ j.</summary>
    public static double Log10PermutationCount(IReadOnlyList<int> hiddenWidths)
    {
        ArgumentNullException.ThrowIfNull(hiddenWidths);
        if (hiddenWidths.Any(n => n < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(hiddenWidths), "every hidden width must be at least 1.");
        }

        return hiddenWidths.Sum(n => Enumerable.Range(1, n).Sum(j => Math.Log10(j)));
    }

    /// <summary>The hidden widths n₁ … n_{L−1} of an MLP.</summary>
    public static int[] HiddenWidths(Mlp mlp)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        return mlp.LayerSizes.Skip(1).Take(mlp.LayerCount - 1).ToArray();
    }

    /// <summary>θ with every hidden layer's units permuted by a random permutation drawn from <paramref name="seed"/>.</summary>
    public static Vector<double> PermuteAll(Mlp mlp, Vector<double> theta, int seed)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        var random = new Random(seed);
        var result = theta;
        for (int layer = 1; layer < mlp.LayerCount; layer++)
        {
            var permutation = Enumerable.Range(0, mlp.LayerSizes[layer]).ToArray();
            random.Shuffle(permutation);
            result = mlp.PermuteHiddenUnits(result, layer, permutation);
        }
        return result;
    }

    /// <summary>θ with every hidden layer rescaled: incoming weights and biases × α, outgoing weights × 1/α.</summary>
    public static Vector<double> RescaleAll(Mlp mlp, Vector<double> theta, double alpha)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        var result = theta;
        for (int layer = 1; layer < mlp.LayerCount; layer++)
        {
            result = mlp.RescaleHiddenUnits(result, layer, alpha);
        }

        return result;
    }

    /// <summary>Applies both symmetries to θ and measures loss, distance and gradient norm before and after. The rescaling
    /// needs positively homogeneous units (ReLU, maxout, linear); for others its fields are NaN.</summary>
    public static WeightSymmetryCheck Check(Mlp mlp, Vector<double> theta, double alpha = 3.0, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        ArgumentNullException.ThrowIfNull(theta);
        var permuted = PermuteAll(mlp, theta, seed);
        var (loss, g) = mlp.ValueAndGradient(theta);
        var (permutedLoss, gp) = mlp.ValueAndGradient(permuted);
        double rescaledLoss = double.NaN, rescaledDistance = double.NaN, rescaledGradientNorm = double.NaN;
        if (mlp.Activation is Activation.Relu or Activation.Maxout or Activation.Identity)
        {
            var rescaled = RescaleAll(mlp, theta, alpha);
            var (lr, gr) = mlp.ValueAndGradient(rescaled);
            (rescaledLoss, rescaledDistance, rescaledGradientNorm) = (lr, (rescaled - theta).L2Norm(), gr.L2Norm());
        }
        return new WeightSymmetryCheck(loss, permutedLoss, rescaledLoss, alpha, (permuted - theta).L2Norm(), rescaledDistance,
            g.L2Norm(), gp.L2Norm(), rescaledGradientNorm, Log10PermutationCount(HiddenWidths(mlp)));
    }

    /// <summary>
    /// The α that makes hidden layer <paramref name="hiddenLayer"/>'s rescaled copy smallest in the L2 norm:
    /// ‖α(W_in, b_in)‖² + ‖W_out/α‖² is minimal at α* = (‖W_out‖_F / ‖(W_in, b_in)‖_F)^{1/2}. With weight decay only this
    /// member of the family stays a minimum; without it all are equally good.
    /// </summary>
    public static double MinimumNormAlpha(Mlp mlp, Vector<double> theta, int hiddenLayer)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        ArgumentNullException.ThrowIfNull(theta);
        if (hiddenLayer < 1 || hiddenLayer >= mlp.LayerCount)
        {
            throw new ArgumentOutOfRangeException(nameof(hiddenLayer), hiddenLayer, $"hiddenLayer must be in [1, {mlp.LayerCount - 1}].");
        }

        double inSquared = mlp.Weights(theta, hiddenLayer - 1).FrobeniusNorm() is var wi ? wi * wi : 0;
        double b = mlp.Biases(theta, hiddenLayer - 1).L2Norm();
        double outNorm = mlp.Weights(theta, hiddenLayer).FrobeniusNorm();
        return Math.Sqrt(outNorm / Math.Sqrt(inSquared + b * b));
    }
}
