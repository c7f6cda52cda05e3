using Descent.Data;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Race;

/// <summary>Deterministic inputs identical to torch_race.py's (no random generator to match across languages).</summary>
internal static class Patterns
{
    /// <summary>θᵢ = a·sin(b·i + c).</summary>
    public static Vector<double> Theta(int n, double a = 0.2, double b = 1.7, double c = 0.3) =>
        Vector<double>.Build.Dense(n, i => a * Math.Sin(b * i + c));

    /// <summary>vᵢ = cos(0.9·i), the HVP direction.</summary>
    public static Vector<double> Direction(int n) => Vector<double>.Build.Dense(n, i => Math.Cos(0.9 * i));

    /// <summary>All 1797 digits standardized with statistics of the whole file (population sd, constant pixels scale 1).</summary>
    public static Dataset AllDigits()
    {
        var all = Digits.ReadAll();
        return Standardizer.Fit(all.Inputs).Transform(all);
    }
}
