using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// A saddle whose Hessian is singular: L(x, y) = a·x² − b·y^p with an integer p ≥ 3; the default
/// x² − y⁴ descends on both sides along y, but so slowly that the Hessian at the origin, diag(2a, 0),
/// is positive semidefinite and "looks like" a minimum to a second-order test.
/// </summary>
/// <remarks>
/// <para>Gradient (2a·x, −p·b·y^(p−1)); Hessian diag(2a, −p(p−1)·b·y^(p−2)).</para>
/// <para>The only critical point is the origin, L = 0, Hessian diag(2a, 0): degenerate. It is nonetheless
/// a saddle, since L(0, y) = −b·y^p &lt; 0 for every y ≠ 0 when p is even (for y &gt; 0 when p is odd,
/// the inflection x² − y³ style). Unbounded below; no minimizer.</para>
/// <para>Escape is slow: along y gradient flow is dy/dt = p·b·y^(p−1), which leaves a start y₀ &gt; 0 only after a
/// time of order y₀^(2−p)/(p(p−2)b) — a power law in 1/y₀, where a non-degenerate saddle takes log(1/y₀).</para>
/// </remarks>
public sealed class DegenerateSaddle : Objective
{
    /// <summary>Creates a·x² − b·y^p.</summary>
    /// <param name="power">p ≥ 3 (4 by default: a saddle descending on both sides; 3: an inflection).</param>
    /// <param name="a">Curvature term a &gt; 0 along x.</param>
    /// <param name="b">Coefficient b &gt; 0 of the degenerate direction.</param>
    public DegenerateSaddle(int power = 4, double a = 1.0, double b = 1.0)
        : base(2, $"{(a == 1 ? "" : a.ToString("G4"))}x² − {(b == 1 ? "" : b.ToString("G4"))}y{Superscript(power)}")
    {
        if (power < 3 || power > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(power), power, "power must be an integer in [3, 12].");
        }

        Power = power;
        A = Guard.Positive(a, nameof(a));
        B = Guard.Positive(b, nameof(b));
    }

    /// <summary>The power p of the degenerate direction.</summary>
    public int Power { get; }

    /// <summary>Coefficient a of x².</summary>
    public double A { get; }

    /// <summary>Coefficient b of −y^p.</summary>
    public double B { get; }

    /// <inheritdoc />
    public override Domain Domain => Domain.Unbounded(2, 1.5);

    /// <inheritdoc />
    public override IReadOnlyList<KnownCriticalPoint> KnownCriticalPoints =>
        [new KnownCriticalPoint(Vector<double>.Build.Dense(2), 0.0, 0, true,
            $"degenerate saddle: Hessian diag({2 * A:G4}, 0) is positive semidefinite, yet L(0, y) = −{B:G4}·y^{Power} < 0 {(Power % 2 == 0 ? "for all y ≠ 0" : "for y > 0")}")];

    private static string Superscript(int p) => p is < 0 or > 99 ? $"^{p}" :
        string.Concat(p.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(ch => "⁰¹²³⁴⁵⁶⁷⁸⁹"[ch - '0']));

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta) =>
        A * theta[0] * theta[0] - B * Math.Pow(theta[1], Power);

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta) =>
        Vector<double>.Build.DenseOfArray([2 * A * theta[0], -Power * B * Math.Pow(theta[1], Power - 1)]);

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> theta) =>
        Matrix<double>.Build.DenseOfDiagonalArray([2 * A, -Power * (Power - 1) * B * Math.Pow(theta[1], Power - 2)]);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: degenerate saddle at 0 (Hessian diag({2 * A:G4}, 0)), unbounded below";
}
