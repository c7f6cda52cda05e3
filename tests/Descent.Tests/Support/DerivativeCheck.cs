using Descent.Curvature;
using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Support;

/// <summary>
/// The one derivative check every objective and model passes (STYLE.md, habit 4):
/// gradient vs central differences of the value, Hessian symmetric and equal to central
/// differences of the gradient, Hessian-vector product equal to H·v.
/// </summary>
public static class DerivativeCheck
{
    /// <summary>
    /// Relative tolerance for central differences. With step h ≈ 6e-6 the truncation error is
    /// ~h²·|f'''| ≈ 4e-11·|f'''| and the rounding error ~u·|f|/h ≈ 2e-11·|f|, so on the scale
    /// max(1, |exact|) an agreement of 1e-6 leaves a margin of four orders of magnitude for the
    /// larger third derivatives of steep test surfaces (cliffs, Rosenbrock) while still catching
    /// any real error in a formula (a wrong sign or factor is O(1)).
    /// </summary>
    public const double RelativeTolerance = 1e-6;

    /// <summary>Asserts ‖exact − fd‖∞ ≤ tol · max(1, ‖exact‖∞) for the gradient, Hessian and HVP at θ.</summary>
    public static void At(Objective objective, Vector<double> theta, double tolerance = RelativeTolerance, Random? random = null)
    {
        var (loss, gradient) = objective.ValueAndGradient(theta);
        Assert.Equal(objective.Value(theta), loss, 12);
        AssertClose(gradient, objective.Gradient(theta), 1e-12, $"{objective.Name}: ValueAndGradient vs Gradient");

        var fdGradient = FiniteDifference.Gradient(objective, theta);
        AssertClose(gradient, fdGradient, tolerance, $"{objective.Name}: gradient at {Format(theta)}");

        if (!objective.HasExactHessian)
        {
            return;
        }

        var hessian = objective.Hessian(theta);
        Assert.Equal(objective.Dimension, hessian.RowCount);
        Assert.Equal(objective.Dimension, hessian.ColumnCount);
        double scale = Math.Max(1.0, hessian.InfinityNorm());
        Assert.True((hessian - hessian.Transpose()).InfinityNorm() <= 1e-12 * scale,
            $"{objective.Name}: Hessian is not symmetric at {Format(theta)}");

        var fdHessian = FiniteDifference.Hessian(objective, theta);
        AssertClose(hessian, fdHessian, tolerance, $"{objective.Name}: Hessian at {Format(theta)}");

        random ??= new Random(20261125);
        var v = Vector<double>.Build.Dense(objective.Dimension, _ => random.NextDouble() * 2 - 1);
        var hv = objective.HessianVectorProduct(theta, v);
        // H·v from the exact Hessian and from the exact product differ only by rounding: 1e-10 relative.
        AssertClose(hessian * v, hv, 1e-10, $"{objective.Name}: Hessian-vector product at {Format(theta)}");
    }

    /// <summary>Asserts ‖a − b‖∞ ≤ tol · max(1, ‖a‖∞).</summary>
    public static void AssertClose(Vector<double> expected, Vector<double> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        double err = (expected - actual).InfinityNorm();
        double scale = Math.Max(1.0, expected.InfinityNorm());
        Assert.True(err <= tolerance * scale,
            $"{what}: max error {err:G3} exceeds {tolerance:G3} × {scale:G3}\n exact {Format(expected)}\n check {Format(actual)}");
    }

    /// <summary>Asserts ‖A − B‖max ≤ tol · max(1, ‖A‖max).</summary>
    public static void AssertClose(Matrix<double> expected, Matrix<double> actual, double tolerance, string what)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.ColumnCount, actual.ColumnCount);
        double err = (expected - actual).Enumerate().Select(Math.Abs).Max();
        double scale = Math.Max(1.0, expected.Enumerate().Select(Math.Abs).Max());
        Assert.True(err <= tolerance * scale, $"{what}: max error {err:G3} exceeds {tolerance:G3} × {scale:G3}");
    }

    /// <summary>A seeded random point with entries uniform in the objective's plot box.</summary>
    public static Vector<double> RandomPoint(Objective objective, Random random)
    {
        var d = objective.Domain;
        return Vector<double>.Build.Dense(objective.Dimension,
            i => d.PlotLower[i] + (d.PlotUpper[i] - d.PlotLower[i]) * random.NextDouble());
    }

    private static string Format(Vector<double> v) =>
        "[" + string.Join(", ", v.Take(8).Select(x => x.ToString("G6"))) + (v.Count > 8 ? ", …]" : "]");
}
