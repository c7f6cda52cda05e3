using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Extend;

/// <summary>Chapter 08 — backtracking (Armijo) line search: shrink α until L(θ − αg) ≤ L(θ) − c·α‖g‖².
/// Task: implement Step (docs/extend.md, chapter 08), then run  dotnet test extend --filter Chapter08</summary>
public static class Armijo
{
    /// <summary>The accepted step size α at θ.</summary>
    public static double Step(Objective objective, Vector<double> theta, double initial = 1.0, double shrink = 0.5, double sufficient = 1e-4) =>
        throw new NotImplementedException("Chapter 08: backtrack until the sufficient-decrease condition holds");
}
