using MathNet.Numerics.LinearAlgebra;

namespace Descent.Curvature;

/// <summary>
/// Random symmetric matrices as stand-ins for Hessians at random critical points (Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions", "the coin-flip argument";
/// Dauphin et al. 2014, arXiv:1406.2572; Bray &amp; Dean 2007, arXiv:cond-mat/0611023).
/// The Gaussian orthogonal ensemble (GOE) scaled so its spectrum fills [−2, 2]: H = (A + Aᵀ)/√(2n) with Aᵢⱼ ~ N(0, 1),
/// so off-diagonal entries have variance 1/n and diagonal ones 2/n; as n grows the eigenvalue density tends to
/// Wigner's semicircle ρ(λ) = √(4 − λ²)/(2π) on [−2, 2].
/// </summary>
/// <remarks>
/// <para>The unweighted coin: each eigenvalue is positive with probability ½, so a minimum (all positive) is rare — for
/// the GOE rarer still than 2⁻ⁿ, because eigenvalues repel (Dean &amp; Majumdar 2006: P ≈ e^{−n² ln 3 / 4}); for n = 2
/// the probability is exactly (2 − √2)/4 ≈ 0.146.</para>
/// <para>The weighted coin: at a critical point of loss L the Hessian looks like a GOE shifted by μ(L), which falls as
/// L rises; the fraction of negative eigenvalues (the index α) is then the semicircle mass below −μ,
/// α = F_sc(−μ) with F_sc the semicircle's cumulative distribution.</para>
/// </remarks>
public static class RandomSymmetric
{
    /// <summary>One n×n GOE matrix (A + Aᵀ)/√(2n), A with i.i.d. N(0, 1) entries from <c>new Random(seed)</c>.</summary>
    public static Matrix<double> Goe(int n, int seed) => Goe(n, new Random(seed));

    /// <summary>One n×n GOE matrix drawn from <paramref name="random"/>.</summary>
    public static Matrix<double> Goe(int n, Random random)
    {
        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "n must be at least 1.");
        }

        ArgumentNullException.ThrowIfNull(random);
        var a = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                a[i, j] = Gaussian(random);
            }
        }

        return (a + a.Transpose()) / Math.Sqrt(2.0 * n);
    }

    /// <summary>Eigenvalues (ascending) of <paramref name="count"/> independent n×n GOE matrices, concatenated.</summary>
    public static double[] GoeEigenvalues(int n, int count, int seed)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be at least 1.");
        }

        var random = new Random(seed);
        var all = new List<double>(n * count);
        for (int k = 0; k < count; k++)
        {
            all.AddRange(SymmetricEigenvalues.Compute(Goe(n, random)));
        }

        return [.. all];
    }

    /// <summary>Wigner's semicircle density √(4 − λ²)/(2π) on [−2, 2] (0 outside).</summary>
    public static double SemicircleDensity(double lambda) =>
        double.IsNaN(lambda) ? double.NaN : Math.Abs(lambda) >= 2 ? 0.0 : Math.Sqrt(4 - lambda * lambda) / (2 * Math.PI);

    /// <summary>The semicircle's cumulative distribution F(λ) = ½ + (λ√(4 − λ²)/4 + asin(λ/2))/π on [−2, 2].</summary>
    public static double SemicircleCdf(double lambda)
    {
        if (double.IsNaN(lambda))
        {
            return double.NaN;
        }

        if (lambda <= -2)
        {
            return 0.0;
        }

        if (lambda >= 2)
        {
            return 1.0;
        }

        return 0.5 + (lambda * Math.Sqrt(4 - lambda * lambda) / 4 + Math.Asin(lambda / 2)) / Math.PI;
    }

    /// <summary>The weighted coin's index: the expected fraction of negative eigenvalues of GOE + μI for large n,
    /// F_sc(−μ) (½ at μ = 0, 0 for μ ≥ 2, 1 for μ ≤ −2).</summary>
    public static double ShiftedIndexFraction(double shift) => SemicircleCdf(-shift);

    /// <summary>Fraction of <paramref name="samples"/> n×n GOE matrices whose eigenvalues are all positive (a "minimum"),
    /// and of those with all eigenvalues negative (a "maximum"); the rest are saddles.</summary>
    public static (double Minima, double Maxima) DefiniteFractions(int n, int samples, int seed)
    {
        if (samples < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "samples must be at least 1.");
        }

        var random = new Random(seed);
        int min = 0, max = 0;
        for (int k = 0; k < samples; k++)
        {
            var ev = SymmetricEigenvalues.Compute(Goe(n, random));
            if (ev[0] > 0)
            {
                min++;
            }

            if (ev[^1] < 0)
            {
                max++;
            }
        }
        return ((double)min / samples, (double)max / samples);
    }

    /// <summary>A standard normal from <paramref name="random"/> (Box–Muller).</summary>
    public static double Gaussian(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
