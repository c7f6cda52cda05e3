using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Functions;

public sealed class FlatAndSharpMinimaTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Derivatives_agree_with_finite_differences(int n)
    {
        var f = new FlatAndSharpMinima(0.8, 0.2, 2.5, n);
        var rng = new Random(61);
        for (int k = 0; k < 40; k++)
        {
            DerivativeCheck.At(f, DerivativeCheck.RandomPoint(f, rng), random: rng);
        }
        // Also near the sharp minimum, where the surface changes fastest.
        for (int k = 0; k < 20; k++)
        {
            DerivativeCheck.At(f, f.SharpMinimizer + Vector<double>.Build.Dense(n, _ => 0.4 * (rng.NextDouble() - 0.5)), random: rng);
        }
    }

    [Fact]
    public void Both_minima_are_zero_and_their_Hessians_are_the_closed_form_multiples_of_the_identity()
    {
        var f = new FlatAndSharpMinima(); // σ_a = 1, σ_b = 0.15, d = 3
        Assert.Equal(0.0, f.Value(f.FlatMinimizer));
        Assert.Equal(0.0, f.Value(f.SharpMinimizer));
        // Hand: ∇²L(a) = (1 − e^(−9/(2·0.0225)))/1 · I ≈ I; ∇²L(b) = (1 − e^(−9/2))/0.0225 · I.
        double fbAtA = 1 - Math.Exp(-9 / 0.045), faAtB = 1 - Math.Exp(-4.5);
        DerivativeCheck.AssertClose(Matrix<double>.Build.DenseIdentity(2) * fbAtA, f.Hessian(f.FlatMinimizer), 1e-14, "flat Hessian");
        DerivativeCheck.AssertClose(Matrix<double>.Build.DenseIdentity(2) * (faAtB / 0.0225), f.Hessian(f.SharpMinimizer), 1e-13, "sharp Hessian");
        Assert.Equal(2 * fbAtA, f.FlatHessianTrace, 13);
        Assert.Equal(2 * faAtB / 0.0225, f.SharpHessianTrace, 11);
        Assert.True(f.SharpHessianTrace / f.FlatHessianTrace > 40); // ≈ 0.989/0.0225 = 44
    }

    [Fact]
    public void The_same_perturbation_costs_far_more_at_the_sharp_minimum()
    {
        var f = new FlatAndSharpMinima();
        var rng = new Random(67);
        for (int k = 0; k < 100; k++)
        {
            var u = Vector<double>.Build.Dense(2, _ => rng.NextDouble() - 0.5).Normalize(2) * 0.2;
            double flat = f.Value(f.FlatMinimizer + u), sharp = f.Value(f.SharpMinimizer + u);
            // Near a: L ≈ δ²/(2σ_a²) = 0.02; near b: 1 − e^(−0.04/0.045) ≈ 0.59 times f_a ≈ 1.
            Assert.True(sharp > 10 * flat, $"flat {flat:G3} vs sharp {sharp:G3}");
        }
    }

    [Fact]
    public void Bad_arguments_name_themselves()
    {
        Assert.Equal("flatWidth", Assert.Throws<ArgumentOutOfRangeException>(() => new FlatAndSharpMinima(flatWidth: 0)).ParamName);
        Assert.Equal("sharpWidth", Assert.Throws<ArgumentOutOfRangeException>(() => new FlatAndSharpMinima(sharpWidth: -1)).ParamName);
        Assert.Equal("separation", Assert.Throws<ArgumentOutOfRangeException>(() => new FlatAndSharpMinima(separation: double.NaN)).ParamName);
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => new FlatAndSharpMinima(dimension: 0)).ParamName);
    }
}
