using MathNet.Numerics.LinearAlgebra;

namespace Descent.Extend;

/// <summary>Chapter 07 — a quadratic Bézier path φ(t) = (1 − t)²a + 2t(1 − t)c + t²b between two solutions.
/// Task: implement both members (docs/extend.md, chapter 07), then run  dotnet test extend --filter Chapter07</summary>
public static class BezierPath
{
    /// <summary>φ(t) for t in [0, 1].</summary>
    public static Vector<double> Point(Vector<double> a, Vector<double> bend, Vector<double> b, double t) =>
        throw new NotImplementedException("Chapter 07: the Bézier point");

    /// <summary>∂φ/∂c at t.</summary>
    public static double BendWeight(double t) => throw new NotImplementedException("Chapter 07: ∂φ/∂c");
}
