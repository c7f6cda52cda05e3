using MathNet.Numerics.LinearAlgebra;

namespace Descent.Extend;

/// <summary>Chapter 05 — a scaled orthogonal recurrent matrix W = ρQ (Q a seeded random orthogonal matrix): every
/// eigenvalue has modulus ρ and ‖Wᵗx‖ = ρᵗ‖x‖ exactly, so ρ = 1 neither explodes nor vanishes.</summary>
public static class ScaledOrthogonal
{
    /// <summary>ρ·Q with Q from the QR decomposition of a seeded Gaussian matrix (signs fixed so Q is Haar).</summary>
    public static Matrix<double> Create(int n, double rho, int seed)
    {
        var random = new Random(seed);
        var gaussian = Matrix<double>.Build.Dense(n, n, (_, _) => MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1));
        var qr = gaussian.QR();
        var q = qr.Q * Matrix<double>.Build.DenseOfDiagonalArray(Enumerable.Range(0, n).Select(i => Math.Sign(qr.R[i, i]) >= 0 ? 1.0 : -1.0).ToArray());
        return q * rho;
    }
}
