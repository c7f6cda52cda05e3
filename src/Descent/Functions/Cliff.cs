using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// A steep wall between two nearly flat regions (Srihari, "Challenges in Neural Network Optimization", "cliffs and exploding gradients"), in 2-D:
/// L(θ) = H·σ((θ₁ − c)/w) + (μ/2)‖θ − m‖², σ(z) = 1/(1 + e^(−z)),
/// a sigmoid step of height H and width w at θ₁ = c on top of a shallow bowl centred at m on the low side (m₁ &lt; c).
/// </summary>
/// <remarks>
/// <para>Gradient: ∇L = (H/w)·σ(1 − σ)·e₁ + μ(θ − m). On the wall the slope reaches H/(4w) (the default 10/(4·0.05) = 50),
/// against μ‖θ − m‖ ≈ 0.2 on the flats, so one gradient step with a rate that suits the flats throws θ far past the wall.</para>
/// <para>Hessian: ∇²L = (H/w²)·σ(1 − σ)(1 − 2σ)·e₁e₁ᵀ + μI, with curvature up to ±H/(w²·6√3) across the wall.</para>
/// <para>Minimum: ∂L/∂θ₂ = 0 gives θ₂ = m₂; along θ₁, φ(x) = μ(x − m₁) + (H/w)σ'((x − c)/w) is &gt; 0 for x ≥ m₁ (both
/// terms positive) and strictly increasing for x ≤ m₁ &lt; c (σ' increases left of the wall), so there is exactly
/// one critical point, the global minimizer, a hair left of m. It is found by bisection on
/// [m₁ − H/(4wμ), m₁], where φ changes sign.</para>
/// </remarks>
public sealed class Cliff : Objective, ILipschitzGradient
{
    private readonly Vector<double> _m;
    private readonly Vector<double> _minimizer;

    /// <summary>Creates the cliff.</summary>
    /// <param name="height">H &gt; 0: height of the wall.</param>
    /// <param name="width">w &gt; 0: width of the wall (steepness H/(4w)).</param>
    /// <param name="position">c: θ₁-position of the wall.</param>
    /// <param name="curvature">μ &gt; 0: curvature of the shallow bowl.</param>
    /// <param name="bowlCenter">m (length 2, m₁ &lt; c): centre of the bowl on the low side; (c − 2, 0) when omitted.</param>
    public Cliff(double height = 10.0, double width = 0.05, double position = 0.0, double curvature = 0.1, Vector<double>? bowlCenter = null)
        : base(2, $"Cliff(H = {height:G3}, w = {width:G3})")
    {
        Height = Guard.Positive(height, nameof(height));
        Width = Guard.Positive(width, nameof(width));
        Position = Guard.Finite(position, nameof(position));
        Curvature = Guard.Positive(curvature, nameof(curvature));
        _m = bowlCenter is null ? Vector<double>.Build.DenseOfArray([position - 2, 0]) : Guard.Point(bowlCenter, 2, nameof(bowlCenter));
        if (!(_m[0] < position))
        {
            throw new ArgumentException($"bowlCenter[0] = {_m[0]:G4} must be < position = {position:G4} (the bowl sits on the low side of the wall).", nameof(bowlCenter));
        }

        _minimizer = Vector<double>.Build.DenseOfArray([SolveMinimizerX(), _m[1]]);
    }

    /// <summary>H: height of the wall.</summary>
    public double Height { get; }

    /// <summary>w: width of the wall.</summary>
    public double Width { get; }

    /// <summary>c: θ₁-position of the wall.</summary>
    public double Position { get; }

    /// <summary>μ: curvature of the bowl.</summary>
    public double Curvature { get; }

    /// <summary>m: centre of the bowl (a copy).</summary>
    public Vector<double> BowlCenter => _m.Clone();

    /// <summary>H/(4w): the largest slope of the wall alone (at θ₁ = c).</summary>
    public double MaxWallSlope => Height / (4 * Width);

    /// <summary>M = μ + H/(6√3·w²): the Hessian is μI + (H/w²)σ''(z)e₁e₁ᵀ and |σ''(z)| ≤ 1/(6√3), with equality at
    /// z = ±ln(2 + √3) (the positive extreme at z = −ln(2 + √3), on the low side of the wall). Steep walls make M huge,
    /// which is why one learning rate cannot suit both the wall and the flats.</summary>
    public double GradientLipschitzConstant => Curvature + Height / (6 * Math.Sqrt(3) * Width * Width);

    /// <inheritdoc />
    public override Domain Domain => Domain.UnboundedPlottedOver([Math.Min(_m[0], Position) - 2, _m[1] - 3], [Position + 3, _m[1] + 3]);

    /// <inheritdoc />
    public override IReadOnlyList<Vector<double>> KnownMinimizers => [_minimizer.Clone()];

    /// <inheritdoc />
    public override IReadOnlyList<KnownCriticalPoint> KnownCriticalPoints =>
        [new KnownCriticalPoint(_minimizer.Clone(), Value(_minimizer), 0, false, "global minimum (the only critical point)")];

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    // σ(z)(1 − σ(z)) = σ(z)σ(−z), without cancellation in the tails.
    private static double SigmoidSlope(double z) => Sigmoid(z) * Sigmoid(-z);

    private double SolveMinimizerX()
    {
        double Phi(double x) => Curvature * (x - _m[0]) + Height / Width * SigmoidSlope((x - Position) / Width);
        double lo = _m[0] - Height / (4 * Width * Curvature), hi = _m[0];
        for (int k = 0; k < 200 && hi - lo > 0; k++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi)
            {
                break;
            }

            if (Phi(mid) > 0)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }
        return Math.Abs(Phi(lo)) <= Math.Abs(Phi(hi)) ? lo : hi;
    }

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta)
    {
        var d = theta - _m;
        return Height * Sigmoid((theta[0] - Position) / Width) + 0.5 * Curvature * d.DotProduct(d);
    }

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta)
    {
        var g = (theta - _m) * Curvature;
        g[0] += Height / Width * SigmoidSlope((theta[0] - Position) / Width);
        return g;
    }

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> theta)
    {
        double z = (theta[0] - Position) / Width;
        var h = Matrix<double>.Build.DenseIdentity(2) * Curvature;
        // (1 − 2σ(z)) = σ(−z) − σ(z)
        h[0, 0] += Height / (Width * Width) * SigmoidSlope(z) * (Sigmoid(-z) - Sigmoid(z));
        return h;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: H·σ((θ₁ − {Position:G3})/w) + (μ/2)‖θ − m‖², μ = {Curvature:G3}, wall slope up to {MaxWallSlope:G4}; minimum at {Text.Point(_minimizer)}";
}
