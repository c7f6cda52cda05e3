using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Curvature;

/// <summary>
/// Finds critical points of any index — saddles included — by minimizing ½‖∇L(θ)‖² (Dauphin et al. 2014,
/// arXiv:1406.2572, who located a network's critical points this way to plot index against loss).
/// Gradient descent and Newton-like minimizers of L avoid or mis-handle saddles; driving ‖∇L‖ to zero treats
/// every critical point alike.
/// </summary>
/// <remarks>
/// <para>The gradient of ½‖g‖² is Hg, and Newton's method on the system g(θ) = 0 has Jacobian H. Each step is the
/// Levenberg–Marquardt step for that system, Δθ = −(H² + μI)⁻¹Hg = −Q diag(λᵢ/(λᵢ² + μ)) Qᵀ g with H = QΛQᵀ:
/// Newton's step H⁻¹g (jumping to the critical point of the quadratic model, whatever its index) when μ → 0, a
/// small gradient step on ½‖g‖² when μ is large. μ shrinks by 3 after a step that lowers ‖g‖ and grows by 4 after
/// one that does not (the step is then rejected).</para>
/// <para>Near a non-degenerate critical point the iteration converges quadratically. It can also stall at a local
/// minimum of ‖g‖² that is not a critical point (Hg = 0 with g ≠ 0); such ends are returned with
/// <see cref="FoundCriticalPoint.Converged"/> false.</para>
/// </remarks>
public static class CriticalPointSearch
{
    /// <summary>Searches from <paramref name="theta0"/>.</summary>
    /// <param name="objective">An objective with an exact Hessian (a full n×n Hessian is formed at every step, so n ≲ a few hundred).</param>
    /// <param name="theta0">Start (finite, of the objective's dimension).</param>
    /// <param name="gradientTolerance">Stop when ‖∇L‖ ≤ this (&gt; 0).</param>
    /// <param name="maxIterations">Cap on the number of Hessian evaluations (≥ 1).</param>
    /// <param name="eigenvalueTolerance">|λ| at or below which an eigenvalue counts as zero when the end point is classified.</param>
    public static FoundCriticalPoint Run(Objective objective, Vector<double> theta0, double gradientTolerance = 1e-9,
        int maxIterations = 200, double eigenvalueTolerance = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(theta0);
        if (!objective.HasExactHessian)
        {
            throw new NotSupportedException($"{objective.Name} has no exact Hessian; the search needs one.");
        }

        if (!(gradientTolerance > 0) || !double.IsFinite(gradientTolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(gradientTolerance), gradientTolerance, "gradientTolerance must be a finite number > 0.");
        }

        if (maxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, "maxIterations must be at least 1.");
        }

        if (!(eigenvalueTolerance >= 0) || !double.IsFinite(eigenvalueTolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(eigenvalueTolerance), eigenvalueTolerance, "eigenvalueTolerance must be a finite number ≥ 0.");
        }

        var theta = theta0.Clone();
        var g = objective.Gradient(theta);
        double gnorm = g.L2Norm();
        double mu = 1e-3;
        int accepted = 0;
        for (int it = 0; it < maxIterations && gnorm > gradientTolerance; it++)
        {
            var spectrum = Spectrum.Of(objective.Hessian(theta), 0.0);
            var q = spectrum.Eigenvectors;
            var lambda = spectrum.Eigenvalues;
            var c = q.TransposeThisAndMultiply(g);
            double scale = Math.Max(1e-300, lambda.Max(Math.Abs));
            double damping = mu * scale * scale;
            var step = q * Vector<double>.Build.Dense(c.Count, i => lambda[i] / (lambda[i] * lambda[i] + damping) * c[i]);
            var candidate = theta - step;
            bool finite = candidate.All(double.IsFinite);
            var gc = finite ? objective.Gradient(candidate) : g;
            double gcnorm = finite ? gc.L2Norm() : double.NaN;
            if (double.IsFinite(gcnorm) && gcnorm < gnorm)
            {
                (theta, g, gnorm) = (candidate, gc, gcnorm);
                mu = Math.Max(mu / 3, 1e-15);
                accepted++;
            }
            else
            {
                mu *= 4;
                if (mu > 1e12)
                {
                    break;   // no step lowers ‖g‖: a local minimum of ‖g‖² that is not critical
                }
            }
        }
        var point = CriticalPoint.Classify(theta, g, objective.Hessian(theta), gradientTolerance, eigenvalueTolerance);
        return new FoundCriticalPoint(point, objective.Value(theta), accepted, gnorm <= gradientTolerance);
    }
}
