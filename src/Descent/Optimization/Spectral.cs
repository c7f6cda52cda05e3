using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>Applies a function of a symmetric matrix to a vector through its eigen-decomposition:
/// f(H)·u = Q f(Λ) Qᵀ u with H = QΛQᵀ.</summary>
internal static class Spectral
{
    /// <summary>Relative size below which an eigenvalue counts as zero: |λ| ≤ 1e-12·max(|λ|).
    /// Eigenvalues are accurate to about u·‖H‖ ≈ 1e-16·‖H‖, so anything this small is noise.</summary>
    public const double SingularTolerance = 1e-12;

    public static Vector<double> Apply(Matrix<double> h, Vector<double> u, Func<double, double> f)
    {
        var evd = h.Evd(Symmetricity.Symmetric);
        var q = evd.EigenVectors;
        var y = q.TransposeThisAndMultiply(u);
        for (int i = 0; i < y.Count; i++)
        {
            y[i] *= f(evd.EigenValues[i].Real);
        }

        return q * y;
    }

    /// <summary>Solves (H + shift·I)x = u, throwing <see cref="ArithmeticException"/> when the shifted
    /// matrix is singular (some |λᵢ + shift| ≤ 1e-12·max|λⱼ + shift|).</summary>
    public static Vector<double> Solve(Matrix<double> h, Vector<double> u, double shift, string who, int step)
    {
        var evd = h.Evd(Symmetricity.Symmetric);
        var lambda = evd.EigenValues.Select(z => z.Real + shift).ToArray();
        double max = lambda.Max(Math.Abs);
        double min = lambda.Min(Math.Abs);
        if (!(min > SingularTolerance * max))
        {
            throw new ArithmeticException(
                $"{who}: the matrix to invert is singular at step {step} (smallest |eigenvalue| {min:G3}, largest {max:G3}); " +
                "use DampedNewton or SaddleFreeNewton.");
        }

        var q = evd.EigenVectors;
        var y = q.TransposeThisAndMultiply(u);
        for (int i = 0; i < y.Count; i++)
        {
            y[i] /= lambda[i];
        }

        return q * y;
    }
}
