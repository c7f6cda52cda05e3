using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Functions;

public sealed class QuadraticTests
{
    [Fact]
    public void D2l_example_has_the_hand_computed_value_gradient_and_condition_number()
    {
        var f = Quadratic.D2l();
        var x = Vector<double>.Build.DenseOfArray([-5, -2]);
        Assert.Equal(0.1 * 25 + 2 * 4, f.Value(x), 12);       // 0.1·25 + 2·4 = 10.5
        Assert.Equal(-1.0, f.Gradient(x)[0], 12);             // 0.2·(−5)
        Assert.Equal(-8.0, f.Gradient(x)[1], 12);             // 4·(−2)
        Assert.Equal(20.0, f.ConditionNumber, 10);            // 4 / 0.2
    }

    [Fact]
    public void Built_from_eigenvalues_it_has_those_eigenvalues_and_its_minimizer()
    {
        var xStar = Vector<double>.Build.DenseOfArray([1, -2, 0.5, 3]);
        var f = Quadratic.FromEigenvalues([0.5, 1, 10, 50], seed: 7, minimizer: xStar);
        Assert.Equal([0.5, 1, 10, 50], f.Eigenvalues.Select(l => Math.Round(l, 10)));
        DerivativeCheck.AssertClose(xStar, f.Minimizer!, 1e-10, "minimizer");
        Assert.Equal(100.0, f.ConditionNumber, 8);
    }

    [Fact]
    public void Derivatives_agree_with_finite_differences_for_definite_and_indefinite_matrices()
    {
        var rng = new Random(20261125);
        foreach (var f in new[] { Quadratic.D2l(), Quadratic.FromEigenvalues([-3, 0.1, 2, 8, 20], 3), Quadratic.FromEigenvalues2D(1, -1, 0.3) })
        {
            for (int k = 0; k < 20; k++)
            {
                DerivativeCheck.At(f, DerivativeCheck.RandomPoint(f, rng), random: rng);
            }
        }
    }

    [Fact]
    public void A_point_of_the_wrong_dimension_is_rejected_with_the_expected_dimension()
    {
        var f = Quadratic.D2l();
        var ex = Assert.Throws<ArgumentException>(() => f.Value(Vector<double>.Build.Dense(3)));
        Assert.Equal("theta", ex.ParamName);
        Assert.Contains("dimension 2", ex.Message);
    }

    [Fact]
    public void A_nan_point_is_rejected_by_argument_name()
    {
        var f = Quadratic.D2l();
        var ex = Assert.Throws<ArgumentException>(() => f.Gradient(Vector<double>.Build.DenseOfArray([double.NaN, 0])));
        Assert.Equal("theta", ex.ParamName);
        Assert.Contains("theta[0]", ex.Message);
    }
}
