using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Functions;

public sealed class SaddleQuadraticTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void Default_is_x1_squared_minus_x2_squared()
    {
        var f = new SaddleQuadratic();
        Assert.Equal(9 - 4, f.Value(V(3, 2)), 14);         // 3² − 2²
        Assert.Equal(V(6, -4), f.Gradient(V(3, 2)));       // (2·3, −2·2)
        Assert.Equal(Matrix<double>.Build.DenseOfDiagonalArray([2, -2]), f.Hessian(V(0.3, -7)));
        Assert.Equal(1, f.Index);
        Assert.Equal("θ1² − θ2²", f.Name);
        Assert.Empty(f.KnownMinimizers);
    }

    [Fact]
    public void General_form_has_the_index_of_its_negative_coefficients_and_passes_the_derivative_check()
    {
        var f = new SaddleQuadratic(0.5, -2, 3, -0.1);
        Assert.Equal(2, f.Index);
        Assert.Equal([-4, -0.2, 1, 6], f.HessianEigenvalues);
        var cp = f.KnownCriticalPoints.Single();
        Assert.Equal(2, cp.Index);
        var rng = new Random(3);
        for (int k = 0; k < 30; k++)
        {
            DerivativeCheck.At(f, DerivativeCheck.RandomPoint(f, rng), random: rng);
        }
    }

    [Fact]
    public void Bad_coefficients_are_rejected_by_name()
    {
        Assert.Equal("coefficients", Assert.Throws<ArgumentException>(() => new SaddleQuadratic(1.0)).ParamName);
        Assert.Equal("coefficients", Assert.Throws<ArgumentException>(() => new SaddleQuadratic(1, 2)).ParamName);
        Assert.Equal("coefficients", Assert.Throws<ArgumentException>(() => new SaddleQuadratic(1, 0, -1)).ParamName);
        Assert.Equal("coefficients", Assert.Throws<ArgumentException>(() => new SaddleQuadratic(1, double.NaN)).ParamName);
    }
}
