using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// A smooth surface with no critical point at all (Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions", "some functions lack critical points"):
/// L(θ) = aᵀθ + Σᵢ softplus(θᵢ), softplus(z) = log(1 + eᶻ). Gradient descent never stops on it: the
/// gradient norm stays above a positive constant everywhere while L decreases without bound.
/// </summary>
/// <remarks>
/// <para>Gradient: ∂L/∂θᵢ = aᵢ + σ(θᵢ), σ the logistic sigmoid. Hessian: diag(σ(θᵢ)(1 − σ(θᵢ))).</para>
/// <para>Bound (proof): σ(θᵢ) takes every value in the open interval (0, 1), so ∂L/∂θᵢ ranges over (aᵢ, aᵢ + 1)
/// and |∂L/∂θᵢ| ≥ dist(0, (aᵢ, aᵢ + 1)) = dist(aᵢ, [−1, 0]) = max(aᵢ, −1 − aᵢ, 0). Hence
/// ‖∇L(θ)‖ ≥ β = √(Σᵢ dist(aᵢ, [−1, 0])²) for every θ, and the bound is sharp (approached as each θᵢ → ∓∞).
/// The constructor requires β &gt; 0, i.e. some aᵢ outside [−1, 0], so there is no critical point.</para>
/// </remarks>
public sealed class NoCriticalPoint : Objective, ILipschitzGradient
{
    private readonly double[] _a;

    /// <summary>Creates aᵀθ + Σ softplus(θᵢ).</summary>
    /// <param name="slopes">a (length n ≥ 1, finite, at least one entry outside [−1, 0]); (−1.5, 0.5) when omitted.</param>
    public NoCriticalPoint(double[]? slopes = null)
        : base(CheckSlopes(slopes ?? [-1.5, 0.5]), $"NoCriticalPoint({(slopes ?? [-1.5, 0.5]).Length})")
    {
        _a = (double[])(slopes ?? [-1.5, 0.5]).Clone();
        GradientNormLowerBound = Math.Sqrt(_a.Sum(a => Math.Pow(DistanceToInterval(a), 2)));
    }

    /// <summary>a (a copy).</summary>
    public double[] Slopes => (double[])_a.Clone();

    /// <summary>β = √(Σᵢ dist(aᵢ, [−1, 0])²) &gt; 0: ‖∇L(θ)‖ ≥ β at every θ, and the bound is sharp.</summary>
    public double GradientNormLowerBound { get; }

    /// <summary>M = ¼: the Hessian is diag(σ(θᵢ)(1 − σ(θᵢ))) and σ(1 − σ) ≤ ¼, with equality at θᵢ = 0.</summary>
    public double GradientLipschitzConstant => 0.25;

    /// <inheritdoc />
    public override Domain Domain => Domain.Unbounded(Dimension, 4.0);

    private static double DistanceToInterval(double a) => Math.Max(0, Math.Max(a, -1 - a));

    private static int CheckSlopes(double[] slopes)
    {
        if (slopes.Length == 0)
        {
            throw new ArgumentException("slopes must have at least one entry.", nameof(slopes));
        }

        if (slopes.Any(a => !double.IsFinite(a)))
        {
            throw new ArgumentException("every slope must be a finite number.", nameof(slopes));
        }

        if (slopes.All(a => DistanceToInterval(a) == 0))
        {
            throw new ArgumentException("at least one slope must lie outside [−1, 0]; otherwise the gradient can vanish (a critical point or an asymptotic one).", nameof(slopes));
        }

        return slopes.Length;
    }

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    private static double Softplus(double z) => Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)));

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta)
    {
        double s = 0;
        for (int i = 0; i < Dimension; i++)
        {
            s += _a[i] * theta[i] + Softplus(theta[i]);
        }

        return s;
    }

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta) =>
        Vector<double>.Build.Dense(Dimension, i => _a[i] + Sigmoid(theta[i]));

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> theta) =>
        Matrix<double>.Build.DenseOfDiagonalArray(theta.Select(t => Sigmoid(t) * Sigmoid(-t)).ToArray());

    /// <inheritdoc />
    protected override Vector<double> HessianVectorProductCore(Vector<double> theta, Vector<double> v) =>
        Vector<double>.Build.Dense(Dimension, i => Sigmoid(theta[i]) * Sigmoid(-theta[i]) * v[i]);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: aᵀθ + Σ softplus(θᵢ), a = [{string.Join(", ", _a.Select(a => a.ToString("G4")))}]; no critical point, ‖∇L‖ ≥ {GradientNormLowerBound:G4} everywhere";
}
