using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Argument checks shared by chapter 08's experiments.</summary>
internal static class Chapter08Support
{
    /// <summary>A point of the given length from finite numbers, or an ArgumentException naming the parameter.</summary>
    public static Vector<double> Point(double[]? values, int dimension, string name)
    {
        if (values is null || values.Length != dimension || values.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException($"{name} must have {dimension} finite numbers.", name);
        }

        return Vector<double>.Build.DenseOfArray((double[])values.Clone());
    }

    /// <summary>Slope of log y against log x by least squares (the exponent p of y ≈ C·xᵖ).</summary>
    public static double LogLogSlope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var lx = x.Select(v => Math.Log(v)).ToArray();
        var ly = y.Select(v => Math.Log(v)).ToArray();
        double mx = lx.Average(), my = ly.Average();
        double sxy = 0, sxx = 0;
        for (int i = 0; i < lx.Length; i++) { sxy += (lx[i] - mx) * (ly[i] - my); sxx += (lx[i] - mx) * (lx[i] - mx); }
        return sxy / sxx;
    }
}
