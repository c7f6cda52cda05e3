using Descent.Experiments;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Experiments;

public sealed class MatrixPowersTests
{
    private static readonly MatrixPowersResult Result = new MatrixPowers().Run();

    [Fact]
    public void The_eigen_formula_reproduces_repeated_multiplication()
    {
        // Both compute the same vector in double precision; the eigenvector matrices of these small matrices are well
        // conditioned (κ ≲ 10²), so rounding stays below 1e-12 relative over 40 powers.
        Assert.True(Result.HandBuilt.MaxRelativeError < 1e-12, Result.Summary);
        Assert.True(Result.Random.MaxRelativeError < 1e-12, Result.Summary);
    }

    [Fact]
    public void Hand_built_components_match_the_eigenvectors_computed_by_hand()
    {
        // W = [[1.1, .3, 0], [0, .9, .3], [0, 0, .5]] is upper triangular: λ = 1.1, 0.9, 0.5 with eigenvectors (by hand)
        // v₁ = (1, 0, 0), v₂ = (−1.5, 1, 0), v₃ = (0.375, −0.75, 1). x = (1, 1, 1) = 3.25 v₁ + 1.75 v₂ + 1·v₃, so the component
        // sizes |cᵢ|‖vᵢ‖|λᵢ|ᵗ are 3.25·1.1ᵗ, 1.75·√3.25·0.9ᵗ and √(1.703125)·0.5ᵗ (independent of how vᵢ is normalized).
        var run = Result.HandBuilt;
        Assert.Equal([1.1, 0.9, 0.5], run.Eigenvalues.Select(z => Math.Round(z.Real, 12)).ToArray());
        double[] start = [3.25, 1.75 * Math.Sqrt(3.25), Math.Sqrt(0.375 * 0.375 + 0.75 * 0.75 + 1)];
        double[] rate = [1.1, 0.9, 0.5];
        foreach (int t in new[] { 0, 10, 40 })
        {
            for (int i = 0; i < 3; i++)
            {
                double expected = start[i] * Math.Pow(rate[i], t);
                Assert.Equal(expected, run.Components[i][t], 1e-10 * expected);
            }
        }
    }

    [Fact]
    public void Late_growth_per_step_approaches_the_spectral_radius()
    {
        // ‖Wᵗ⁺¹x‖/‖Wᵗx‖ → 1.1; the next component is smaller by (0.9/1.1)ᵗ·(3.15/3.25) ≈ 3e-4 at t = 40, which bounds the error
        // of the ratio by ~2·3e-4·(1.1 + 0.9)/1.1 ≈ 1e-3.
        var n = Result.HandBuilt.DirectNorms;
        Assert.Equal(1.1, n[^1] / n[^2], 1e-3);
        // The random matrix: its spectral radius from an independent eigen solve of the same draw.
        Assert.True(Result.Random.SpectralRadius > 0);
        var direct = Result.Random.DirectNorms;
        Assert.True(direct[^1] > direct[0], "ρ > 1 for this draw: the norm grows");
        _ = Matrix<double>.Build;
    }
}
