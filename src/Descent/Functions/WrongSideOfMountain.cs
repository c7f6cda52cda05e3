using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// Goodfellow's "wrong side of the mountain" (Srihari, "Challenges in Neural Network Optimization"; Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions") in 2-D: a start on the far slope of a
/// mountain from the global basin, where the locally best direction −∇L points away from the global minimum.
/// L(θ) = (μ/2)‖θ − g‖² + M·e(θ; m, 1) − 2·e(θ; g, 1) − d·e(θ; ℓ, 0.8),
/// with e(θ; c, s) = exp(−‖θ − c‖²/(2s²)), global basin g = (3, 0), mountain m = (0, 0), local basin ℓ = (−2.5, 1.5).
/// </summary>
/// <remarks>
/// <para>Gradient and Hessian: μ(θ − g) and μI plus, for each Gaussian term a·e(θ; c, s),
/// −a·e·(θ − c)/s² and a·e·[(θ − c)(θ − c)ᵀ/s⁴ − I/s²].</para>
/// <para>From <see cref="Start"/> = (−1.2, 0.3) the negative gradient makes an angle of more than 90° with the
/// direction to the global minimum, and the straight segment to it climbs over the mountain. With the local
/// basin (d &gt; 0, default d = 1) gradient descent from the start settles in the shallow local minimum near ℓ;
/// with d = 0 it reaches the global minimum only by a long arc around the mountain, the "circumnavigating a
/// tall mountain" picture. Minima have no closed form; they are located by Newton's method to machine precision.</para>
/// </remarks>
public sealed class WrongSideOfMountain : Objective
{
    private static readonly Vector<double> GlobalCenter = Vector<double>.Build.DenseOfArray([3, 0]);
    private static readonly Vector<double> MountainCenter = Vector<double>.Build.DenseOfArray([0, 0]);
    private static readonly Vector<double> LocalCenter = Vector<double>.Build.DenseOfArray([-2.5, 1.5]);

    private readonly GaussianSum _terms;
    private readonly Vector<double> _global;
    private readonly Vector<double>? _local;

    /// <summary>Creates the surface.</summary>
    /// <param name="mountainHeight">M &gt; 0: height of the Gaussian mountain at the origin (width 1).</param>
    /// <param name="localBasinDepth">d ≥ 0: depth of the shallow basin behind the mountain (0 = none: a pure detour).</param>
    /// <param name="confinement">μ &gt; 0: curvature of the bowl centred on the global basin.</param>
    public WrongSideOfMountain(double mountainHeight = 3.0, double localBasinDepth = 1.0, double confinement = 0.05)
        : base(2, $"WrongSideOfMountain(M = {mountainHeight:G3}, d = {localBasinDepth:G3})")
    {
        MountainHeight = Guard.Positive(mountainHeight, nameof(mountainHeight));
        LocalBasinDepth = Guard.NonNegative(localBasinDepth, nameof(localBasinDepth));
        Confinement = Guard.Positive(confinement, nameof(confinement));
        _terms = new GaussianSum(
        [
            (MountainCenter, mountainHeight, 1.0),
            (GlobalCenter, -2.0, 1.0),
            (LocalCenter, -localBasinDepth, 0.8),
        ]);
        _global = NewtonRefinement.Minimize(this, GlobalCenter)
            ?? throw new ArgumentException("the global basin has no minimum with these parameters.", nameof(confinement));
        _local = localBasinDepth > 0 ? NewtonRefinement.Minimize(this, LocalCenter) : null;
        if (_local is not null && (_local - _global).InfinityNorm() < 1e-6)
        {
            _local = null;
        }

        if (_local is not null && Value(_local) <= Value(_global))
        {
            throw new ArgumentException($"localBasinDepth = {localBasinDepth:G4} makes the basin behind the mountain the deeper one; use a smaller depth.", nameof(localBasinDepth));
        }
    }

    /// <summary>M: mountain height.</summary>
    public double MountainHeight { get; }

    /// <summary>d: depth of the local basin behind the mountain.</summary>
    public double LocalBasinDepth { get; }

    /// <summary>μ: curvature of the bowl centred on the global basin.</summary>
    public double Confinement { get; }

    /// <summary>The suggested start (−1.2, 0.3), on the wrong side of the mountain.</summary>
    public Vector<double> Start => Vector<double>.Build.DenseOfArray([-1.2, 0.3]);

    /// <summary>The mountain's peak position m = (0, 0).</summary>
    public Vector<double> Mountain => MountainCenter.Clone();

    /// <summary>The global minimizer (near (3, 0)).</summary>
    public Vector<double> GlobalMinimizer => _global.Clone();

    /// <summary>The local minimizer behind the mountain (near (−2.5, 1.5)), or null when there is none (d = 0 or too shallow).</summary>
    public Vector<double>? LocalMinimizer => _local?.Clone();

    /// <inheritdoc />
    public override Domain Domain => Domain.UnboundedPlottedOver([-4.5, -3.5], [5.0, 3.5]);

    /// <inheritdoc />
    public override IReadOnlyList<Vector<double>> KnownMinimizers => [_global.Clone()];

    /// <inheritdoc />
    public override IReadOnlyList<KnownCriticalPoint> KnownCriticalPoints => _local is null
        ? [new KnownCriticalPoint(_global.Clone(), Value(_global), 0, false, "global minimum")]
        : [new KnownCriticalPoint(_global.Clone(), Value(_global), 0, false, "global minimum"),
           new KnownCriticalPoint(_local.Clone(), Value(_local), 0, false, "local minimum behind the mountain")];

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta)
    {
        var d = theta - GlobalCenter;
        return 0.5 * Confinement * d.DotProduct(d) + _terms.Value(theta);
    }

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta)
    {
        var g = (theta - GlobalCenter) * Confinement;
        _terms.AddGradient(theta, g);
        return g;
    }

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> theta)
    {
        var h = Matrix<double>.Build.DenseIdentity(2) * Confinement;
        _terms.AddHessian(theta, h);
        return h;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: start {Text.Point(Start)} behind a mountain of height {MountainHeight:G3}; global minimum L = {Value(_global):G4} at {Text.Point(_global)}" +
        (_local is null ? "" : $", local minimum L = {Value(_local):G4} at {Text.Point(_local)}");
}
