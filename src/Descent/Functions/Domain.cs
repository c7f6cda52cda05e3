using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// An axis-aligned box [lower, upper] of ℝⁿ (bounds may be infinite) together with the box worth
/// plotting. Objectives declare it so that charts and samplers know where to look.
/// </summary>
/// <param name="Lower">Lower bounds (may be −∞).</param>
/// <param name="Upper">Upper bounds (may be +∞).</param>
/// <param name="PlotLower">Lower corner of the region worth plotting (finite).</param>
/// <param name="PlotUpper">Upper corner of the region worth plotting (finite).</param>
public sealed record Domain(double[] Lower, double[] Upper, double[] PlotLower, double[] PlotUpper)
{
    /// <summary>ℝⁿ, plotted over [−2, 2]ⁿ.</summary>
    public static Domain Unbounded(int dimension, double plotHalfWidth = 2.0) => new(
        Enumerable.Repeat(double.NegativeInfinity, dimension).ToArray(),
        Enumerable.Repeat(double.PositiveInfinity, dimension).ToArray(),
        Enumerable.Repeat(-plotHalfWidth, dimension).ToArray(),
        Enumerable.Repeat(plotHalfWidth, dimension).ToArray());

    /// <summary>ℝⁿ, plotted over the given box.</summary>
    public static Domain UnboundedPlottedOver(double[] plotLower, double[] plotUpper) => new(
        Enumerable.Repeat(double.NegativeInfinity, plotLower.Length).ToArray(),
        Enumerable.Repeat(double.PositiveInfinity, plotLower.Length).ToArray(),
        plotLower, plotUpper);

    /// <summary>True when every coordinate of θ lies within [Lower, Upper].</summary>
    public bool Contains(Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        if (theta.Count != Lower.Length)
        {
            return false;
        }

        for (int i = 0; i < theta.Count; i++)
        {
            if (theta[i] < Lower[i] || theta[i] > Upper[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        bool unbounded = Lower.All(double.IsNegativeInfinity) && Upper.All(double.IsPositiveInfinity);
        string plot = string.Join(" × ", PlotLower.Zip(PlotUpper, (a, b) => $"[{a:G4}, {b:G4}]"));
        return unbounded ? $"ℝ^{Lower.Length} (plotted over {plot})" : $"box {string.Join(" × ", Lower.Zip(Upper, (a, b) => $"[{a:G4}, {b:G4}]"))}";
    }
}
