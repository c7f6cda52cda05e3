using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Functions;

public sealed class ScalarDeepLinearTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Derivatives_agree_with_finite_differences(int depth)
    {
        var f = new ScalarDeepLinear(depth, 2.0);
        var rng = new Random(83);
        for (int k = 0; k < 30; k++)
        {
            DerivativeCheck.At(f, DerivativeCheck.RandomPoint(f, rng), random: rng);
        }
    }

    [Fact]
    public void Hand_values_and_the_rescaling_symmetry()
    {
        var f = new ScalarDeepLinear(3, 2.0);
        Assert.Equal(0.5 * Math.Pow(2 * 3 * 0.5 - 2, 2), f.Value(V(2, 3, 0.5)), 14); // ½(3 − 2)²
        Assert.Equal(V(1.5, 1.0, 6.0), f.Gradient(V(2, 3, 0.5)));                    // r = 1: (3·0.5, 2·0.5, 2·3)
        // Scaling w₁ by α and w₂ by 1/α changes nothing (seed 000's α / 1/α symmetry).
        var rng = new Random(89);
        for (int k = 0; k < 50; k++)
        {
            var w = DerivativeCheck.RandomPoint(f, rng);
            double alpha = Math.Exp(2 * rng.NextDouble() - 1);
            var scaled = w.Clone();
            scaled[0] *= alpha;
            scaled[1] /= alpha;
            Assert.Equal(f.Value(w), f.Value(scaled), 12);
        }
    }

    [Fact]
    public void Depth_two_saddle_has_eigenvalues_plus_and_minus_y_and_the_minima_are_flat_along_the_symmetry()
    {
        var f = new ScalarDeepLinear(2, 3.0);
        Assert.Equal(Matrix<double>.Build.DenseOfArray(new double[,] { { 0, -3 }, { -3, 0 } }), f.Hessian(V(0, 0)));
        // At any minimum (a, y/a) the Hessian ∇P∇Pᵀ = (y/a, a)(y/a, a)ᵀ has the symmetry direction (a, −y/a) in its kernel.
        foreach (double a in new[] { 0.5, 1.0, 4.0 })
        {
            var m = V(a, 3 / a);
            Assert.Equal(0.0, f.Value(m), 14);
            var kernel = V(a, -3 / a);
            Assert.True((f.Hessian(m) * kernel).InfinityNorm() < 1e-12);
        }
    }

    [Fact]
    public void Gradient_descent_from_a_small_balanced_start_follows_the_closed_form_sigmoid_learning_curve()
    {
        var f = new ScalarDeepLinear(2, 1.0);
        double w0 = 0.01, lr = 1e-3;
        var w = V(w0, w0);
        for (int k = 1; k <= 8000; k++)
        {
            w -= lr * f.Gradient(w);
            if (k % 1000 != 0)
            {
                continue;
            }

            double expected = f.BalancedProductAtTime(w0, k * lr);
            // Explicit Euler with step 1e-3 against the flow: global error O(lr·t·max|u''|) ≲ 1e-2 of the
            // plateau-to-target jump (1.0) over t ≤ 8; a wrong rate (e.g. e^(−yt)) would be off by O(1).
            Assert.Equal(expected, w[0] * w[1], 2e-2);
        }
        // The plateau: at t = 1 the product has barely moved from w₀² = 1e-4 (closed form ≈ 7.4e-4).
        Assert.True(f.BalancedProductAtTime(w0, 1) < 1e-3);
        Assert.True(f.BalancedProductAtTime(w0, 8) > 0.99);
    }

    [Fact]
    public void Bad_arguments_name_themselves()
    {
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => new ScalarDeepLinear(1)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentOutOfRangeException>(() => new ScalarDeepLinear(target: 0)).ParamName);
        Assert.Throws<InvalidOperationException>(() => new ScalarDeepLinear(3).BalancedProductAtTime(0.1, 1));
        Assert.Equal("initialWeight", Assert.Throws<ArgumentOutOfRangeException>(() => new ScalarDeepLinear().BalancedProductAtTime(0, 1)).ParamName);
    }
}
