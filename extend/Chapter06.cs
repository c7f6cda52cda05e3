using MathNet.Numerics.LinearAlgebra;

namespace Descent.Extend;

/// <summary>Chapter 06 — Polyak–Ruppert averaging of SGD iterates after a burn-in. Task: implement Average
/// (docs/extend.md, chapter 06), then run  dotnet test extend --filter Chapter06</summary>
public static class IterateAveraging
{
    /// <summary>The mean of the iterates from index burnIn on.</summary>
    public static Vector<double> Average(IReadOnlyList<Vector<double>> iterates, int burnIn) =>
        throw new NotImplementedException("Chapter 06: average the iterates after the burn-in");
}
