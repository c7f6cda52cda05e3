using MathNet.Numerics.LinearAlgebra;

namespace Descent.Curvature;

/// <summary>
/// The outcome of k Lanczos steps on a symmetric operator H from a unit start vector q₁: an orthonormal
/// Krylov basis Q_k = [q₁ … q_k] with Q_kᵀ H Q_k = T_k tridiagonal (diagonal α, off-diagonal β), and the
/// Ritz pairs (θᵢ, Q_k sᵢ) from T_k = S Θ Sᵀ.
/// </summary>
/// <param name="Alpha">α₁ … α_k, the diagonal of T_k.</param>
/// <param name="Beta">β₁ … β_{k−1}, the off-diagonal of T_k.</param>
/// <param name="FinalBeta">β_k = ‖r_k‖, the norm of the last residual (0 on breakdown).</param>
/// <param name="RitzValues">θ₁ ≤ … ≤ θ_k, eigenvalues of T_k; the extremes converge first to λmin and λmax.</param>
/// <param name="RitzWeights">τᵢ = (e₁ᵀsᵢ)², the Gauss quadrature weights of the start vector (they sum to 1).</param>
/// <param name="ResidualBounds">|β_k · e_kᵀsᵢ| = ‖H yᵢ − θᵢ yᵢ‖: some eigenvalue of H lies within this of θᵢ.</param>
/// <param name="Basis">Q_k, n×k with orthonormal columns.</param>
/// <param name="Breakdown">True when β became negligible: the Krylov space is invariant and the Ritz values are exact eigenvalues.</param>
/// <param name="Source">Whether the products were exact or finite-difference approximations.</param>
public sealed record LanczosResult(
    double[] Alpha, double[] Beta, double FinalBeta, double[] RitzValues, double[] RitzWeights, double[] ResidualBounds,
    Matrix<double> Basis, bool Breakdown, HessianProductSource Source)
{
    /// <summary>Number of steps taken k (= products with H).</summary>
    public int Steps => Alpha.Length;

    /// <summary>Smallest Ritz value θ₁ (an upper bound on λmin, converging to it).</summary>
    public double MinEigenvalue => RitzValues[0];

    /// <summary>Largest Ritz value θ_k (a lower bound on λmax, converging to it).</summary>
    public double MaxEigenvalue => RitzValues[^1];

    /// <summary>Ritz vector yᵢ = Q_k sᵢ for the i-th smallest Ritz value (unit length); i = 0 approximates the most negative curvature direction.</summary>
    public Vector<double> RitzVector(int index)
    {
        if (index < 0 || index >= Steps)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {Steps - 1}].");
        }

        var t = Tridiagonal();
        var evd = t.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, Steps).OrderBy(i => evd.EigenValues[i].Real).ToArray();
        var y = Basis * evd.EigenVectors.Column(order[index]);
        return y / y.L2Norm();
    }

    /// <summary>T_k as a dense k×k matrix.</summary>
    public Matrix<double> Tridiagonal()
    {
        int k = Steps;
        var t = Matrix<double>.Build.Dense(k, k);
        for (int i = 0; i < k; i++)
        {
            t[i, i] = Alpha[i];
            if (i + 1 < k)
            {
                t[i, i + 1] = Beta[i];
                t[i + 1, i] = Beta[i];
            }
        }
        return t;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Lanczos({Steps} steps{(Breakdown ? ", invariant subspace found" : "")}{(Source == HessianProductSource.FiniteDifference ? ", APPROXIMATE products" : "")}): " +
        $"θmin = {MinEigenvalue:G8} (± {ResidualBounds[0]:G2}), θmax = {MaxEigenvalue:G8} (± {ResidualBounds[^1]:G2})";
}
