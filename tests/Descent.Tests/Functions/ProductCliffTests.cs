using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Functions;

public sealed class ProductCliffTests
{
    private static Vector<double> V(double a, double b) => Vector<double>.Build.DenseOfArray([a, b]);

    [Fact]
    public void Value_and_gradient_match_a_hand_computation()
    {
        // k = 2: L = ½(a²b² − y)²; at (1.5, 0.8), y = 1: ab = 1.2, P = 1.44, r = 0.44, ∂L/∂a = r·2ab² = 0.44·2·1.5·0.64.
        var f = new ProductCliff(layersPerWeight: 2, target: 1.0);
        Assert.Equal(0.5 * 0.44 * 0.44, f.Value(V(1.5, 0.8)), 14);
        var g = f.Gradient(V(1.5, 0.8));
        Assert.Equal(0.44 * 2 * 1.5 * 0.64, g[0], 13);
        Assert.Equal(0.44 * 2 * 2.25 * 0.8, g[1], 13);
    }

    [Fact]
    public void The_plateau_is_flat_and_the_wall_is_steep()
    {
        // Plateau |ab| ≤ 0.5: (ab)⁵ ≤ 1/32, so L ≥ ½(1 − 1/32)² ≈ 0.469; on the wall at a = b = 1.3 the
        // slope is √2·k·|w¹⁰ − 1|·w⁹ (hand formula: 1.3¹⁰ = 13.786, 1.3⁹ = 10.604 ⇒ √2·5·12.786·10.604 ≈ 958.7).
        var f = new ProductCliff();
        Assert.InRange(f.Value(V(0.5, 1.0)), 0.469, 0.5);
        // Plateau slope at (0.5, 1): ‖(r·5·a⁴b⁵, r·5·a⁵b⁴)‖ with r ≈ −0.97 is ≈ 0.34 — under 0.5, thousands of times below the wall's.
        Assert.True(f.Gradient(V(0.5, 1.0)).L2Norm() < 0.5);
        double expected = Math.Sqrt(2) * 5 * (Math.Pow(1.3, 10) - 1) * Math.Pow(1.3, 9);
        Assert.Equal(expected, f.Gradient(V(1.3, 1.3)).L2Norm(), 1e-10 * expected);
        Assert.Equal(expected, f.DiagonalSlope(1.3), 1e-10 * expected);
        Assert.True(expected > 900);
    }

    [Fact]
    public void The_ledge_curvature_is_the_largest_hessian_eigenvalue_at_the_balanced_minimum()
    {
        // At a = b = 1 (y = 1) the Hessian is ∇P∇Pᵀ with ∇P = (k, k): eigenvalues 2k² and 0 (k = 5: 50).
        var f = new ProductCliff();
        var eig = f.Hessian(f.BalancedMinimizer).Evd().EigenValues.Select(z => z.Real).Order().ToArray();
        Assert.Equal(50, f.LedgeCurvature, 12);
        Assert.Equal(50, eig[1], 1e-10);
        Assert.Equal(0, eig[0], 1e-10);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Equal("layersPerWeight", Assert.Throws<ArgumentOutOfRangeException>(() => new ProductCliff(0)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentOutOfRangeException>(() => new ProductCliff(3, -1)).ParamName);
    }
}
