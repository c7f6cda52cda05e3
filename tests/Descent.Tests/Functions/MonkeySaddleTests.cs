using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Functions;

public sealed class MonkeySaddleTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void Value_is_the_real_part_of_z_cubed_so_it_has_three_valleys()
    {
        var f = new MonkeySaddle();
        Assert.Equal(8 - 3 * 2 * 9, f.Value(V(2, 3)), 12); // 2³ − 3·2·3²
        // Along angle φ: L = r³ cos 3φ, negative at φ = π/3, π, 5π/3 (the three valleys), positive between.
        for (int j = 0; j < 6; j++)
        {
            double phi = j * Math.PI / 3, r = 0.7;
            double expected = r * r * r * Math.Cos(3 * phi);
            Assert.Equal(expected, f.Value(V(r * Math.Cos(phi), r * Math.Sin(phi))), 12);
            Assert.Equal(j % 2 == 0 ? 1 : -1, Math.Sign(expected));
        }
    }

    [Fact]
    public void The_origin_is_a_critical_point_with_zero_Hessian()
    {
        var f = new MonkeySaddle();
        Assert.Equal(0.0, f.Gradient(V(0, 0)).InfinityNorm());
        Assert.Equal(0.0, f.Hessian(V(0, 0)).InfinityNorm());
        Assert.True(f.KnownCriticalPoints.Single().IsDegenerate);
        // Eigenvalues ±6r elsewhere (trace 0, det −36r²): at (0.3, 0.4), r = 0.5.
        var ev = f.Hessian(V(0.3, 0.4)).Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).Order().ToArray();
        Assert.Equal(-3.0, ev[0], 12);
        Assert.Equal(3.0, ev[1], 12);
    }

    [Fact]
    public void Derivatives_agree_with_finite_differences()
    {
        var f = new MonkeySaddle();
        var rng = new Random(11);
        for (int k = 0; k < 40; k++)
        {
            DerivativeCheck.At(f, DerivativeCheck.RandomPoint(f, rng), random: rng);
        }
    }
}
