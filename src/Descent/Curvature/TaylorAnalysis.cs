using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Curvature;

/// <summary>
/// How much does a gradient step reduce the loss? The second-order Taylor model at θ along −g (Srihari, "Challenges in Neural Network Optimization"; Harakeh, "Optimization for Training Deep Models"; Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions"):
/// L(θ − εg) ≈ L(θ) − εgᵀg + ½ε²gᵀHg. When gᵀHg &gt; 0 the model is minimized at ε* = gᵀg/gᵀHg and predicts
/// an increase for ε &gt; 2gᵀg/gᵀHg (½ε²gᵀHg &gt; εgᵀg); when gᵀHg ≤ 0 it predicts that every step helps.
/// </summary>
/// <remarks>gᵀHg comes from one Hessian-vector product: exact when the objective has exact second derivatives,
/// otherwise a central difference of gradients, reported by <see cref="CurvatureSource"/>.</remarks>
public sealed class TaylorAnalysis
{
    private readonly Objective _objective;
    private readonly Vector<double> _theta;
    private readonly Vector<double> _gradient;

    private TaylorAnalysis(Objective objective, Vector<double> theta, double loss, Vector<double> gradient, double curvature, HessianProductSource source)
    {
        _objective = objective;
        _theta = theta;
        _gradient = gradient;
        Loss = loss;
        GradientSquaredNorm = gradient.DotProduct(gradient);
        Curvature = curvature;
        CurvatureSource = source;
    }

    /// <summary>Evaluates L(θ), g = ∇L(θ) and gᵀHg at θ.</summary>
    /// <exception cref="ArithmeticException">L(θ), g or gᵀHg is not finite.</exception>
    public static TaylorAnalysis At(Objective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var (loss, g) = objective.ValueAndGradient(theta);
        if (!double.IsFinite(loss) || g.Any(x => !double.IsFinite(x)))
        {
            throw new ArithmeticException($"{objective.Name}: the loss or gradient at theta is not finite (loss = {loss}).");
        }

        var op = HessianOperator.ForObjective(objective, theta);
        double gHg = g.DotProduct(op.Apply(g));
        if (!double.IsFinite(gHg))
        {
            throw new ArithmeticException($"{objective.Name}: gᵀHg at theta is not finite.");
        }

        return new TaylorAnalysis(objective, theta.Clone(), loss, g, gHg, op.Source);
    }

    /// <summary>The point θ (a copy).</summary>
    public Vector<double> Theta => _theta.Clone();

    /// <summary>L(θ).</summary>
    public double Loss { get; }

    /// <summary>g = ∇L(θ) (a copy).</summary>
    public Vector<double> Gradient => _gradient.Clone();

    /// <summary>gᵀg = ‖g‖².</summary>
    public double GradientSquaredNorm { get; }

    /// <summary>gᵀHg, the curvature along the gradient times ‖g‖².</summary>
    public double Curvature { get; }

    /// <summary>Exact or finite-difference gᵀHg.</summary>
    public HessianProductSource CurvatureSource { get; }

    /// <summary>gᵀHg/gᵀg, the second derivative along the unit gradient direction (NaN when g = 0).</summary>
    public double CurvatureAlongGradient => GradientSquaredNorm > 0 ? Curvature / GradientSquaredNorm : double.NaN;

    /// <summary>ε* = gᵀg/gᵀHg when gᵀHg &gt; 0; +∞ otherwise (the model predicts every step improves).</summary>
    public double OptimalStep => Curvature > 0 ? GradientSquaredNorm / Curvature : double.PositiveInfinity;

    /// <summary>2gᵀg/gᵀHg when gᵀHg &gt; 0: for larger ε the model predicts ½ε²gᵀHg &gt; εgᵀg, an increase; +∞ otherwise.</summary>
    public double HarmfulThreshold => Curvature > 0 ? 2 * GradientSquaredNorm / Curvature : double.PositiveInfinity;

    /// <summary>The model's best decrease −(gᵀg)²/(2gᵀHg) at ε* (−∞ when gᵀHg ≤ 0 and g ≠ 0).</summary>
    public double OptimalPredictedChange =>
        Curvature > 0 ? -GradientSquaredNorm * GradientSquaredNorm / (2 * Curvature)
        : GradientSquaredNorm > 0 ? double.NegativeInfinity : 0.0;

