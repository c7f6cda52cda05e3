using Descent.Functions;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="FirstOrderLowerBound"/>.</summary>
public sealed record FirstOrderLowerBoundParameters
{
    /// <summary>Steps k = 0 … Steps (≥ 1); the chain has dimension 2·Steps + 1, so the bound 3M‖x*‖²/(32(k+1)²) covers every k.</summary>
    public int Steps { get; init => field = Guard.InRange(value, 1, 100_000, nameof(Steps)); } = 50;

    /// <summary>M of the chain (&gt; 0); every method uses the step 1/M.</summary>
    public double Smoothness { get; init => field = Guard.Positive(value, nameof(Smoothness)); } = 1.0;

    /// <summary>β of heavy-ball and (constant) Nesterov momentum, in [0, 1).</summary>
    public double Momentum { get; init => field = Guard.UnitInterval(value, nameof(Momentum)); } = 0.9;
}

/// <summary>One method's gap L(x_k) − L* for k = 0 … Steps.</summary>
/// <param name="Method">Name.</param>
/// <param name="Gaps">L(x_k) − L*.</param>
/// <param name="FirstOrder">Whether its iterates stay in the Krylov span (false for Newton).</param>
public sealed record MethodGaps(string Method, double[] Gaps, bool FirstOrder);

/// <summary>Result of <see cref="FirstOrderLowerBound"/>.</summary>
/// <param name="Chain">The objective.</param>
/// <param name="Methods">GD, heavy ball, Nesterov (constant β), Nesterov accelerated, conjugate gradients, Newton.</param>
/// <param name="KrylovBound">min over span{e₁…e_k} − L* = (M/8)(1/(k+1) − 1/(n+1)), k = 0 … Steps.</param>
/// <param name="NesterovBound">3M‖x₀ − x*‖²/(32(K+1)²) at the horizon K = Steps, where n = 2K + 1: Nesterov's dimension-free
/// form of the bound, ≤ <paramref name="KrylovBound"/>[K] (for k &lt; K this chain is not the worst case, so only the Krylov bound applies).</param>
public sealed record FirstOrderLowerBoundResult(NesterovChain Chain, IReadOnlyList<MethodGaps> Methods, double[] KrylovBound, double NesterovBound) : IExperimentResult
{
    /// <summary>k = 0 … Steps.</summary>
    public double[] Steps => Enumerable.Range(0, KrylovBound.Length).Select(k => (double)k).ToArray();

    /// <summary>min over k of (gap − Krylov bound)/Krylov bound for a method (≥ 0: it never beats the bound; 0: it attains it).</summary>
    public double Margin(string method)
    {
        var m = Methods.Single(x => x.Method == method);
        return Enumerable.Range(0, KrylovBound.Length - 1).Min(k => (m.Gaps[k] - KrylovBound[k]) / KrylovBound[k]);
    }

    /// <inheritdoc />
    public string Summary =>
        $"{Chain.Name}, {KrylovBound.Length - 1} steps: every first-order method stays above the Krylov bound (M/8)(1/(k+1) − 1/(n+1)) — " +
        string.Join(", ", Methods.Where(m => m.FirstOrder).Select(m => $"{m.Method} {m.Gaps[^1]:G3}")) +
        $" vs bound {KrylovBound[^1]:G3} at k = {KrylovBound.Length - 1} (≥ 3M‖x₀ − x*‖²/(32(k+1)²) = {NesterovBound:G3}); Newton (second-order) reaches L* in one step";

