using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent;

/// <summary>Number and vector formatting shared by the ToString() of transforms, schedules, objectives and results
/// (argument checks are in <see cref="Guard"/>).</summary>
internal static class Text
{
    /// <summary>x with four significant digits, invariant culture, typographic minus sign.</summary>
    public static string Num(double x) => x.ToString("G4", CultureInfo.InvariantCulture).Replace('-', '−');

    /// <summary>Renders a vector briefly: at most eight entries, as <see cref="Num"/>.</summary>
    public static string Vec(Vector<double> v) =>
        "[" + string.Join(", ", v.Take(8).Select(Num)) + (v.Count > 8 ? $", … ({v.Count} entries)]" : "]");

    /// <summary>Renders a point of a closed-form surface: at most six entries, G4 with an ASCII minus sign.</summary>
    /// <remarks>The surfaces' printed forms use this older form, which the chapters' stored outputs show; it
    /// differs from <see cref="Vec"/> only in the sign character and the number of entries.</remarks>
    public static string Point(Vector<double> v) =>
        "[" + string.Join(", ", v.Take(6).Select(x => x.ToString("G4", CultureInfo.InvariantCulture))) + (v.Count > 6 ? ", …]" : "]");
}
