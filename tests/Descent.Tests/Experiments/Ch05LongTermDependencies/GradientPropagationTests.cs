using Descent.Experiments;
using Descent.Models;

namespace Descent.Tests.Experiments;

public sealed class GradientPropagationTests
{
    private static readonly GradientPropagationResult Result = new GradientPropagation().Run();

    private static PropagationCurve Curve(Activation phi, string kind, double rho, double inputScale) =>
        Result.Curves.Single(c => c.Activation == phi && c.RecurrentKind == kind && c.SpectralRadius == rho && c.InputScale == inputScale);

    [Theory]
    [InlineData(0.9)]
    [InlineData(1.0)]
    [InlineData(1.1)]
    public void Linear_orthogonal_RNN_has_slope_exactly_log_rho(double rho)
    {
        // W = ρQ with Q orthogonal: ‖Wᵏ‖ = ρᵏ exactly, so the fitted slope is ln ρ up to rounding (1e-10 over 100 products).
        var c = Curve(Activation.Identity, "orthogonal", rho, new GradientPropagationParameters().InputScale);
        Assert.Equal(Math.Log(rho), c.Slope, 1e-10);
        Assert.Equal(1.0, c.Norms[0], 1e-12);
    }

    [Theory]
    [InlineData(0.9)]
    [InlineData(1.0)]
    [InlineData(1.1)]
    public void Linear_Gaussian_RNN_slope_is_within_the_eigenvector_conditioning_bound_of_log_rho(double rho)
    {
        // W = P D P⁻¹ (real block form, D's 2×2 blocks are |λ| × rotations) ⇒ ρᵏ ≤ ‖Wᵏ‖ ≤ κ(P)ρᵏ, so ln‖Wᵏ‖ = k ln ρ + eₖ with
        // 0 ≤ eₖ ≤ ln κ(P). The least-squares slope error Σ(k − k̄)eₖ / Σ(k − k̄)² is then at most ln κ(P)·Σ_{k>k̄}(k − k̄)/Σ(k − k̄)².
        var c = Curve(Activation.Identity, "Gaussian", rho, new GradientPropagationParameters().InputScale);
        double kappa = c.Recurrent.Evd().EigenVectors.ConditionNumber();
        int n = c.Norms.Length;
        double mean = (n - 1) / 2.0, above = 0, squares = 0;
        for (int k = 0; k < n; k++)
        {
            squares += (k - mean) * (k - mean);
            if (k > mean)
            {
                above += k - mean;
            }
        }
        double bound = Math.Log(kappa) * above / squares;
        Assert.InRange(c.Slope - Math.Log(rho), -bound, bound);
        // The bound is useful: narrower than ln 1.1 ≈ 0.095, the gap between neighbouring ρ, so the fit tells them apart.
        Assert.True(bound < Math.Log(1.1), $"κ(P) = {kappa:G3} gives a loose bound {bound:G3}");
    }

    [Theory]
    [InlineData(0.9)]
    [InlineData(1.0)]
    [InlineData(1.1)]
    public void Tanh_can_only_shrink_the_gradient_and_saturation_makes_it_vanish(double rho)
    {
        var p = new GradientPropagationParameters();
        var small = Curve(Activation.Tanh, "orthogonal", rho, p.InputScale);
        var saturated = Curve(Activation.Tanh, "orthogonal", rho, p.SaturatingInputScale);
        // ‖diag(φ')ρQ‖ ≤ ρ since |tanh'| ≤ 1: every norm is at most ρᵏ (1e-10 relative for rounding).
        for (int k = 0; k < small.Norms.Length; k++)
        {
            Assert.True(small.Norms[k] <= Math.Pow(rho, k) * (1 + 1e-10));
            Assert.True(saturated.Norms[k] <= Math.Pow(rho, k) * (1 + 1e-10));
        }
        // Saturated units (φ' ≈ 0) make the gradient vanish even for ρ = 1.1: slope below −0.3, i.e. a factor e⁻³⁰ over 100 steps.
        Assert.True(saturated.Slope < -0.3, saturated.ToString());
        Assert.True(saturated.Slope < small.Slope);
    }

    [Fact]
    public void Families_group_the_curves_by_everything_but_rho()
    {
        // Four families (linear orthogonal, linear Gaussian, tanh small inputs, tanh saturated), three radii each.
        Assert.Equal(4, Result.Families.Count);
        Assert.All(Result.Families, f => Assert.Equal(3, f.Slopes.Length));
        var linear = Result.Families[0];
        Assert.Equal("linear, orthogonal", linear.Name);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(linear.LogSpectralRadii[i], linear.Slopes[i], 1e-10); // exact, as above
        }
    }

    [Fact]
    public void The_fitted_slope_of_an_exact_geometric_sequence_is_its_log_ratio()
    {
        var values = Enumerable.Range(0, 20).Select(k => 3 * Math.Pow(0.7, k)).ToArray();
        Assert.Equal(Math.Log(0.7), GradientPropagation.FitLogSlope(values), 1e-13);
    }
}