    /// <summary>The worst-case decrease for step ε when the curvature is at most λmax (Harakeh, "Optimization for Training Deep Models"): since gᵀHg ≤ λmax·gᵀg,
    /// the predicted change is at most −(ε − ½ε²λmax)gᵀg, with equality when g is an eigenvector of λmax.
    /// Positive values are guaranteed improvements (of the quadratic model) for 0 &lt; ε &lt; 2/λmax.</summary>
    public double WorstCaseImprovement(double epsilon, double lambdaMax)
    {
        CheckEpsilon(epsilon);
        if (!double.IsFinite(lambdaMax))
        {
            throw new ArgumentOutOfRangeException(nameof(lambdaMax), lambdaMax, "lambdaMax must be finite.");
        }

        return (epsilon - 0.5 * epsilon * epsilon * lambdaMax) * GradientSquaredNorm;
    }

    /// <summary>−εgᵀg + ½ε²gᵀHg.</summary>
    public double PredictedChange(double epsilon)
    {
        CheckEpsilon(epsilon);
        return -epsilon * GradientSquaredNorm + 0.5 * epsilon * epsilon * Curvature;
    }

    /// <summary>L(θ − εg) − L(θ); +∞ or NaN when the objective overflows there (check before plotting).</summary>
    public double ActualChange(double epsilon)
    {
        CheckEpsilon(epsilon);
        var next = _theta - epsilon * _gradient;
        if (next.Any(x => !double.IsFinite(x)))
        {
            return double.PositiveInfinity;
        }

        return _objective.Value(next) - Loss;
    }

    /// <summary>Predicted and actual change for one ε.</summary>
    public TaylorStep Step(double epsilon)
    {
        CheckEpsilon(epsilon);
        return new TaylorStep(epsilon, -epsilon * GradientSquaredNorm, 0.5 * epsilon * epsilon * Curvature, ActualChange(epsilon));
    }

    /// <summary>Steps for each given ε.</summary>
    public TaylorSweep Sweep(IEnumerable<double> epsilons)
    {
        ArgumentNullException.ThrowIfNull(epsilons);
        var steps = epsilons.Select(Step).ToList();
        if (steps.Count == 0)
        {
            throw new ArgumentException("epsilons must contain at least one step size.", nameof(epsilons));
        }

        return new TaylorSweep(steps, GradientSquaredNorm, Curvature, OptimalStep, HarmfulThreshold);
    }

    /// <summary><paramref name="count"/> equally spaced ε in [0, <paramref name="maxEpsilon"/>]; by default up to 1.5× the
    /// harmful threshold (or 1 when gᵀHg ≤ 0), so the chart shows the step turning harmful.</summary>
    public TaylorSweep Sweep(double? maxEpsilon = null, int count = 101)
    {
        if (count < 2 || count > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be in [2, 100000].");
        }

        double max = maxEpsilon ?? (double.IsFinite(HarmfulThreshold) ? 1.5 * HarmfulThreshold : 1.0);
        if (!(max > 0) || !double.IsFinite(max))
        {
            throw new ArgumentOutOfRangeException(nameof(maxEpsilon), maxEpsilon, "maxEpsilon must be a finite positive number.");
        }

        return Sweep(Enumerable.Range(0, count).Select(i => max * i / (count - 1)));
    }

    private static void CheckEpsilon(double epsilon)
    {
        if (!(epsilon >= 0) || !double.IsFinite(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be a finite number ≥ 0.");
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Taylor analysis of a gradient step on {_objective.Name}: L = {Loss:G6}, gᵀg = {GradientSquaredNorm:G5}, gᵀHg = {Curvature:G5}" +
        (CurvatureSource == HessianProductSource.FiniteDifference ? " (finite differences)" : "") +
        (Curvature > 0
            ? $", ε* = {OptimalStep:G4} (ΔL ≈ {OptimalPredictedChange:G4}), steps beyond ε = {HarmfulThreshold:G4} go uphill"
            : ", gᵀHg ≤ 0: the model predicts every step size improves");
}
