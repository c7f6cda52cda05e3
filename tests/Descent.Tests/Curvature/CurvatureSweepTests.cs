using Descent.Curvature;
using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Curvature;

public sealed class CurvatureSweepTests
{
    [Fact]
    public void Polar_sweep_follows_the_two_eigenvalue_formula()
    {
        // H = R(31°) diag(−1, 3) R(31°)ᵀ: c(φ) = −cos²(φ − 31°) + 3 sin²(φ − 31°).
        double phi1 = 31 * Math.PI / 180;
        var h = Quadratic.FromEigenvalues2D(-1, 3, phi1).A;
        var sweep = CurvatureSweep.Polar(h, 360);
        Assert.Equal(360, sweep.Angles.Length);
        for (int k = 0; k < 360; k++)
        {
            double u = sweep.Angles[k] - phi1;
            Assert.Equal(-Math.Cos(u) * Math.Cos(u) + 3 * Math.Sin(u) * Math.Sin(u), sweep.Curvatures[k], 12);
        }
        Assert.Equal(phi1, sweep.EigenvectorAngles[0], 12);
        Assert.Equal(phi1 + Math.PI / 2, sweep.EigenvectorAngles[1], 12);
        // Sampled at whole degrees, the extremes are hit exactly at 31° and 121°.
        Assert.Equal(-1.0, sweep.Min, 12);
        Assert.Equal(3.0, sweep.Max, 12);
        // c < 0 ⇔ tan²(φ − 31°) < 1/3 ⇔ |φ − 31°| < 30° (mod 180°): a third of all directions;
        // the whole-degree grid misses this by at most 4 boundary samples out of 360.
        Assert.InRange(sweep.NegativeFraction, 1.0 / 3 - 4.0 / 360, 1.0 / 3 + 4.0 / 360);
        Assert.Contains("negative in", sweep.ToString());
    }

    [Fact]
    public void Only_two_by_two_matrices_and_sane_counts_are_accepted()
    {
        Assert.Equal("hessian", Assert.Throws<ArgumentException>(() => CurvatureSweep.Polar(Matrix<double>.Build.DenseIdentity(3))).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => CurvatureSweep.Polar(Matrix<double>.Build.DenseIdentity(2), 2)).ParamName);
    }
}
