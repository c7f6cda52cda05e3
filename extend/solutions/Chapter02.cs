using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Extend;

/// <summary>Chapter 02 — an objective with a spurious minimum: L(x, y) = (x² − 1)² + a·x + y², 0 &lt; a &lt; 1, has a
/// global minimum near x = −1 and a worse local minimum near x = +1.</summary>
public sealed class TiltedDoubleWell(double tilt = 0.3) : Objective(2, $"tilted double well (a = {tilt})")
{
    /// <summary>The tilt a.</summary>
    public double Tilt { get; } = tilt;

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta)
    {
        var (x, y) = (theta[0], theta[1]);
        return (x * x - 1) * (x * x - 1) + Tilt * x + y * y;
    }

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta)
    {
        var (x, y) = (theta[0], theta[1]);
        return Vector<double>.Build.DenseOfArray([4 * x * (x * x - 1) + Tilt, 2 * y]);
    }

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> theta) =>
        Matrix<double>.Build.DenseOfArray(new[,] { { 12 * theta[0] * theta[0] - 4, 0 }, { 0, 2.0 } });
}
