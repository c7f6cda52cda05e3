using MathNet.Numerics.LinearAlgebra;

namespace Descent.Extend;

/// <summary>Chapter 07 — a quadratic Bézier path between two solutions a and b with a trainable bend c:
/// φ(t) = (1 − t)²a + 2t(1 − t)c + t²b, t ∈ [0, 1] (Garipov et al. 2018).</summary>
public static class BezierPath
{
    /// <summary>φ(t).</summary>
    public static Vector<double> Point(Vector<double> a, Vector<double> bend, Vector<double> b, double t)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(t, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(t, 1.0);
        return a * ((1 - t) * (1 - t)) + bend * (2 * t * (1 - t)) + b * (t * t);
    }

    /// <summary>∂φ/∂c = 2t(1 − t): how much a change of the bend moves the point at t (the chain rule for training c).</summary>
    public static double BendWeight(double t) => 2 * t * (1 - t);
}
