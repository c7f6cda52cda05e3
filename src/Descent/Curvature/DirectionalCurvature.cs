using MathNet.Numerics.LinearAlgebra;

namespace Descent.Curvature;

/// <summary>
/// The second derivative along a unit direction d and its decomposition over the eigenvectors (Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions"):
/// dᵀHd = Σᵢ λᵢ cos²∠(vᵢ, d).
/// </summary>
/// <param name="Direction">The unit direction d (the given direction divided by its norm).</param>
/// <param name="QuadraticForm">dᵀHd computed directly as a matrix product.</param>
/// <param name="Eigenvalues">λ₁ ≤ … ≤ λₙ.</param>
/// <param name="CosineSquared">cos²∠(vᵢ, d) = (vᵢᵀd)² for each eigenvector; they sum to 1.</param>
/// <param name="Terms">λᵢ cos²∠(vᵢ, d), the contribution of each eigen-direction.</param>
public sealed record DirectionalCurvature(
    Vector<double> Direction, double QuadraticForm, double[] Eigenvalues, double[] CosineSquared, double[] Terms)
{
    /// <summary>Σᵢ λᵢ cos²∠(vᵢ, d): the right-hand side of the identity, equal to <see cref="QuadraticForm"/> up to rounding.</summary>
    public double EigenSum => Terms.Sum();

    /// <summary>The decomposition for a symmetric matrix H along <paramref name="direction"/> (normalized first).</summary>
    public static DirectionalCurvature Of(Matrix<double> hessian, Vector<double> direction) =>
        Of(Spectrum.Of(hessian), direction, hessian);

    /// <summary>The decomposition for an already decomposed H along <paramref name="direction"/> (normalized first).</summary>
    public static DirectionalCurvature Of(Spectrum spectrum, Vector<double> direction) => Of(spectrum, direction, null);

    private static DirectionalCurvature Of(Spectrum spectrum, Vector<double> direction, Matrix<double>? hessian)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        ArgumentNullException.ThrowIfNull(direction);
        if (direction.Count != spectrum.Dimension)
        {
            throw new ArgumentException(
                $"direction has length {direction.Count}, but the Hessian is {spectrum.Dimension}×{spectrum.Dimension}.", nameof(direction));
        }

        double norm = direction.L2Norm();
        if (!(norm > 0) || !double.IsFinite(norm))
        {
            throw new ArgumentException("direction must be a non-zero vector with finite entries.", nameof(direction));
        }

        var d = direction / norm;
        var h = hessian ?? spectrum.Reconstruct();
        double form = d.DotProduct(h * d);
        var lambda = spectrum.Eigenvalues;
        var cos2 = new double[lambda.Length];
        var terms = new double[lambda.Length];
        for (int i = 0; i < lambda.Length; i++)
        {
            double c = spectrum.Eigenvector(i).DotProduct(d);
            cos2[i] = c * c;
            terms[i] = lambda[i] * cos2[i];
        }
        return new DirectionalCurvature(d, form, lambda, cos2, terms);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = Eigenvalues.Select((l, i) => $"{l:G4}·{CosineSquared[i]:G3}").Take(6);
        string more = Eigenvalues.Length > 6 ? " + …" : "";
        return $"dᵀHd = {QuadraticForm:G6} = Σλᵢcos²θᵢ = {string.Join(" + ", parts)}{more} = {EigenSum:G6}";
    }
}
