using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Extend;

/// <summary>Chapter 08 — backtracking (Armijo) line search: start from α₀ and multiply by β until
/// L(θ − αg) ≤ L(θ) − c·α‖g‖². No Lipschitz constant needed; on a function with M-Lipschitz gradient the accepted
/// α is at least min(α₀, 2β(1 − c)/M).</summary>
public static class Armijo
{
    /// <summary>The accepted step size α at θ.</summary>
    public static double Step(Objective objective, Vector<double> theta, double initial = 1.0, double shrink = 0.5, double sufficient = 1e-4)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var (loss, g) = objective.ValueAndGradient(theta);
        var gg = g.DotProduct(g);
        var alpha = initial;
        for (var i = 0; i < 200 && objective.Value(theta - alpha * g) > loss - sufficient * alpha * gg; i++)
        {
            alpha *= shrink;
        }

        return alpha;
    }
}
