using System.Numerics;

namespace Descent.Experiments;

/// <summary>Repeated multiplication Wᵗx for one matrix, directly and by the eigendecomposition.</summary>
/// <param name="Name">Which matrix.</param>
/// <param name="Eigenvalues">λᵢ of W, by decreasing |λᵢ|.</param>
/// <param name="DirectNorms">‖Wᵗx‖ by t repeated products, t = 0 … Steps.</param>
/// <param name="EigenNorms">‖V diag(λ)ᵗ V⁻¹ x‖ from the eigendecomposition.</param>
/// <param name="Components">Components[i][t] = |cᵢ|·|λᵢ|ᵗ·‖vᵢ‖, the size of the part of Wᵗx along eigenvector vᵢ (c = V⁻¹x), in
/// the order of <see cref="Eigenvalues"/>.</param>
public sealed record MatrixPowerRun(string Name, Complex[] Eigenvalues, double[] DirectNorms, double[] EigenNorms, double[][] Components)
{
    /// <summary>Largest relative difference |direct − eigen| / direct over t.</summary>
    public double MaxRelativeError => DirectNorms.Zip(EigenNorms, (d, e) => Math.Abs(d - e) / d).Max();

    /// <summary>Spectral radius ρ = max|λᵢ|.</summary>
    public double SpectralRadius => Eigenvalues.Max(z => z.Magnitude);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: |λ| = {string.Join(", ", Eigenvalues.Select(z => z.Magnitude.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)))}; "
        + $"‖Wᵗx‖ from {DirectNorms[0]:G3} to {DirectNorms[^1]:G3} at t = {DirectNorms.Length - 1}; eigen formula agrees to {MaxRelativeError:G2} (relative)";
}
