using Descent.Models;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using static Descent.Tests.Models.ModelTestData;

namespace Descent.Tests.Models;

public sealed class DeepLinearNetworkTests
{
    [Fact]
    public void Value_is_the_mean_squared_error_of_the_product_map()
    {
        var random = new Random(1);
        var x = Gaussian(20, 3, random);
        var y = Gaussian(20, 2, random);
        var net = new DeepLinearNetwork([3, 4, 5, 2], x, y);
        var theta = GaussianVector(net.Dimension, random, 0.5);
        var w = net.Weights(theta, 2) * net.Weights(theta, 1) * net.Weights(theta, 0);
        DerivativeCheck.AssertClose(w, net.Product(theta), 1e-14, "product");
        double direct = Enumerable.Range(0, 20).Average(n => 0.5 * (y.Row(n) - w * x.Row(n)).DotProduct(y.Row(n) - w * x.Row(n)));
        // Expanded (moment) form vs direct residuals: cancellation of terms of size ~‖y‖² costs ~1e-14; 1e-12.
        Assert.Equal(direct, net.Value(theta), 12);
        Assert.Equal(3 * 4 + 4 * 5 + 5 * 2, net.Dimension);
    }

    [Theory]
    [InlineData(new[] { 3, 2 })]
    [InlineData(new[] { 3, 4, 2 })]
    [InlineData(new[] { 2, 3, 3, 4, 2 })]
    public void Gradient_and_Rop_Hessian_agree_with_finite_differences(int[] sizes)
    {
        var random = new Random(sizes.Sum());
        var net = new DeepLinearNetwork(sizes, Gaussian(15, sizes[0], random), Gaussian(15, sizes[^1], random));
        for (int trial = 0; trial < 3; trial++)
        {
            DerivativeCheck.At(net, GaussianVector(net.Dimension, random, 0.7), random: random); // DerivativeCheck.RelativeTolerance
        }
    }

    [Fact]
    public void Origin_is_a_saddle_and_factorizations_of_the_correlation_are_global_minima()
    {
        // Saxe's setting: whitened inputs Σxx = I, Σyx with singular values 3 > 2 > 1.
        var q1 = Descent.Functions.Quadratic.RandomOrthogonal(3, 1);
        var q2 = Descent.Functions.Quadratic.RandomOrthogonal(3, 2);
        var syx = q1 * Matrix<double>.Build.DenseOfDiagonalArray([3.0, 2.0, 1.0]) * q2.Transpose();
        var net = DeepLinearNetwork.FromCorrelations([3, 3, 3], Matrix<double>.Build.DenseIdentity(3), syx, outputTrace: 20.0);
        var zero = Vector<double>.Build.Dense(net.Dimension);
        Assert.Equal(0.0, net.Gradient(zero).L2Norm());
        Assert.Equal(10.0, net.Value(zero)); // ½ tr Σyy
        var eig = net.Hessian(zero).Evd().EigenValues.Select(z => z.Real).ToArray();
        // At θ = 0 the Hessian is [[0, −S], [−Sᵀ, 0]]-like: eigenvalues ±sₐ, so −3 and +3 appear.
        Assert.Equal(-3.0, eig.Min(), 12);
        Assert.Equal(3.0, eig.Max(), 12);
        // W₂W₁ = Σyx: W₁ = √S Q₂ᵀ, W₂ = Q₁ √S.
        var root = Matrix<double>.Build.DenseOfDiagonalArray([Math.Sqrt(3), Math.Sqrt(2), 1.0]);
        var w1 = root * q2.Transpose();
        var w2 = q1 * root;
        var star = Vector<double>.Build.DenseOfEnumerable(w1.ToRowMajorArray().Concat(w2.ToRowMajorArray()));
        Assert.True(net.Gradient(star).InfinityNorm() < 1e-13);
        // Minimum ½ tr Σyy − ½‖Σyx‖²_F = 10 − 7 = 3.
        Assert.Equal(3.0, net.Value(star), 12);
        Assert.Equal([3.0, 2.0, 1.0], net.ModeStrengths(star).Select(a => Math.Round(a, 12)));
        Assert.Equal([3.0, 2.0, 1.0], net.ModeTargets.Select(a => Math.Round(a, 12)));
    }

    [Fact]
    public void Orthogonal_initialization_gives_orthonormal_layers()
    {
        var net = DeepLinearNetwork.FromCorrelations([4, 4, 4], Matrix<double>.Build.DenseIdentity(4), Matrix<double>.Build.DenseIdentity(4));
        var theta = net.Initialize(Initialization.Orthogonal(), 3);
        for (int l = 0; l < 2; l++)
        {
            var w = net.Weights(theta, l);
            DerivativeCheck.AssertClose(Matrix<double>.Build.DenseIdentity(4), w * w.Transpose(), 1e-13, $"layer {l}");
        }
        Assert.Equal("deep linear network 4-4-4, squared loss, 32 parameters", net.ToString());
        Assert.Equal("inputOutputCorrelation", Assert.Throws<ArgumentException>(() =>
            DeepLinearNetwork.FromCorrelations([4, 2], Matrix<double>.Build.DenseIdentity(4), Matrix<double>.Build.Dense(3, 4))).ParamName);
    }
}
