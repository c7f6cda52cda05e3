using Descent.Functions;

namespace Descent.Plots;

/// <summary>A rectangle [XMin, XMax] × [YMin, YMax] of the plane to draw, e.g. the plot box of an objective's <see cref="Domain"/>.</summary>
public sealed record PlotBox
{
    /// <summary>Creates the box; every bound must be finite and each lower bound below its upper bound.</summary>
    public PlotBox(double xMin, double xMax, double yMin, double yMax)
    {
        Check(xMin, nameof(xMin));
        Check(xMax, nameof(xMax));
        Check(yMin, nameof(yMin));
        Check(yMax, nameof(yMax));
        if (!(xMin < xMax))
        {
            throw new ArgumentException($"xMin ({xMin}) must be below xMax ({xMax}).", nameof(xMax));
        }

        if (!(yMin < yMax))
        {
            throw new ArgumentException($"yMin ({yMin}) must be below yMax ({yMax}).", nameof(yMax));
        }

        XMin = xMin;
        XMax = xMax;
        YMin = yMin;
        YMax = yMax;
    }

    /// <summary>Left edge.</summary>
    public double XMin { get; }

    /// <summary>Right edge.</summary>
    public double XMax { get; }

    /// <summary>Bottom edge.</summary>
    public double YMin { get; }

    /// <summary>Top edge.</summary>
    public double YMax { get; }

    /// <summary>The square [−h, h]² centred on the origin (h &gt; 0).</summary>
    public static PlotBox Square(double halfWidth) => halfWidth > 0 && double.IsFinite(halfWidth)
        ? new PlotBox(-halfWidth, halfWidth, -halfWidth, halfWidth)
        : throw new ArgumentOutOfRangeException(nameof(halfWidth), halfWidth, "halfWidth must be a finite number > 0.");

    /// <summary>The plot box of coordinates <paramref name="xIndex"/> and <paramref name="yIndex"/> of a domain.</summary>
    public static PlotBox Of(Domain domain, int xIndex = 0, int yIndex = 1)
    {
        ArgumentNullException.ThrowIfNull(domain);
        int n = domain.PlotLower.Length;
        if (xIndex < 0 || xIndex >= n)
        {
            throw new ArgumentOutOfRangeException(nameof(xIndex), xIndex, $"xIndex must be in [0, {n - 1}].");
        }

        if (yIndex < 0 || yIndex >= n || yIndex == xIndex)
        {
            throw new ArgumentOutOfRangeException(nameof(yIndex), yIndex, $"yIndex must be in [0, {n - 1}] and differ from xIndex.");
        }

        return new PlotBox(domain.PlotLower[xIndex], domain.PlotUpper[xIndex], domain.PlotLower[yIndex], domain.PlotUpper[yIndex]);
    }

    /// <summary>True when (x, y) lies in the closed box.</summary>
    public bool Contains(double x, double y) => x >= XMin && x <= XMax && y >= YMin && y <= YMax;

    /// <inheritdoc />
    public override string ToString() => $"[{XMin:G4}, {XMax:G4}] × [{YMin:G4}, {YMax:G4}]";

    private static void Check(double v, string name)
    {
        if (!double.IsFinite(v))
        {
            throw new ArgumentOutOfRangeException(name, v, $"{name} must be a finite number.");
        }
    }
}