    /// <inheritdoc />
    public ResultTable ToTable()
    {
        var columns = new List<string> { "k", "krylov_bound" };
        columns.AddRange(Methods.Select(m => m.Method));
        var rows = Enumerable.Range(0, KrylovBound.Length).Select(k =>
        {
            var row = new List<object> { k, KrylovBound[k] };
            row.AddRange(Methods.Select(m => (object)m.Gaps[k]));
            return (IReadOnlyList<object>)row;
        }).ToArray();
        return new ResultTable(columns, rows);
    }

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>
/// The limit of first-order methods (Nesterov 2004, §2.1.2; Srihari's "theoretical limits of optimization"): on Nesterov's
/// chain started at 0, any method whose iterates lie in span{∇L(x₀), …, ∇L(x_{k−1})} has x_k ∈ span{e₁ … e_k}, so
/// L(x_k) − L* ≥ (M/8)(1/(k+1) − 1/(n+1)) ≥ 3M‖x₀ − x*‖²/(32(k+1)²) for k ≤ (n − 1)/2. Gradient descent, heavy-ball and
/// Nesterov momentum and Nesterov's accelerated method all stay above it; conjugate gradients attains it exactly (it
/// minimizes over the Krylov span); Newton's method, which uses the Hessian, is not bound by it.
/// </summary>
public sealed class FirstOrderLowerBound : Experiment<FirstOrderLowerBoundParameters, FirstOrderLowerBoundResult>
{
    /// <inheritdoc />
    public override string Name => "first-order-lower-bound";

    /// <inheritdoc />
    public override string Chapter => "08";

    /// <inheritdoc />
    public override string Summary => "GD, momentum, Nesterov and CG against the lower bound for first-order methods on the chain quadratic.";

    /// <inheritdoc />
    public override FirstOrderLowerBoundResult Run(FirstOrderLowerBoundParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        int steps = parameters.Steps;
        double m = parameters.Smoothness;
        var chain = new NesterovChain(2 * steps + 1, m);
        var zero = Vector<double>.Build.Dense(chain.Dimension);
        double fStar = chain.MinimumValue;
        double[] Gaps(IEnumerable<double> losses) => losses.Select(l => l - fStar).ToArray();
        double[] Trained(Optimizer o) => Gaps(Pad(Trainer.Run(chain, o, zero,
            new TrainingOptions { MaxSteps = steps, RecordThetaEvery = 0 }, cancellationToken).Losses, steps));

        var methods = new List<MethodGaps>
        {
            new("gradient descent", Trained(Optimizers.GradientDescent(1 / m)), true),
            new($"heavy ball (β = {parameters.Momentum:G3})", Trained(Optimizers.Momentum(1 / m, parameters.Momentum)), true),
            new($"Nesterov momentum (β = {parameters.Momentum:G3})", Trained(Optimizers.Nesterov(1 / m, parameters.Momentum)), true),
            new("Nesterov accelerated", Gaps(AcceleratedGradientDescent.Run(chain, 1 / m, zero, steps, cancellationToken).Losses), true),
            new("conjugate gradients", Gaps(ConjugateGradients(chain, zero, steps)), true),
            new("Newton", Trained(Optimizers.Newton()), false),
        };
        double r2 = chain.SquaredDistanceFromOrigin;
        var krylov = Enumerable.Range(0, steps + 1).Select(chain.KrylovGap).ToArray();
        double nesterov = 3 * m * r2 / (32.0 * (steps + 1) * (steps + 1));
        return new FirstOrderLowerBoundResult(chain, methods, krylov, nesterov);
    }

    // A run that stops early (Newton reaches ‖g‖ = 0) keeps its last loss for the remaining steps.
    private static double[] Pad(double[] losses, int steps) =>
        Enumerable.Range(0, steps + 1).Select(k => losses[Math.Min(k, losses.Length - 1)]).ToArray();

    /// <summary>Conjugate gradients on the quadratic L (Hessian products from the objective): x_k minimizes L over
    /// x₀ + span{g₀, Hg₀, …, H^{k−1}g₀}, the best any first-order method can do in exact arithmetic.</summary>
    private static double[] ConjugateGradients(Objective f, Vector<double> x0, int steps)
    {
        var x = x0.Clone();
        var r = -f.Gradient(x);
        var p = r.Clone();
        double rr = r.DotProduct(r);
        var losses = new double[steps + 1];
        losses[0] = f.Value(x);
        for (int k = 1; k <= steps; k++)
        {
            if (rr > 0)
            {
                var hp = f.HessianVectorProduct(x, p);
                double a = rr / p.DotProduct(hp);
                x += a * p;
                r -= a * hp;
                double next = r.DotProduct(r);
                p = r + (next / rr) * p;
                rr = next;
            }
            losses[k] = f.Value(x);
        }
        return losses;
    }
}
