using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Support;

/// <summary>Seeded test matrices with spectra known independently of the code under test.</summary>
public static class RandomMatrices
{
    /// <summary>A GOE-style symmetric matrix (G + Gᵀ)/√(2n) with G standard Gaussian from the seed;
    /// its spectrum fills roughly [−2, 2] (Wigner's semicircle).</summary>
    public static Matrix<double> Symmetric(int n, int seed)
    {
        var rng = new Random(seed);
        var g = Matrix<double>.Build.Dense(n, n, (_, _) => Gaussian(rng));
        return (g + g.Transpose()) / Math.Sqrt(2.0 * n);
    }

    /// <summary>A standard Gaussian by Box–Muller.</summary>
    public static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble();
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Sorted eigenvalues by MathNet's dense symmetric eigensolver (the reference spectrum).</summary>
    public static double[] Eigenvalues(Matrix<double> symmetric) =>
        symmetric.Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).OrderBy(x => x).ToArray();
}
