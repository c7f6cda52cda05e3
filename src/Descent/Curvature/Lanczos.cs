using MathNet.Numerics.LinearAlgebra;

namespace Descent.Curvature;

/// <summary>
/// The Lanczos iteration with full reorthogonalization for the extreme eigenvalues of a symmetric operator,
/// using only products H·v (Lanczos 1950; Golub &amp; Van Loan, Matrix Computations, §10.1).
/// </summary>
/// <remarks>
/// Step j: w = Hq_j − β_{j−1}q_{j−1}; α_j = q_jᵀw; w ← w − α_j q_j; then w is orthogonalized twice against every previous
/// q (classical Gram–Schmidt, "twice is enough") so the basis stays orthonormal to rounding and no spurious copies of
/// converged Ritz values appear; β_j = ‖w‖, q_{j+1} = w/β_j. The iteration stops early when β_j ≤ 1e-12·‖T‖
/// (an invariant subspace: the Ritz values are then exact eigenvalues). Cost: k products and O(nk²) work.
/// </remarks>
public static class Lanczos
{
    /// <summary>Runs up to <paramref name="steps"/> steps from a seeded Gaussian start vector.</summary>
    /// <param name="hessian">The symmetric operator.</param>
    /// <param name="steps">1 ≤ steps ≤ n (the Krylov space cannot exceed n dimensions).</param>
    /// <param name="seed">Seed of the start vector (<c>new Random(seed)</c>, Box–Muller Gaussians).</param>
    public static LanczosResult Run(HessianOperator hessian, int steps, int seed)
    {
        ArgumentNullException.ThrowIfNull(hessian);
        var rng = new Random(seed);
        var start = Vector<double>.Build.Dense(hessian.Dimension, _ => Gaussian(rng));
        return Run(hessian, steps, start);
    }

    /// <summary>Runs up to <paramref name="steps"/> steps from the given start vector (normalized first).</summary>
    public static LanczosResult Run(HessianOperator hessian, int steps, Vector<double> start)
    {
        ArgumentNullException.ThrowIfNull(hessian);
        ArgumentNullException.ThrowIfNull(start);
        int n = hessian.Dimension;
        if (steps < 1 || steps > n)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"steps must be in [1, {n}] (the dimension).");
        }

        if (start.Count != n)
        {
            throw new ArgumentException($"start has length {start.Count}, but the operator has dimension {n}.", nameof(start));
        }

        double norm0 = start.L2Norm();
        if (!(norm0 > 0) || !double.IsFinite(norm0))
        {
            throw new ArgumentException("start must be a non-zero vector with finite entries.", nameof(start));
        }

        // The basis is kept as plain arrays: the reorthogonalization is the O(nk²) part and should not allocate.
        var basis = new List<double[]> { (start / norm0).ToArray() };
        var alpha = new List<double>();
        var beta = new List<double>();
        double finalBeta = 0, scale = 0;
        bool breakdown = false;
        for (int j = 0; j < steps; j++)
        {
            var q = basis[j];
            var w = hessian.Apply(Vector<double>.Build.Dense((double[])q.Clone())).ToArray();
            if (j > 0)
            {
                Axpy(-beta[j - 1], basis[j - 1], w);
            }

            double a = Dot(q, w);
            Axpy(-a, q, w);
            for (int pass = 0; pass < 2; pass++)
            {
                foreach (var p in basis)
                {
                    Axpy(-Dot(p, w), p, w);
                }
            }

            alpha.Add(a);
            double b = Math.Sqrt(Dot(w, w));
            scale = Math.Max(scale, Math.Abs(a) + b + (j > 0 ? beta[j - 1] : 0));
            if (b <= 1e-12 * Math.Max(scale, double.Epsilon))
            {
                finalBeta = 0;
                breakdown = true;
                break;
            }
            if (j + 1 == steps)
            {
                finalBeta = b;
                break;
            }
            beta.Add(b);
            for (int i = 0; i < n; i++)
            {
                w[i] /= b;
            }

            basis.Add(w);
        }

        int k = alpha.Count;
        var t = Matrix<double>.Build.Dense(k, k);
        for (int i = 0; i < k; i++)
        {
            t[i, i] = alpha[i];
            if (i + 1 < k) { t[i, i + 1] = beta[i]; t[i + 1, i] = beta[i]; }
        }
        var evd = t.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, k).OrderBy(i => evd.EigenValues[i].Real).ToArray();
        var ritz = order.Select(i => evd.EigenValues[i].Real).ToArray();
        var weights = order.Select(i => evd.EigenVectors[0, i] * evd.EigenVectors[0, i]).ToArray();
        var residuals = order.Select(i => Math.Abs(finalBeta * evd.EigenVectors[k - 1, i])).ToArray();
        var basisMatrix = Matrix<double>.Build.Dense(n, k);
        for (int j = 0; j < k; j++)
        {
            basisMatrix.SetColumn(j, basis[j]);
        }

        return new LanczosResult(alpha.ToArray(), beta.Take(k - 1).ToArray(), finalBeta, ritz, weights, residuals, basisMatrix, breakdown, hessian.Source);
    }

    private static double Dot(double[] x, double[] y)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += x[i] * y[i];
        }

        return s;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    internal static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble();
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
