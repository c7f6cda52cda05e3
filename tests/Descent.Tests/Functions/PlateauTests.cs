using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Functions;

public sealed class PlateauTests
{
    [Theory]
    [InlineData(1, 1.0, 1.0)]
    [InlineData(3, 2.0, 0.5)]
    public void Derivatives_agree_with_finite_differences(int n, double height, double radius)
    {
        var f = new Plateau(n, height, radius);
        var rng = new Random(41);
        for (int k = 0; k < 40; k++)
        {
            DerivativeCheck.At(f, DerivativeCheck.RandomPoint(f, rng), random: rng);
        }
    }

    [Fact]
    public void Hand_values_bowl_inside_plateau_outside()
    {
        var f = new Plateau(2, 2.0, 1.0);
        var x = Vector<double>.Build.DenseOfArray([0.6, 0.8]); // ρ = 1, q = 1
        Assert.Equal(2 * Math.Tanh(1), f.Value(x), 13);
        // Near 0 a bowl of curvature 2h/r² = 4: Hessian exactly 4I at the origin.
        Assert.Equal(Matrix<double>.Build.DenseIdentity(2) * 4, f.Hessian(Vector<double>.Build.Dense(2)));
        // ‖∇L‖ at ρ = 1: (2·2·1/1)·sech²(1) = 4/cosh²(1).
        Assert.Equal(4 / Math.Pow(Math.Cosh(1), 2), f.Gradient(x).L2Norm(), 13);
        Assert.Equal(4 / Math.Pow(Math.Cosh(1), 2), f.GradientNormAt(1), 13);
    }

    [Fact]
    public void Beyond_three_radii_the_gradient_is_below_the_stated_exponential_bound()
    {
        var f = new Plateau(4, 1.0, 0.7);
        var rng = new Random(43);
        for (int k = 0; k < 200; k++)
        {
            var u = Vector<double>.Build.Dense(4, _ => rng.NextDouble() - 0.5).Normalize(2);
            double rho = 0.7 * (3 + 5 * rng.NextDouble());
            var g = f.Gradient(u * rho);
            // Doc: (8hρ/r²)e^(−2ρ²/r²), from sech² = 4e/(1 + e)² ≤ 4e with e = e^(−2q); the two agree to
            // rounding far out (e → 0), so allow a relative 1e-12.
            double bound = 8 * rho / 0.49 * Math.Exp(-2 * rho * rho / 0.49) * (1 + 1e-12);
            Assert.True(g.L2Norm() <= bound, $"‖∇L‖ = {g.L2Norm():G3} > {bound:G3} at ρ = {rho:G3}");
            Assert.True(g.L2Norm() < 1e-6 / 0.7);
        }
    }

    [Fact]
    public void Gradient_descent_started_on_the_plateau_barely_moves_while_one_started_in_the_basin_converges()
    {
        var f = new Plateau();
        var onPlateau = Vector<double>.Build.DenseOfArray([2.4, 1.8]); // ρ = 3r
        var inBasin = Vector<double>.Build.DenseOfArray([0.3, -0.4]);
        var a = onPlateau.Clone();
        var b = inBasin.Clone();
        for (int k = 0; k < 1000; k++)
        {
            a -= 0.1 * f.Gradient(a);
            b -= 0.1 * f.Gradient(b);
        }
        // 1000 steps of size 0.1·‖∇L‖ ≤ 0.1·(6·4e^−18) ≈ 4e-8 each: total drift below 1e-4.
        Assert.True((a - onPlateau).L2Norm() < 1e-4);
        // In the basin the curvature is 2 and ε = 0.1: contraction (1 − 0.2) per step, 0.8¹⁰⁰⁰ ≈ 0.
        Assert.True(b.L2Norm() < 1e-12);
    }

    [Fact]
    public void Bad_arguments_name_themselves()
    {
        Assert.Equal("height", Assert.Throws<ArgumentOutOfRangeException>(() => new Plateau(height: 0)).ParamName);
        Assert.Equal("radius", Assert.Throws<ArgumentOutOfRangeException>(() => new Plateau(radius: double.PositiveInfinity)).ParamName);
        Assert.Equal("distance", Assert.Throws<ArgumentOutOfRangeException>(() => new Plateau().GradientNormAt(-1)).ParamName);
    }
}
