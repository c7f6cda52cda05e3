using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>Argument checks shared by the closed-form surfaces: each throws with paramName = the
/// argument and a message naming the valid range.</summary>
internal static class FunctionArguments
{
    public static double Finite(double value, string name)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number.");
        return value;
    }

    public static double Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number > 0.");
        return value;
    }

    public static double NonNegative(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number ≥ 0.");
        return value;
    }

    public static double AtLeast(double value, double minimum, string name)
    {
        if (!(value >= minimum) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number ≥ {minimum}.");
        return value;
    }

    public static Vector<double> Point(Vector<double>? point, int dimension, string name)
    {
        ArgumentNullException.ThrowIfNull(point, name);
        if (point.Count != dimension)
            throw new ArgumentException($"{name} has length {point.Count}, but must have length {dimension}.", name);
        for (int i = 0; i < point.Count; i++)
            if (!double.IsFinite(point[i]))
                throw new ArgumentException($"{name}[{i}] is {point[i]}; every entry must be a finite number.", name);
        return point.Clone();
    }

    public static Vector<double> Vec(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    /// <summary>"[a, b, …]" with G4 entries, for ToString().</summary>
    public static string Format(Vector<double> v) =>
        "[" + string.Join(", ", v.Take(6).Select(x => x.ToString("G4"))) + (v.Count > 6 ? ", …]" : "]");
}
