using System.Globalization;

namespace Descent.Optimization;

/// <summary>Number formatting shared by the ToString() of transforms, schedules and results.</summary>
internal static class Text
{
    /// <summary>x with four significant digits, invariant culture, typographic minus sign.</summary>
    public static string Num(double x) => x.ToString("G4", CultureInfo.InvariantCulture).Replace('-', '−');

    /// <summary>Checks that <paramref name="value"/> is finite and ≥ 0 (or &gt; 0 when <paramref name="strict"/>).</summary>
    public static double NonNegative(double value, string paramName, bool strict = false)
    {
        if (!double.IsFinite(value) || value < 0 || (strict && value == 0))
            throw new ArgumentOutOfRangeException(paramName, value,
                $"{paramName} must be a finite number {(strict ? "> 0" : "≥ 0")}.");
        return value;
    }

    /// <summary>Checks that <paramref name="value"/> lies in [0, 1) (momentum and decay rates).</summary>
    public static double UnitInterval(double value, string paramName)
    {
        if (!(value >= 0 && value < 1))
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be in [0, 1).");
        return value;
    }

    /// <summary>Checks that a step count is ≥ <paramref name="minimum"/>.</summary>
    public static int Count(int value, string paramName, int minimum = 1)
    {
        if (value < minimum)
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be at least {minimum}.");
        return value;
    }

    /// <summary>Renders a vector briefly: at most eight entries.</summary>
    public static string Vec(MathNet.Numerics.LinearAlgebra.Vector<double> v) =>
        "[" + string.Join(", ", v.Take(8).Select(Num)) + (v.Count > 8 ? $", … ({v.Count} entries)]" : "]");
}
