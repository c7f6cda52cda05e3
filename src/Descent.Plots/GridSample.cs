namespace Descent.Plots;

/// <summary>
/// Values of a function of two variables on a rectangular grid: Z[j][i] = f(X[i], Y[j]) (row j is one y).
/// Produced by <see cref="Landscape"/>; drawn by the contour, surface and slice builders.
/// Non-finite values are kept and drawn as gaps.
/// </summary>
/// <param name="X">Grid abscissae, increasing.</param>
/// <param name="Y">Grid ordinates, increasing.</param>
/// <param name="Z">Values, Y.Count rows of X.Count entries.</param>
/// <param name="Name">What Z is, e.g. "Rosenbrock(2)".</param>
/// <param name="XTitle">Axis title for X.</param>
/// <param name="YTitle">Axis title for Y.</param>
public sealed record GridSample(
    IReadOnlyList<double> X,
    IReadOnlyList<double> Y,
    double[][] Z,
    string Name,
    string XTitle = "θ₁",
    string YTitle = "θ₂")
{
    /// <summary>The box spanned by the grid.</summary>
    public PlotBox Box => new(X[0], X[^1], Y[0], Y[^1]);

    /// <summary>Smallest finite value (NaN when there is none).</summary>
    public double MinValue => Finite().DefaultIfEmpty(double.NaN).Min();

    /// <summary>Largest finite value (NaN when there is none).</summary>
    public double MaxValue => Finite().DefaultIfEmpty(double.NaN).Max();

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name} on a {X.Count}×{Y.Count} grid over {Box}, values in [{MinValue:G4}, {MaxValue:G4}]";

    internal IEnumerable<double> Finite() => Z.SelectMany(r => r).Where(double.IsFinite);

    internal void Validate(string paramName)
    {
        if (X is null || Y is null || Z is null)
        {
            throw new ArgumentException("grid X, Y and Z must not be null.", paramName);
        }

        if (X.Count < 2 || Y.Count < 2)
        {
            throw new ArgumentException($"grid needs at least 2 x and 2 y values (has {X?.Count} × {Y?.Count}).", paramName);
        }

        if (Z.Length != Y.Count)
        {
            throw new ArgumentException($"grid Z has {Z.Length} rows but there are {Y.Count} y values; they must match.", paramName);
        }

        for (int j = 0; j < Z.Length; j++)
        {
            if (Z[j] is null || Z[j].Length != X.Count)
            {
                throw new ArgumentException($"grid Z row {j} has {Z[j]?.Length ?? 0} entries but there are {X.Count} x values; they must match.", paramName);
            }
        }
    }
}
