using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Functions;

public sealed class LipschitzGradientTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static double SpectralNorm(Matrix<double> h) =>
        h.Evd(Symmetricity.Symmetric).EigenValues.Max(z => Math.Abs(z.Real));

    public static TheoryData<string> Cases() => ["ravine", "saddle", "nocritical", "plateau", "cliff"];

    /// <summary>Each case: the objective and a point where the stated constant is attained (from its doc proof).</summary>
    private static (Objective F, Vector<double> Attained) Case(string name) => name switch
    {
        "ravine" => (new RosenbrockRavine(40, 0.3, 0.5), V(3, -2)),
        "saddle" => (new SaddleQuadratic(0.5, -3, 2), V(1, 1, 1)),
        "nocritical" => (new NoCriticalPoint([2, -3, 0.5]), V(0, 0, 0)),
        "plateau" => (new Plateau(3, 2, 0.5), V(0, 0, 0)),
        "cliff" => (new Cliff(10, 0.05, 0, 0.1), V(-0.05 * Math.Log(2 + Math.Sqrt(3)), 0.7)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_Hessian_norm_never_exceeds_the_constant_and_reaches_it_where_the_proof_says(string name)
    {
        var (f, attained) = Case(name);
        double m = ((ILipschitzGradient)f).GradientLipschitzConstant;
        var rng = new Random(101);
        for (int k = 0; k < 500; k++)
        {
            // Points from the plot box and up to 4 times beyond it.
            var theta = DerivativeCheck.RandomPoint(f, rng) * (1 + 3 * rng.NextDouble());
            // Symmetric eigen-solver rounding: relative 1e-12.
            Assert.True(SpectralNorm(f.Hessian(theta)) <= m * (1 + 1e-12), $"{f.Name}: ‖H‖ > M = {m} at {theta}");
        }
        Assert.Equal(m, SpectralNorm(f.Hessian(attained)), m * 1e-12);
    }

    [Fact]
    public void The_plateau_radial_factor_stays_within_its_stated_range()
    {
        // sech²(q)(1 − 4q·tanh q) on a fine grid: between −0.92 and 1, so |radial curvature| ≤ 2h/r².
        double min = double.MaxValue;
        for (double q = 0; q <= 40; q += 1e-4)
        {
            double s = 1 / Math.Pow(Math.Cosh(q), 2), v = s * (1 - 4 * q * Math.Tanh(q));
            Assert.InRange(v, -0.92, 1.0);
            min = Math.Min(min, v);
        }
        Assert.InRange(min, -0.92, -0.91); // ≈ −0.9162 at q ≈ 1.18
    }

    [Fact]
    public void Gradient_descent_with_a_rate_below_two_over_M_decreases_the_loss_at_every_step()
    {
        // Seed 004's proposition on a non-quadratic surface: α = 1.9/M on the ravine never goes uphill.
        var f = new RosenbrockRavine(100, 0.5);
        double alpha = 1.9 / f.GradientLipschitzConstant;
        var theta = V(-2, 3);
        double loss = f.Value(theta);
        // Stop once L reaches 1e-20: below that, successive values differ by rounding only.
        for (int k = 0; k < 3000 && loss > 1e-20; k++)
        {
            theta -= alpha * f.Gradient(theta);
            double next = f.Value(theta);
            Assert.True(next <= loss, $"step {k}: {next} > {loss}");
            loss = next;
        }
        Assert.True(loss <= 1e-20); // and it got there: the floor contracts by 1 − α·1 ≈ 0.981 per step
        // And α = 2.1/M diverges across the walls (the across-valley factor is |1 − 2.1| > 1).
        var bad = V(-2, 3);
        for (int k = 0; k < 200; k++)
        {
            bad -= 2.1 / f.GradientLipschitzConstant * f.Gradient(bad);
        }

        Assert.True(f.Value(bad) > 1e3);
    }
}
