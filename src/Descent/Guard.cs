using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;

namespace Descent;

/// <summary>
/// The one set of argument checks of the library. Each returns the checked value, so a constructor or an
/// init accessor reads <c>Rate = Guard.Positive(rate)</c>, and each throws with paramName = the argument (or
/// property) and a message naming the valid range, e.g. "learningRate must be a finite number &gt; 0.".
/// </summary>
/// <remarks>NaN fails every check (each comparison is written so that NaN is out of range).</remarks>
internal static class Guard
{
    /// <summary>Checks that <paramref name="value"/> is finite.</summary>
    public static double Finite(double value, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a finite number.");
        }

        return value;
    }

    /// <summary>Checks that <paramref name="value"/> is finite and &gt; 0.</summary>
    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a finite number > 0.");
        }

        return value;
    }

    /// <summary>Checks that <paramref name="value"/> is finite and ≥ 0.</summary>
    public static double NonNegative(double value, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a finite number ≥ 0.");
        }

        return value;
    }

    /// <summary>Checks that <paramref name="value"/> is finite and ≥ <paramref name="minimum"/>.</summary>
    public static double AtLeast(double value, double minimum, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (!(value >= minimum) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a finite number ≥ {minimum}.");
        }

        return value;
    }

    /// <summary>Checks that a count is ≥ <paramref name="minimum"/>.</summary>
    public static int AtLeast(int value, int minimum, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be at least {minimum}.");
        }

        return value;
    }

    /// <summary>Checks that <paramref name="value"/> lies in [0, 1) (momentum, decay rates, fractions).</summary>
    public static double UnitInterval(double value, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (!(value >= 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be in [0, 1).");
        }

        return value;
    }

    /// <summary>Checks that <paramref name="value"/> lies in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static double InRange(double value, double minimum, double maximum, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (!(value >= minimum && value <= maximum))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be in [{minimum}, {maximum}].");
        }

        return value;
    }

    /// <summary>Checks that <paramref name="value"/> lies in the open interval (<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static double Between(double value, double low, double high, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (!(value > low && value < high))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be in ({low}, {high}).");
        }

        return value;
    }

    /// <summary>Checks that a count lies in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static int InRange(int value, int minimum, int maximum, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be in [{minimum}, {maximum}].");
        }

        return value;
    }

    /// <summary>Checks that an array is given and non-empty, and every entry is finite and &gt; 0.</summary>
    public static double[] AllPositive(double[]? values, [CallerArgumentExpression(nameof(values))] string paramName = "")
    {
        if (values is null || values.Length == 0 || values.Any(v => !(v > 0) || !double.IsFinite(v)))
        {
            throw new ArgumentOutOfRangeException(paramName, $"{paramName} must list one or more finite numbers > 0.");
        }

        return values;
    }

    /// <summary>Checks that an array is given and non-empty, and every entry is ≥ <paramref name="minimum"/>.</summary>
    public static int[] AllAtLeast(int[]? values, int minimum, [CallerArgumentExpression(nameof(values))] string paramName = "")
    {
        if (values is null || values.Length == 0 || values.Any(v => v < minimum))
        {
            throw new ArgumentOutOfRangeException(paramName, $"{paramName} must list one or more values ≥ {minimum}.");
        }

        return values;
    }

    /// <summary>Checks that an array is given and has at least one entry.</summary>
    public static T[] NonEmpty<T>(T[]? values, [CallerArgumentExpression(nameof(values))] string paramName = "")
    {
        if (values is null || values.Length == 0)
        {
            throw new ArgumentException($"{paramName} must list at least one value.", paramName);
        }

        return values;
    }

    /// <summary>Checks a point: given, of length <paramref name="dimension"/>, every entry finite; returns a copy.</summary>
    public static Vector<double> Point(Vector<double>? point, int dimension, [CallerArgumentExpression(nameof(point))] string paramName = "")
    {
        ArgumentNullException.ThrowIfNull(point, paramName);
        if (point.Count != dimension)
        {
            throw new ArgumentException($"{paramName} has length {point.Count}, but must have length {dimension}.", paramName);
        }

        for (int i = 0; i < point.Count; i++)
        {
            if (!double.IsFinite(point[i]))
            {
                throw new ArgumentException($"{paramName}[{i}] is {point[i]}; every entry must be a finite number.", paramName);
            }
        }

        return point.Clone();
    }
}
