using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// A non-convex surface with a globally Lipschitz gradient, a known minimum value and a saddle (chapter 08):
/// L(x, y) = ½x² − a·log cosh x + b·log cosh y, a double well in x (a &gt; 1) and a ramp of slope b in y.
/// </summary>
/// <remarks>
/// <para>Gradient: ∇L = (x − a·tanh x, b·tanh y). Hessian: diag(1 − a·sech²x, b·sech²y), so the curvature in x lies in
/// [1 − a, 1) and in y in (0, b]: M = sup‖∇²L‖₂ = max(1, a − 1, b) (1 is approached as |x| → ∞, a − 1 attained at x = 0,
/// b at y = 0).</para>
/// <para>Critical points: tanh y = 0 forces y = 0, and x = a·tanh x has the roots 0 and ±x*, x* &gt; 0 (found by
/// Newton's method from x = a, which converges monotonically because x − a·tanh x is convex for x &gt; 0). (0, 0) is a
/// saddle of index 1 (curvatures 1 − a &lt; 0 and b); (±x*, 0) are the two global minima, L* = ½x*² − a·log cosh x*.</para>
/// <para>Far up the ramp (|y| ≫ 1) the gradient is ≈ b in y: gradient descent walks down at constant speed with
/// ‖∇L‖ ≈ b, which makes Yarotsky's bound min‖∇L‖ ≤ c^{−1/2}N^{−1/2}(L(W₁) − L*)^{1/2} nearly tight there.</para>
/// </remarks>
public sealed class RampedDoubleWell : Objective, ILipschitzGradient
{
    private readonly double _xStar;

    /// <summary>Creates the surface.</summary>
    /// <param name="depth">a &gt; 1: the double well's strength (curvature 1 − a at the saddle).</param>
    /// <param name="slope">b &gt; 0: the ramp's slope far from y = 0 (and its curvature at y = 0).</param>
    public RampedDoubleWell(double depth = 2.0, double slope = 1.0)
        : base(2, $"RampedDoubleWell(a = {depth:G3}, b = {slope:G3})")
    {
        if (!(depth > 1) || !double.IsFinite(depth))
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "depth a must be a finite number > 1 (otherwise there is no double well).");
        }

        Depth = depth;
        Slope = Guard.Positive(slope, nameof(slope));
        double x = depth;
        for (int i = 0; i < 100; i++)
        {
            double t = Math.Tanh(x), next = x - (x - depth * t) / (1 - depth * (1 - t * t));
            if (Math.Abs(next - x) <= 1e-16 * x) { x = next; break; }
            x = next;
        }
        _xStar = x;
        MinimumValue = 0.5 * x * x - depth * LogCosh(x);
    }

    /// <summary>a: depth of the double well.</summary>
    public double Depth { get; }

    /// <summary>b: slope of the ramp.</summary>
    public double Slope { get; }

    /// <summary>x* &gt; 0 with x* = a·tanh x*: the minima are (±x*, 0).</summary>
    public double MinimizerX => _xStar;

    /// <summary>L* = min L = ½x*² − a·log cosh x* (&lt; 0).</summary>
    public double MinimumValue { get; }

    /// <summary>M = max(1, a − 1, b).</summary>
    public double GradientLipschitzConstant => Math.Max(1.0, Math.Max(Depth - 1, Slope));

    /// <summary>The saddle (0, 0).</summary>
    public Vector<double> Saddle => Vector<double>.Build.Dense(2);

    /// <inheritdoc />
    public override Domain Domain => Domain.UnboundedPlottedOver([-3.5, -3.0], [3.5, 3.0]);

    /// <inheritdoc />
    public override IReadOnlyList<Vector<double>> KnownMinimizers =>
        [Vector<double>.Build.DenseOfArray([-_xStar, 0]), Vector<double>.Build.DenseOfArray([_xStar, 0])];

    /// <inheritdoc />
    public override IReadOnlyList<KnownCriticalPoint> KnownCriticalPoints =>
    [
        new(Saddle, 0.0, 1, false, "saddle of index 1 (curvatures 1 − a and b)"),
        new(Vector<double>.Build.DenseOfArray([-_xStar, 0]), MinimumValue, 0, false, "global minimum"),
        new(Vector<double>.Build.DenseOfArray([_xStar, 0]), MinimumValue, 0, false, "global minimum"),
    ];

    /// <summary>log cosh z = |z| + log(1 + e^{−2|z|}) − log 2, without overflow.</summary>
    public static double LogCosh(double z)
    {
        double a = Math.Abs(z);
        return a + Math.Log(1 + Math.Exp(-2 * a)) - Math.Log(2);
    }

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta) =>
        0.5 * theta[0] * theta[0] - Depth * LogCosh(theta[0]) + Slope * LogCosh(theta[1]);

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta) =>
        Vector<double>.Build.DenseOfArray([theta[0] - Depth * Math.Tanh(theta[0]), Slope * Math.Tanh(theta[1])]);

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> theta) =>
        Matrix<double>.Build.DenseOfDiagonalArray([1 - Depth * Sech2(theta[0]), Slope * Sech2(theta[1])]);

    /// <inheritdoc />
    protected override Vector<double> HessianVectorProductCore(Vector<double> theta, Vector<double> v) =>
        Vector<double>.Build.DenseOfArray([(1 - Depth * Sech2(theta[0])) * v[0], Slope * Sech2(theta[1]) * v[1]]);

    private static double Sech2(double z)
    {
        double t = Math.Tanh(z);
        return 1 - t * t;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: ½x² − {Depth:G3}·log cosh x + {Slope:G3}·log cosh y; saddle (0, 0), minima (±{_xStar:G6}, 0) with L* = {MinimumValue:G6}; M = {GradientLipschitzConstant:G4}";
}
