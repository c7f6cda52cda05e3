using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Functions;

public sealed class RosenbrockRavineTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Theory]
    [InlineData(1.0, 0.0, 1.0)]
    [InlineData(100.0, 0.5235987755982988, 1.0)]
    [InlineData(1000.0, -1.2, 0.3)]
    public void Derivatives_agree_with_finite_differences(double kappa, double angle, double width)
    {
        var f = new RosenbrockRavine(kappa, angle, width, V(-0.5, 2));
        var rng = new Random(31);
        for (int k = 0; k < 40; k++)
        {
            DerivativeCheck.At(f, DerivativeCheck.RandomPoint(f, rng), random: rng);
        }
    }

    [Fact]
    public void Hand_values_along_and_across_the_floor()
    {
        // α = 0, m = 0: u = θ₁, v = θ₂. L(3, 0) = δ²(√(1 + 9) − 1) with δ = 1; L(0, 0.1) = κ/2 · 0.01.
        var f = new RosenbrockRavine(50, 0, 1, V(0, 0));
        Assert.Equal(Math.Sqrt(10) - 1, f.Value(V(3, 0)), 13);
        Assert.Equal(0.25, f.Value(V(0, 0.1)), 13);
        // Slope along the floor saturates at δ: u/√(1 + u²) at u = 3 is 3/√10.
        Assert.Equal(3 / Math.Sqrt(10), f.Gradient(V(3, 0))[0], 13);
    }

    [Fact]
    public void Hessian_is_positive_definite_at_random_points_far_out_on_the_walls()
    {
        // The convexity proof says the eigenvalues are exactly (1 + (u/δ)²)^(−3/2) and κ; check both at
        // random points, including points far outside the plot box, with an independent eigen-solver.
        var f = new RosenbrockRavine(200, 0.7, 0.5);
        var rng = new Random(5);
        var e = f.FloorDirection;
        for (int k = 0; k < 200; k++)
        {
            var theta = V(rng.NextDouble() * 40 - 20, rng.NextDouble() * 40 - 20);
            var ev = f.Hessian(theta).Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).Order().ToArray();
            double u = (theta - f.Minimizer).DotProduct(e);
            double expectedSmall = Math.Pow(1 + u * u / 0.25, -1.5);
            Assert.True(ev[0] > 0, $"λmin = {ev[0]} at {theta}");
            // Eigenvalues of a 2×2 symmetric matrix from the solver: relative 1e-9 (the spread is ≤ 1e7, rounding ~1e-16·κ).
            Assert.Equal(expectedSmall, ev[0], 1e-9 * 200);
            Assert.Equal(200, ev[1], 1e-9 * 200);
            Assert.Equal(200 / expectedSmall, f.ConditionNumberAt(theta), 1e-8 * 200 / expectedSmall);
        }
    }

    [Fact]
    public void Convex_along_random_chords()
    {
        // Convexity, independent of the Hessian: L(tx + (1−t)y) ≤ tL(x) + (1−t)L(y) for random x, y, t.
        var f = new RosenbrockRavine(500, 1.0, 0.2);
        var rng = new Random(9);
        for (int k = 0; k < 500; k++)
        {
            var x = DerivativeCheck.RandomPoint(f, rng) * 3;
            var y = DerivativeCheck.RandomPoint(f, rng) * 3;
            double t = rng.NextDouble();
            double lhs = f.Value(t * x + (1 - t) * y), rhs = t * f.Value(x) + (1 - t) * f.Value(y);
            Assert.True(lhs <= rhs + 1e-9 * Math.Max(1, rhs), $"chord violated: {lhs} > {rhs}"); // rounding only
        }
    }

    [Fact]
    public void The_minimizer_is_zero_with_condition_number_kappa()
    {
        var f = new RosenbrockRavine(conditionNumber: 250);
        var m = f.KnownMinimizers.Single();
        Assert.Equal(V(1, 1), m);
        Assert.Equal(0.0, f.Value(m));
        Assert.Equal(250, f.ConditionNumberAt(m), 10);
    }

    [Fact]
    public void Bad_arguments_name_themselves()
    {
        Assert.Equal("conditionNumber", Assert.Throws<ArgumentOutOfRangeException>(() => new RosenbrockRavine(0.5)).ParamName);
        Assert.Equal("angle", Assert.Throws<ArgumentOutOfRangeException>(() => new RosenbrockRavine(angle: double.NaN)).ParamName);
        Assert.Equal("floorWidth", Assert.Throws<ArgumentOutOfRangeException>(() => new RosenbrockRavine(floorWidth: 0)).ParamName);
        Assert.Equal("minimizer", Assert.Throws<ArgumentException>(() => new RosenbrockRavine(minimizer: V(1, 2, 3))).ParamName);
    }
}
