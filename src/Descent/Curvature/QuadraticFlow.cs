using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Curvature;

/// <summary>
/// Gradient descent on L(θ) = ½θᵀAθ − bᵀθ in closed form, around its critical point θ* = A⁻¹b (A = QΛQᵀ nonsingular):
/// continuous flow θ(t) = θ* + Q e^{−Λt} Qᵀ(θ₀ − θ*), and k steps of size ε θₖ = θ* + Q (I − εΛ)ᵏ Qᵀ(θ₀ − θ*).
/// For positive definite A the flow converges to the minimizer; along a negative eigenvalue it flees.
/// </summary>
/// <remarks>Each eigen-direction contracts by |1 − ελᵢ| per step, so GD converges iff 0 &lt; ε &lt; 2/λmax (A positive definite),
/// fastest at ε = 2/(λ₁ + λₙ) with factor (κ − 1)/(κ + 1).</remarks>
public sealed class QuadraticFlow
{
    private readonly Vector<double> _critical;

    /// <summary>The flow of ½θᵀAθ − bᵀθ.</summary>
    /// <exception cref="ArgumentException">A is singular (some |λ| ≤ tolerance): there is no unique critical point;
    /// use <see cref="LinearizedFlow"/>, which needs none.</exception>
    public QuadraticFlow(Matrix<double> a, Vector<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Spectrum = Spectrum.Of(a);
        if (b.Count != Spectrum.Dimension || b.Any(x => !double.IsFinite(x)))
        {
            throw new ArgumentException($"b must have {Spectrum.Dimension} finite entries.", nameof(b));
        }

        if (Spectrum.IsSingular)
        {
            throw new ArgumentException(
                "a is singular (an eigenvalue is zero to within tolerance), so there is no unique critical point θ*; use LinearizedFlow instead.", nameof(a));
        }

        var q = Spectrum.Eigenvectors;
        var ev = Spectrum.Eigenvalues;
        var qb = q.TransposeThisAndMultiply(b);
        _critical = q * Vector<double>.Build.Dense(ev.Length, i => qb[i] / ev[i]);
    }

    /// <summary>The flow of a <see cref="Quadratic"/> objective (its constant c plays no role).</summary>
    public QuadraticFlow(Quadratic quadratic) : this((quadratic ?? throw new ArgumentNullException(nameof(quadratic))).A, quadratic.B)
    {
    }

    /// <summary>A = QΛQᵀ.</summary>
    public Spectrum Spectrum { get; }

    /// <summary>θ* = A⁻¹b = QΛ⁻¹Qᵀb (a copy): the minimizer when A is positive definite, a saddle or maximum otherwise.</summary>
    public Vector<double> CriticalPoint => _critical.Clone();

    /// <summary>θ(t) = θ* + Q e^{−Λt} Qᵀ(θ₀ − θ*).</summary>
    public Vector<double> Continuous(Vector<double> theta0, double t)
    {
        CheckTheta(theta0);
        if (!(t >= 0) || !double.IsFinite(t))
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, "t must be a finite time ≥ 0.");
        }

        return Map(theta0, l => Math.Exp(-l * t));
    }

    /// <summary>θₖ = θ* + Q (I − εΛ)ᵏ Qᵀ(θ₀ − θ*), the iterate after k steps θ ← θ − ε(Aθ − b).</summary>
    public Vector<double> Discrete(Vector<double> theta0, double epsilon, int steps)
    {
        CheckTheta(theta0);
        if (!(epsilon > 0) || !double.IsFinite(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be a finite positive step size.");
        }

        if (steps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be ≥ 0.");
        }

        return Map(theta0, l => Math.Pow(1 - epsilon * l, steps));
    }

    /// <summary>θ(t) for each time.</summary>
    public IReadOnlyList<Vector<double>> ContinuousPath(Vector<double> theta0, IEnumerable<double> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        return times.Select(t => Continuous(theta0, t)).ToList();
    }

    /// <summary>θ₀, θ₁, …, θₖ for k = <paramref name="steps"/>.</summary>
    public IReadOnlyList<Vector<double>> DiscretePath(Vector<double> theta0, double epsilon, int steps)
    {
        if (steps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be ≥ 0.");
        }

        return Enumerable.Range(0, steps + 1).Select(k => Discrete(theta0, epsilon, k)).ToList();
    }

    /// <summary>maxᵢ |1 − ελᵢ|: the worst per-step contraction of θ − θ*; GD converges for every start iff it is &lt; 1.</summary>
    public double ContractionFactor(double epsilon)
    {
        if (!double.IsFinite(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be finite.");
        }

        return Spectrum.Eigenvalues.Max(l => Math.Abs(1 - epsilon * l));
    }

    /// <summary>2/λmax: GD converges iff 0 &lt; ε &lt; this (A positive definite; NaN otherwise, where no step converges from every start).</summary>
    public double StabilityLimit => Spectrum.IsPositiveDefinite ? 2 / Spectrum.Max : double.NaN;

    /// <summary>ε = 2/(λmin + λmax), which minimizes the contraction factor to (κ − 1)/(κ + 1) (A positive definite; NaN otherwise).</summary>
    public double OptimalConstantStep => Spectrum.IsPositiveDefinite ? 2 / (Spectrum.Min + Spectrum.Max) : double.NaN;

    private Vector<double> Map(Vector<double> theta0, Func<double, double> f)
    {
        var q = Spectrum.Eigenvectors;
        var ev = Spectrum.Eigenvalues;
        var c = q.TransposeThisAndMultiply(theta0 - _critical);
        var result = _critical + q * Vector<double>.Build.Dense(ev.Length, i => f(ev[i]) * c[i]);
        if (result.Any(x => !double.IsFinite(x)))
        {
            throw new ArithmeticException("The iterate overflowed (an eigen-direction grows without bound); use a shorter time or fewer steps.");
        }

        return result;
    }

    private void CheckTheta(Vector<double> theta0)
    {
        ArgumentNullException.ThrowIfNull(theta0);
        if (theta0.Count != Spectrum.Dimension)
        {
            throw new ArgumentException($"theta0 has length {theta0.Count}, but the quadratic has dimension {Spectrum.Dimension}.", nameof(theta0));
        }

        if (theta0.Any(x => !double.IsFinite(x)))
        {
            throw new ArgumentException("theta0 must have finite entries.", nameof(theta0));
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"QuadraticFlow(n = {Spectrum.Dimension}, A {Spectrum.Definiteness}, λ ∈ [{Spectrum.Min:G4}, {Spectrum.Max:G4}]" +
        (Spectrum.IsPositiveDefinite
            ? $", κ = {Spectrum.ConditionNumber:G4}, GD stable for ε < {StabilityLimit:G4}, best ε = {OptimalConstantStep:G4})"
            : $", critical point of index {Spectrum.NegativeCount})");
}
