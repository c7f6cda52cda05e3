using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// The axis-aligned quadratic saddle L(θ) = Σᵢ cᵢθᵢ² with some cᵢ &gt; 0 and some cᵢ &lt; 0;
/// the default is the textbook x₁² − x₂² (Srihari, "Challenges in Neural Network Optimization").
/// </summary>
/// <remarks>
/// Gradient ∂L/∂θᵢ = 2cᵢθᵢ; Hessian diag(2c₁, …, 2cₙ), constant. The only critical point is θ = 0,
/// L(0) = 0, a non-degenerate saddle whose index is the number of negative cᵢ. Unbounded below along
/// every direction with cᵢ &lt; 0, so there is no minimizer. Newton's step −H⁻¹g = −θ jumps straight onto
/// the saddle; gradient descent multiplies θᵢ by (1 − 2εcᵢ) and so flees along the negative directions.
/// </remarks>
public sealed class SaddleQuadratic : Objective, ILipschitzGradient
{
    private readonly double[] _c;

    /// <summary>x₁² − x₂².</summary>
    public SaddleQuadratic() : this(1.0, -1.0) { }

    /// <summary>Σᵢ cᵢθᵢ² for the given coefficients.</summary>
    /// <param name="coefficients">cᵢ (n ≥ 2 finite non-zero numbers, at least one positive and one negative).</param>
    public SaddleQuadratic(params double[] coefficients)
        : base(CheckCoefficients(coefficients), NameFor(coefficients))
    {
        _c = (double[])coefficients.Clone();
    }

    /// <summary>The coefficients cᵢ (a copy).</summary>
    public double[] Coefficients => (double[])_c.Clone();

    /// <summary>Number of negative coefficients = number of descending directions at the saddle.</summary>
    public int Index => _c.Count(c => c < 0);

    /// <summary>Eigenvalues 2cᵢ of the (constant) Hessian, ascending.</summary>
    public double[] HessianEigenvalues => _c.Select(c => 2 * c).Order().ToArray();

    /// <summary>M = 2·maxᵢ|cᵢ|, the largest |eigenvalue| of the constant Hessian.</summary>
    public double GradientLipschitzConstant => 2 * _c.Max(Math.Abs);

    /// <inheritdoc />
    public override IReadOnlyList<KnownCriticalPoint> KnownCriticalPoints =>
        [new KnownCriticalPoint(Vector<double>.Build.Dense(Dimension), 0.0, Index, false, $"saddle of index {Index}")];

    private static int CheckCoefficients(double[] coefficients)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        if (coefficients.Length < 2)
        {
            throw new ArgumentException($"coefficients has {coefficients.Length} entries; a saddle needs at least 2.", nameof(coefficients));
        }

        if (coefficients.Any(c => !double.IsFinite(c) || c == 0))
        {
            throw new ArgumentException("every coefficient must be a finite non-zero number.", nameof(coefficients));
        }

        if (!coefficients.Any(c => c > 0) || !coefficients.Any(c => c < 0))
        {
            throw new ArgumentException("coefficients must contain at least one positive and one negative value, or there is no saddle.", nameof(coefficients));
        }

        return coefficients.Length;
    }

    private static string NameFor(double[] c)
    {
        if (c is null)
        {
            return "SaddleQuadratic";
        }

        var terms = c.Select((ci, i) => (ci, i)).Select(t =>
        {
            string coef = Math.Abs(t.ci) == 1 ? "" : Math.Abs(t.ci).ToString("G4");
            return (t.ci < 0 ? " − " : " + ") + coef + $"θ{t.i + 1}²";
        });
        string s = string.Concat(terms);
        return s.StartsWith(" + ", StringComparison.Ordinal) ? s[3..] : "−" + s[3..];
    }

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta)
    {
        double s = 0;
        for (int i = 0; i < _c.Length; i++)
        {
            s += _c[i] * theta[i] * theta[i];
        }

        return s;
    }

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta) =>
        Vector<double>.Build.Dense(Dimension, i => 2 * _c[i] * theta[i]);

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> theta) =>
        Matrix<double>.Build.DenseOfDiagonalArray(_c.Select(c => 2 * c).ToArray());

    /// <inheritdoc />
    protected override Vector<double> HessianVectorProductCore(Vector<double> theta, Vector<double> v) =>
        Vector<double>.Build.Dense(Dimension, i => 2 * _c[i] * v[i]);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: saddle of index {Index} at 0 (L = 0), Hessian eigenvalues {string.Join(", ", HessianEigenvalues.Select(l => l.ToString("G4")))}";
}
