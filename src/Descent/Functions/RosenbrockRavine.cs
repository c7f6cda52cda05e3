using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// A convex, Rosenbrock-like ravine in 2-D: a long, narrow valley at angle α whose walls have
/// curvature κ and whose floor flattens away from the minimum m (pseudo-Huber along the floor):
/// L(θ) = δ²(√(1 + (u/δ)²) − 1) + (κ/2)v², with
/// u = cos α (θ₁ − m₁) + sin α (θ₂ − m₂) (along the floor) and v = −sin α (θ₁ − m₁) + cos α (θ₂ − m₂) (across).
/// </summary>
/// <remarks>
/// <para>Gradient: ∇L = u/√(1 + (u/δ)²) · e_u + κv · e_v, with e_u = (cos α, sin α), e_v = (−sin α, cos α).
/// Along the floor the slope never exceeds δ, across it grows like κ|v|: gradient descent zig-zags
/// across the walls and creeps along the floor, as on Rosenbrock's banana.</para>
/// <para>Hessian: ∇²L = (1 + (u/δ)²)^(−3/2) e_u e_uᵀ + κ e_v e_vᵀ, eigenvalues (1 + (u/δ)²)^(−3/2) ∈ (0, 1]
/// along the floor and κ across it. Its condition number κ(1 + (u/δ)²)^(3/2) is exactly κ at the
/// minimum and grows along the floor (the floor gets flatter, the walls do not).</para>
/// <para>Convexity (proof): e_u, e_v are orthonormal, so the two numbers above are the eigenvalues of ∇²L;
/// both are &gt; 0 at every θ, hence ∇²L ≻ 0 everywhere and L is strictly convex. Its only critical point
/// is u = v = 0, i.e. θ = m, the global minimizer, with L(m) = 0.</para>
/// <para>Why the floor is straight, not bent like Rosenbrock's: a convex function cannot have a curved
/// floor with quadratic walls. For L = εx²/2 + (κ/2)(y − ψ(x))², det ∇²L = κ(ε − κ(y − ψ(x))ψ''(x)),
/// which is negative far enough up one wall unless ψ'' ≡ 0. So this ravine is rotated, not bent; what it
/// keeps from Rosenbrock is the narrowness (κ) and the flat floor.</para>
/// </remarks>
public sealed class RosenbrockRavine : Objective, ILipschitzGradient
{
    private readonly double _c;
    private readonly double _s;
    private readonly Vector<double> _m;

    /// <summary>Creates the ravine.</summary>
    /// <param name="conditionNumber">κ ≥ 1: wall curvature, equal to the Hessian's condition number at the minimum.</param>
    /// <param name="angle">Direction α of the floor in radians (finite).</param>
    /// <param name="floorWidth">δ &gt; 0: the floor is quadratic for |u| ≪ δ and has slope → δ for |u| ≫ δ.</param>
    /// <param name="minimizer">The minimizer m (length 2); (1, 1) when omitted, like Rosenbrock's.</param>
    public RosenbrockRavine(double conditionNumber = 100.0, double angle = Math.PI / 6, double floorWidth = 1.0,
        Vector<double>? minimizer = null)
        : base(2, $"RosenbrockRavine(κ = {conditionNumber:G4})")
    {
        ConditionNumber = Guard.AtLeast(conditionNumber, 1.0, nameof(conditionNumber));
        Angle = Guard.Finite(angle, nameof(angle));
        FloorWidth = Guard.Positive(floorWidth, nameof(floorWidth));
        _m = minimizer is null ? Vector<double>.Build.DenseOfArray([1, 1]) : Guard.Point(minimizer, 2, nameof(minimizer));
        _c = Math.Cos(angle);
        _s = Math.Sin(angle);
    }

    /// <summary>κ: wall curvature (the Hessian's condition number at the minimum).</summary>
    public double ConditionNumber { get; }

    /// <summary>α: direction of the valley floor in radians.</summary>
    public double Angle { get; }

    /// <summary>δ: width of the quadratic part of the floor.</summary>
    public double FloorWidth { get; }

    /// <summary>The unique minimizer m (a copy).</summary>
    public Vector<double> Minimizer => _m.Clone();

    /// <summary>Unit vector e_u = (cos α, sin α) along the valley floor.</summary>
    public Vector<double> FloorDirection => Vector<double>.Build.DenseOfArray([_c, _s]);

    /// <summary>M = κ: the Hessian's eigenvalues are κ and (1 + (u/δ)²)^(−3/2) ≤ 1 ≤ κ everywhere.</summary>
    public double GradientLipschitzConstant => ConditionNumber;

    /// <inheritdoc />
    public override Domain Domain => Domain.UnboundedPlottedOver([_m[0] - 3, _m[1] - 3], [_m[0] + 3, _m[1] + 3]);

    /// <inheritdoc />
    public override IReadOnlyList<Vector<double>> KnownMinimizers => [_m.Clone()];

    /// <inheritdoc />
    public override IReadOnlyList<KnownCriticalPoint> KnownCriticalPoints =>
        [new KnownCriticalPoint(_m.Clone(), 0.0, 0, false, "global minimum (strictly convex)")];

    /// <summary>Condition number κ(1 + (u/δ)²)^(3/2) of ∇²L at θ.</summary>
    public double ConditionNumberAt(Vector<double> theta)
    {
        CheckPoint(theta);
        var (u, _) = Coordinates(theta);
        return ConditionNumber * Math.Pow(1 + u * u / (FloorWidth * FloorWidth), 1.5);
    }

    private (double U, double V) Coordinates(Vector<double> theta)
    {
        double dx = theta[0] - _m[0], dy = theta[1] - _m[1];
        return (_c * dx + _s * dy, -_s * dx + _c * dy);
    }

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta)
    {
        var (u, v) = Coordinates(theta);
        double d = FloorWidth, r = u / d;
        // δ²(√(1 + r²) − 1) = δ²r²/(√(1 + r²) + 1), the second form has no cancellation near u = 0.
        return d * d * r * r / (Math.Sqrt(1 + r * r) + 1) + 0.5 * ConditionNumber * v * v;
    }

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta)
    {
        var (u, v) = Coordinates(theta);
        double r = u / FloorWidth;
        double gu = u / Math.Sqrt(1 + r * r), gv = ConditionNumber * v;
        return Vector<double>.Build.DenseOfArray([_c * gu - _s * gv, _s * gu + _c * gv]);
    }

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> theta)
    {
        var (u, _) = Coordinates(theta);
        double r = u / FloorWidth;
        double a = Math.Pow(1 + r * r, -1.5), k = ConditionNumber;
        // a·e_u e_uᵀ + κ·e_v e_vᵀ
        return Matrix<double>.Build.DenseOfArray(new[,]
        {
            { a * _c * _c + k * _s * _s, (a - k) * _c * _s },
            { (a - k) * _c * _s, a * _s * _s + k * _c * _c },
        });
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: δ²(√(1 + (u/δ)²) − 1) + (κ/2)v², floor at α = {Angle:G4} rad, δ = {FloorWidth:G4}, minimum 0 at {Text.Point(_m)}";
}
