using MathNet.Numerics.LinearAlgebra;

namespace Descent.Extend;

/// <summary>Chapter 05 — a scaled orthogonal recurrent matrix W = ρQ with Q a seeded random orthogonal matrix.
/// Task: implement Create (docs/extend.md, chapter 05), then run  dotnet test extend --filter Chapter05</summary>
public static class ScaledOrthogonal
{
    /// <summary>ρ·Q, reproducible from the seed.</summary>
    public static Matrix<double> Create(int n, double rho, int seed) => throw new NotImplementedException("Chapter 05: ρ times a random orthogonal matrix");
}
