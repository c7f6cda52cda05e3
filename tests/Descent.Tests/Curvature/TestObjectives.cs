using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Curvature;

/// <summary>The monkey saddle x³ − 3xy² (Hessian zero at the origin), test-local.</summary>
internal sealed class MonkeySaddle() : Objective(2, "monkey saddle")
{
    protected override double ValueCore(Vector<double> t) => t[0] * t[0] * t[0] - 3 * t[0] * t[1] * t[1];

    protected override Vector<double> GradientCore(Vector<double> t) =>
        Vector<double>.Build.DenseOfArray([3 * t[0] * t[0] - 3 * t[1] * t[1], -6 * t[0] * t[1]]);

    protected override Matrix<double> HessianCore(Vector<double> t) =>
        Matrix<double>.Build.DenseOfArray(new[,] { { 6 * t[0], -6 * t[1] }, { -6 * t[1], -6 * t[0] } });
}

/// <summary>2-D Rosenbrock with value and gradient only (no exact Hessian), test-local.</summary>
internal sealed class GradientOnlyRosenbrock() : Objective(2, "Rosenbrock without Hessian")
{
    private readonly Rosenbrock _inner = new();

    public override bool HasExactHessian => false;

    protected override double ValueCore(Vector<double> theta) => _inner.Value(theta);

    protected override Vector<double> GradientCore(Vector<double> theta) => _inner.Gradient(theta);

    protected override Matrix<double> HessianCore(Vector<double> theta) => throw new NotSupportedException();

    protected override Vector<double> HessianVectorProductCore(Vector<double> theta, Vector<double> v) => throw new NotSupportedException();
}
