using MathNet.Numerics.LinearAlgebra;

namespace Descent;

/// <summary>Short ways to write a point θ in a notebook cell: <c>Point.Of(-5, -2)</c>.</summary>
public static class Point
{
    /// <summary>The vector (θ₁, …, θₙ).</summary>
    public static Vector<double> Of(params double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
        {
            throw new ArgumentException("a point needs at least one coordinate.", nameof(values));
        }

        return Vector<double>.Build.DenseOfArray((double[])values.Clone());
    }

    /// <summary>The point (r cos φ, r sin φ) at angle φ (radians) and radius r.</summary>
    public static Vector<double> Polar(double radius, double angle) => Of(radius * Math.Cos(angle), radius * Math.Sin(angle));
}
