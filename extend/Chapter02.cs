using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Extend;

/// <summary>Chapter 02 — an objective with a spurious minimum: L(x, y) = (x² − 1)² + a·x + y², 0 &lt; a &lt; 1.
/// Task: implement the value, the gradient and the exact Hessian (docs/extend.md, chapter 02), then run
/// dotnet test extend --filter Chapter02</summary>
public sealed class TiltedDoubleWell(double tilt = 0.3) : Objective(2, $"tilted double well (a = {tilt})")
{
    /// <summary>The tilt a.</summary>
    public double Tilt { get; } = tilt;

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta) => throw new NotImplementedException("Chapter 02: L(x, y)");

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta) => throw new NotImplementedException("Chapter 02: ∇L");

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> theta) => throw new NotImplementedException("Chapter 02: ∇²L");
}
