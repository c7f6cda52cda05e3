using Descent.Curvature;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>The deep linear teacher of the Saxe experiments: whitened inputs (Σxx = I), Σyx = U diag(s) Vᵀ with random
/// orthogonal U, V, and tr Σyy = Σₐ sₐ² so the minimum loss is 0 and the loss at W = 0 is ½Σₐ sₐ².</summary>
public static class SaxeNetworks
{
    /// <summary>A network of <paramref name="depth"/> square weight layers (width = number of modes) fitting Σyx = U diag(s) Vᵀ.</summary>
    public static DeepLinearNetwork Network(double[] strengths, int depth, int seed)
    {
        ArgumentNullException.ThrowIfNull(strengths);
        if (strengths.Length == 0 || strengths.Any(s => !(s > 0) || !double.IsFinite(s)))
        {
            throw new ArgumentOutOfRangeException(nameof(strengths), "strengths must be a non-empty list of finite numbers > 0.");
        }

        if (depth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "depth must be at least 1 weight layer.");
        }

        int n = strengths.Length;
        var (u, v) = (RandomOrthogonal(n, seed), RandomOrthogonal(n, seed + 1));
        var syx = u * Matrix<double>.Build.DenseOfDiagonalArray(strengths) * v.Transpose();
        return DeepLinearNetwork.FromCorrelations(Enumerable.Repeat(n, depth + 1).ToArray(), Matrix<double>.Build.DenseIdentity(n), syx,
            strengths.Sum(s => s * s));
    }

    /// <summary>Initial parameters for <paramref name="network"/>: decoupled with strength <paramref name="scale"/> (u₀), small Gaussian
    /// with σ = <paramref name="scale"/>, or orthogonal (gain 1, <paramref name="scale"/> unused).</summary>
    public static Vector<double> Initialize(DeepLinearNetwork network, SaxeInitialization initialization, double scale, int seed)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!(scale > 0) || !double.IsFinite(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be a finite number > 0.");
        }

        switch (initialization)
        {
            case SaxeInitialization.SmallGaussian: return network.Initialize(Models.Initialization.Gaussian(scale), seed);
            case SaxeInitialization.Orthogonal: return network.Initialize(Models.Initialization.Orthogonal(1.0), seed);
            case SaxeInitialization.Decoupled:
            {
                int n = network.LayerSizes[0], d = network.Depth;
                var svd = network.InputOutputCorrelation.Svd();
                double c = Math.Pow(scale, 1.0 / d);
                var theta = Vector<double>.Build.Dense(network.Dimension);
                for (int l = 0; l < d; l++)
                {
                    var w = l == 0 && d == 1 ? svd.U * svd.VT
                        : l == 0 ? svd.VT
                        : l == d - 1 ? svd.U
                        : Matrix<double>.Build.DenseIdentity(n);
                    int off = network.WeightOffset(l);
                    for (int i = 0; i < n; i++)
                    {
                        for (int j = 0; j < n; j++)
                        {
                            theta[off + i * n + j] = c * w[i, j];
                        }
                    }
                }
                return theta;
            }
            default: throw new ArgumentOutOfRangeException(nameof(initialization), initialization, "unknown initialization.");
        }
    }

    /// <summary>A Haar-random n×n orthogonal matrix (QR of a Gaussian matrix with the signs of R's diagonal fixed).</summary>
    public static Matrix<double> RandomOrthogonal(int n, int seed)
    {
        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "n must be at least 1.");
        }

        var random = new Random(seed);
        var g = Matrix<double>.Build.Dense(n, n, (_, _) => RandomSymmetric.Gaussian(random));
        var qr = g.QR();
        var q = qr.Q.Clone();
        for (int j = 0; j < n; j++)
        {
            if (qr.R[j, j] < 0)
            {
                q.SetColumn(j, -q.Column(j));
            }
        }

        return q;
    }
}
