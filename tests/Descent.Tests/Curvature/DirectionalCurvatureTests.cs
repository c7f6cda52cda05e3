using Descent.Curvature;
using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Curvature;

public sealed class DirectionalCurvatureTests
{
    [Fact]
    public void Hand_example_splits_into_eigen_terms()
    {
        // H = diag(1, 3), d = (1, 1)/√2: dᵀHd = (1 + 3)/2 = 2; cos² = ½ each; terms ½ and 3/2.
        var h = Matrix<double>.Build.DenseOfDiagonalArray([1.0, 3.0]);
        var c = DirectionalCurvature.Of(h, Vector<double>.Build.DenseOfArray([1.0, 1.0]));
        Assert.Equal(2.0, c.QuadraticForm, 14);
        Assert.Equal(2.0, c.EigenSum, 14);
        Assert.Equal(0.5, c.CosineSquared[0], 14);
        Assert.Equal(0.5, c.Terms[0], 14);
        Assert.Equal(1.5, c.Terms[1], 14);
        Assert.Equal(1.0, c.Direction.L2Norm(), 14);
        Assert.Contains("dᵀHd = 2", c.ToString());
    }

    [Fact]
    public void The_identity_holds_for_random_matrices_and_directions()
    {
        var rng = new Random(3003);
        for (int trial = 0; trial < 20; trial++)
        {
            var h = RandomMatrices.Symmetric(6, 100 + trial);
            var d = Vector<double>.Build.Dense(6, _ => RandomMatrices.Gaussian(rng));
            var s = Spectrum.Of(h);
            var c = s.Along(d);
            // Both sides are sums of six O(1) products: rounding ~1e-15; 1e-12 is a wide margin.
            Assert.Equal(d.DotProduct(h * d) / d.DotProduct(d), c.QuadraticForm, 12);
            Assert.Equal(c.QuadraticForm, c.EigenSum, 12);
            Assert.Equal(1.0, c.CosineSquared.Sum(), 12);
            Assert.InRange(c.QuadraticForm, s.Min - 1e-12, s.Max + 1e-12);
        }
    }

    [Fact]
    public void Along_an_eigenvector_the_curvature_is_its_eigenvalue()
    {
        var q = Quadratic.FromEigenvalues([-2.0, 0.5, 4.0], seed: 11);
        var s = Spectrum.Of(q.A);
        for (int i = 0; i < 3; i++)
        {
            var c = s.Along(s.Eigenvector(i) * 3.0);
            Assert.Equal(q.Eigenvalues[i], c.QuadraticForm, 12);
            Assert.Equal(1.0, c.CosineSquared[i], 12);
        }
    }

    [Fact]
    public void A_zero_or_wrong_length_direction_is_rejected()
    {
        var h = Matrix<double>.Build.DenseIdentity(2);
        Assert.Equal("direction", Assert.Throws<ArgumentException>(() => DirectionalCurvature.Of(h, Vector<double>.Build.Dense(2))).ParamName);
        Assert.Equal("direction", Assert.Throws<ArgumentException>(() => DirectionalCurvature.Of(h, Vector<double>.Build.Dense(3, 1.0))).ParamName);
    }
}
