using Descent.Experiments;
using Descent.Functions;

namespace Descent.Tests.Experiments;

public sealed class FlatSharpPerturbationTests
{
    private static readonly FlatSharpPerturbationResult Result = new FlatSharpPerturbation().Run();

    [Fact]
    public void Both_minima_have_the_same_loss_and_the_closed_form_hessian_traces()
    {
        var f = new FlatAndSharpMinima(1.0, 0.15, dimension: 10);
        Assert.Equal(0.0, Result.FlatLoss);
        Assert.Equal(0.0, Result.SharpLoss);
        // tr H(a) = n·f_b(a)/σ_a², tr H(b) = n·f_a(b)/σ_b² with f_c at distance d = 3 (written out here, independently of the class).
        Assert.Equal(10 * (1 - Math.Exp(-9 / (2 * 0.15 * 0.15))) / 1.0, Result.FlatTrace, 10);
        Assert.Equal(10 * (1 - Math.Exp(-9 / 2.0)) / (0.15 * 0.15), Result.SharpTrace, 9);
        Assert.Equal(f.SharpHessianTrace, Result.SharpTrace, 9);
    }

    [Fact]
    public void Small_perturbations_cost_delta_squared_trace_over_2n_and_the_sharp_minimum_pays_far_more()
    {
        // At both minima H = cI exactly, so ½ξᵀHξ = cδ²/2 for every direction; the quartic terms add a relative error
        // of order δ²/σ², 0.4 % at δ = 0.01 for the sharp well: 1 % tolerance.
        var small = Result.Rows.Single(r => r.Radius == 0.01);
        Assert.Equal(1.0, small.FlatIncrease / small.FlatPredicted, 2);
        Assert.Equal(1.0, small.SharpIncrease / small.SharpPredicted, 2);
        var mid = Result.Rows.Single(r => r.Radius == 0.2);
        Assert.True(mid.SharpIncrease > 10 * mid.FlatIncrease, Result.ToString());
    }
}
