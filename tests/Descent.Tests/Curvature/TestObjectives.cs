using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Curvature;

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
