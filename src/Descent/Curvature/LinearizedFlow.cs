using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Curvature;

/// <summary>
/// Gradient descent on the second-order model around θ₀ (Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions", "Gradient descent flees saddle points"):
/// dθ/dt = −g − H(θ(t) − θ₀) has the closed form θ(t) = θ₀ − Q Λ'(t) Qᵀ g with λ'(t) = (1 − e^{−λt})/λ (and t for λ = 0),
/// for any symmetric H, so it shows gradient flow leaving a saddle along negative-curvature directions (λ &lt; 0 grows like e^{|λ|t}).
/// The discrete analogue after k steps of size ε is θₖ = θ₀ − Q Λ'ₖ Qᵀ g with λ'ₖ = (1 − (1 − ελ)ᵏ)/λ (and kε for λ = 0).
/// </summary>
/// <remarks>On a quadratic the model is the function itself, so both forms are exact gradient descent.</remarks>
public sealed class LinearizedFlow
{
    private readonly Vector<double> _theta0;
    private readonly Vector<double> _gradient;
    private readonly Vector<double> _gradientInEigenbasis;

    /// <summary>The flow for the model with gradient g and Hessian H at θ₀.</summary>
    public LinearizedFlow(Vector<double> theta0, Vector<double> gradient, Matrix<double> hessian)
    {
        ArgumentNullException.ThrowIfNull(theta0);
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(hessian);
        if (theta0.Any(x => !double.IsFinite(x)))
        {
            throw new ArgumentException("theta0 must have finite entries.", nameof(theta0));
        }

        if (gradient.Count != theta0.Count || gradient.Any(x => !double.IsFinite(x)))
        {
            throw new ArgumentException($"gradient must have {theta0.Count} finite entries, like theta0.", nameof(gradient));
        }

        if (hessian.RowCount != theta0.Count || hessian.ColumnCount != theta0.Count)
        {
            throw new ArgumentException($"hessian must be {theta0.Count}×{theta0.Count}, like theta0.", nameof(hessian));
        }

        Spectrum = Spectrum.Of(hessian);
        _theta0 = theta0.Clone();
        _gradient = gradient.Clone();
        _gradientInEigenbasis = Spectrum.Eigenvectors.TransposeThisAndMultiply(_gradient);
    }

    /// <summary>The flow of the second-order model of an objective at θ₀ (exact gradient and Hessian).</summary>
    public static LinearizedFlow At(Objective objective, Vector<double> theta0)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (!objective.HasExactHessian)
        {
            throw new NotSupportedException($"{objective.Name} has no exact Hessian; build the flow from FiniteDifference.Hessian explicitly.");
        }

        return new LinearizedFlow(theta0, objective.Gradient(theta0), objective.Hessian(theta0));
    }

    /// <summary>H = QΛQᵀ at θ₀.</summary>
    public Spectrum Spectrum { get; }

    /// <summary>θ₀ (a copy).</summary>
    public Vector<double> Theta0 => _theta0.Clone();

    /// <summary>g at θ₀ (a copy).</summary>
    public Vector<double> Gradient => _gradient.Clone();

    /// <summary>λ'(t) = (1 − e^{−λt})/λ, computed as −expm1(−λt)/λ (no cancellation for small λt); t when λ = 0.</summary>
    public static double FlowWeight(double lambda, double t) =>
        lambda == 0 ? t : -Expm1(-lambda * t) / lambda;

    /// <summary>λ'ₖ = (1 − (1 − ελ)ᵏ)/λ = ε Σⱼ₌₀ᵏ⁻¹ (1 − ελ)ʲ; kε when λ = 0.</summary>
    public static double StepWeight(double lambda, double epsilon, int steps)
    {
        if (lambda == 0)
        {
            return steps * epsilon;
        }

        double r = 1 - epsilon * lambda;
        // For 0 < r the power is exp(k·log1p(−ελ)), and expm1 keeps small ελ accurate.
        return r > 0
            ? -Expm1(steps * Log1p(-epsilon * lambda)) / lambda
            : (1 - Math.Pow(r, steps)) / lambda;
    }

    // eˣ − 1 and log(1 + x) accurate to a few ulps for small |x| (Kahan's tricks: the rounding of u = eˣ or u = 1 + x
    // cancels in the ratio). MathNet 5's SpecialFunctions.Expm1 is off by ~4e-11 relative at x = −1e-3, which the flow tests detect.
    private static double Expm1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        if (double.IsPositiveInfinity(u))
        {
            return u;
        }

        double um1 = u - 1.0;
        if (um1 == -1.0)
        {
            return -1.0;
        }

        return um1 * x / Math.Log(u);
    }

    private static double Log1p(double x)
    {
        double u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>θ(t) = θ₀ − Q Λ'(t) Qᵀ g.</summary>
    public Vector<double> At(double t)
    {
        if (!(t >= 0) || !double.IsFinite(t))
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, "t must be a finite time ≥ 0.");
        }

        return Combine(Spectrum.Eigenvalues.Select(l => FlowWeight(l, t)).ToArray());
    }

    /// <summary>θₖ after k gradient steps of size ε on the model: θ₀ − Q Λ'ₖ Qᵀ g.</summary>
    public Vector<double> AfterSteps(double epsilon, int steps)
    {
        if (!(epsilon > 0) || !double.IsFinite(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be a finite positive step size.");
        }

        if (steps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be ≥ 0.");
        }

        return Combine(Spectrum.Eigenvalues.Select(l => StepWeight(l, epsilon, steps)).ToArray());
    }

    /// <summary>θ(t) for each time, for a trajectory chart.</summary>
    public IReadOnlyList<Vector<double>> Path(IEnumerable<double> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        return times.Select(At).ToList();
    }

    private Vector<double> Combine(double[] weights)
    {
        var c = Vector<double>.Build.Dense(weights.Length, i => weights[i] * _gradientInEigenbasis[i]);
        var theta = _theta0 - Spectrum.Eigenvectors * c;
        if (theta.Any(x => !double.IsFinite(x)))
        {
            throw new ArithmeticException("The flow overflowed (negative curvature grows like e^{|λ|t}); use a shorter time.");
        }

        return theta;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"LinearizedFlow(n = {_theta0.Count}, ‖g‖ = {_gradient.L2Norm():G4}, H {Spectrum.Definiteness}, λ ∈ [{Spectrum.Min:G4}, {Spectrum.Max:G4}])" +
        (Spectrum.NegativeCount > 0 ? $": flees along {Spectrum.NegativeCount} negative-curvature direction(s)" : "");
}
