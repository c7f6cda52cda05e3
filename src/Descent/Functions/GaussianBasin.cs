using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// One Gaussian well −D·exp(−‖θ − c‖² / (2s²)) of a <see cref="MultiMinimum"/> surface.
/// </summary>
/// <param name="Center">c: where the well is (its minimum moves slightly under the confinement).</param>
/// <param name="Depth">D &gt; 0: how deep the well is.</param>
/// <param name="Width">s &gt; 0: its standard deviation; the curvature at the bottom is about D/s².</param>
public sealed record GaussianBasin(Vector<double> Center, double Depth, double Width)
{
    /// <inheritdoc />
    public override string ToString() => $"basin at {Text.Point(Center)}, depth {Depth:G4}, width {Width:G4}";
}
