using MathNet.Numerics.LinearAlgebra;

namespace Descent.Curvature;

/// <summary>
/// A polar sweep of the directional curvature of a 2×2 symmetric H: for angles φₖ = 2πk/N the curvature
/// c(φ) = dᵀHd with d = (cos φ, sin φ) = λ₁cos²(φ − φ₁) + λ₂sin²(φ − φ₁), where φ₁ is the angle of v₁.
/// It ranges over [λmin, λmax], touching each at its eigenvector. For a polar chart of curvature.
/// </summary>
/// <param name="Angles">φₖ in radians, in [0, 2π).</param>
/// <param name="Curvatures">c(φₖ) = dᵀHd.</param>
/// <param name="Eigenvalues">λ₁ ≤ λ₂ of H.</param>
/// <param name="EigenvectorAngles">Angles of v₁ and v₂ in [0, π) (a direction and its opposite have the same curvature).</param>
public sealed record CurvatureSweep(double[] Angles, double[] Curvatures, double[] Eigenvalues, double[] EigenvectorAngles)
{
    /// <summary>Sweeps <paramref name="count"/> equally spaced directions around the circle.</summary>
    /// <param name="hessian">A symmetric 2×2 matrix.</param>
    /// <param name="count">Number of directions, 4 ≤ count ≤ 100000.</param>
    public static CurvatureSweep Polar(Matrix<double> hessian, int count = 360)
    {
        ArgumentNullException.ThrowIfNull(hessian);
        if (hessian.RowCount != 2 || hessian.ColumnCount != 2)
        {
            throw new ArgumentException($"hessian must be 2×2 for a polar sweep, but it is {hessian.RowCount}×{hessian.ColumnCount}.", nameof(hessian));
        }

        if (count < 4 || count > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be in [4, 100000].");
        }

        var spectrum = Spectrum.Of(hessian);
        var h = (hessian + hessian.Transpose()) * 0.5;
        var angles = new double[count];
        var curv = new double[count];
        for (int k = 0; k < count; k++)
        {
            double phi = 2 * Math.PI * k / count;
            double c = Math.Cos(phi), s = Math.Sin(phi);
            angles[k] = phi;
            curv[k] = c * c * h[0, 0] + 2 * c * s * h[0, 1] + s * s * h[1, 1];
        }
        var eigAngles = new double[2];
        for (int i = 0; i < 2; i++)
        {
            var v = spectrum.Eigenvector(i);
            double a = Math.Atan2(v[1], v[0]);
            if (a < 0)
            {
                a += Math.PI;
            }

            if (a >= Math.PI)
            {
                a -= Math.PI;
            }

            eigAngles[i] = a;
        }
        return new CurvatureSweep(angles, curv, spectrum.Eigenvalues, eigAngles);
    }

    /// <summary>Smallest sampled curvature (≥ λmin).</summary>
    public double Min => Curvatures.Min();

    /// <summary>Largest sampled curvature (≤ λmax).</summary>
    public double Max => Curvatures.Max();

    /// <summary>Fraction of sampled directions with negative curvature (0 at a minimum, 1 at a maximum).</summary>
    public double NegativeFraction => Curvatures.Count(c => c < 0) / (double)Curvatures.Length;

    /// <inheritdoc />
    public override string ToString() =>
        $"CurvatureSweep({Angles.Length} directions): dᵀHd ∈ [{Min:G4}, {Max:G4}], λ = ({Eigenvalues[0]:G4}, {Eigenvalues[1]:G4}) " +
        $"at {EigenvectorAngles[0] * 180 / Math.PI:F1}° and {EigenvectorAngles[1] * 180 / Math.PI:F1}°, negative in {NegativeFraction:P0} of directions";
}
