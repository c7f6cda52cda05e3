using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// Nesterov's accelerated gradient method for convex L with M-Lipschitz gradient (Nesterov 1983), in the form of
/// Su, Boyd &amp; Candès (2016, arXiv:1503.01243): x₀ = y₀ = θ₀ and for k ≥ 1
/// xₖ = yₖ₋₁ − s∇L(yₖ₋₁), yₖ = xₖ + ((k − 1)/(k + 2))(xₖ − xₖ₋₁).
/// With s ≤ 1/M it guarantees L(xₖ) − L* ≤ 2‖θ₀ − θ*‖²/(s(k + 1)²) — O(1/k²), against gradient descent's
/// ‖θ₀ − θ*‖²/(2sk) (Beck &amp; Teboulle 2009, Theorems 3.1 and 4.4).
/// </summary>
/// <remarks>The momentum (k − 1)/(k + 2) grows towards 1; that schedule, not a constant β as in
/// <see cref="Optimizers.Nesterov"/>, is what gives the 1/k² rate without knowing the strong convexity.</remarks>
public static class AcceleratedGradientDescent
{
    /// <summary>Runs <paramref name="steps"/> iterations and records L(xₖ) and ‖∇L(xₖ)‖ for k = 0 … steps.</summary>
    /// <param name="objective">A convex objective (the guarantee needs convexity; the iteration runs on anything).</param>
    /// <param name="learningRate">s &gt; 0 (s ≤ 1/M for the guarantee).</param>
    /// <param name="theta0">Start θ₀ (copied).</param>
    /// <param name="steps">Number of iterations, ≥ 0.</param>
    /// <param name="cancellationToken">Checked every step.</param>
    public static AcceleratedRun Run(Objective objective, double learningRate, Vector<double> theta0, int steps,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(theta0);
        if (!(learningRate > 0) || !double.IsFinite(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "learningRate s must be a finite number > 0.");
        }

        if (steps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be ≥ 0.");
        }

        if (theta0.Count != objective.Dimension)
        {
            throw new ArgumentException($"theta0 has length {theta0.Count}, but {objective.Name} expects dimension {objective.Dimension}.", nameof(theta0));
        }

        var x = theta0.Clone();
        var y = theta0.Clone();
        var losses = new double[steps + 1];
        var norms = new double[steps + 1];
        (losses[0], var g0) = objective.ValueAndGradient(x);
        norms[0] = g0.L2Norm();
        for (int k = 1; k <= steps; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = y - learningRate * objective.Gradient(y);
            y = next + ((k - 1.0) / (k + 2.0)) * (next - x);
            x = next;
            var (loss, g) = objective.ValueAndGradient(x);
            losses[k] = loss;
            norms[k] = g.L2Norm();
        }
        return new AcceleratedRun(objective.Name, learningRate, losses, norms, x);
    }
}
