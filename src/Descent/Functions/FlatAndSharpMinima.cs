using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics;

namespace Descent.Functions;

/// <summary>
/// Two global minima of equal value 0, one flat and one sharp (the UvA notes, "Challenges of optimizing deep neural networks", "flat vs steep minima"):
/// L(θ) = f_a(θ)·f_b(θ), f_c(θ) = 1 − exp(−‖θ − c‖²/(2σ_c²)), with the flat minimum at a = −(d/2)e₁ (width σ_a)
/// and the sharp one at b = +(d/2)e₁ (width σ_b ≪ σ_a). Far from both, L → 1: a plateau around two holes.
/// </summary>
/// <remarks>
/// <para>With e_c = exp(−‖θ − c‖²/(2σ_c²)): ∇f_c = e_c(θ − c)/σ_c², ∇²f_c = (e_c/σ_c²)[I − (θ − c)(θ − c)ᵀ/σ_c²].
/// Gradient: ∇L = f_b∇f_a + f_a∇f_b. Hessian: ∇²L = f_b∇²f_a + f_a∇²f_b + ∇f_a∇f_bᵀ + ∇f_b∇f_aᵀ.</para>
/// <para>At a, f_a = 0 and ∇f_a = 0, so ∇L(a) = 0 and ∇²L(a) = f_b(a)·I/σ_a² exactly: trace n·f_b(a)/σ_a²;
/// likewise ∇²L(b) = f_a(b)·I/σ_b². Since f ≥ 0, both are global minima with L = 0, and the ratio of Hessian
/// traces is ≈ σ_a²/σ_b² (exactly (f_b(a)/f_a(b))·σ_a²/σ_b²). A perturbation of size δ costs ≈ δ²/(2σ²) at each.</para>
/// </remarks>
public sealed class FlatAndSharpMinima : Objective
{
    private readonly Vector<double> _a;
    private readonly Vector<double> _b;

    /// <summary>Creates the surface.</summary>
    /// <param name="flatWidth">σ_a &gt; 0: width of the flat minimum.</param>
    /// <param name="sharpWidth">σ_b &gt; 0: width of the sharp minimum.</param>
    /// <param name="separation">d &gt; 0: distance between the minima.</param>
    /// <param name="dimension">n ≥ 1.</param>
    public FlatAndSharpMinima(double flatWidth = 1.0, double sharpWidth = 0.15, double separation = 3.0, int dimension = 2)
        : base(dimension, $"FlatAndSharpMinima(σ = {flatWidth:G3} vs {sharpWidth:G3})")
    {
        FlatWidth = Guard.Positive(flatWidth, nameof(flatWidth));
        SharpWidth = Guard.Positive(sharpWidth, nameof(sharpWidth));
        Separation = Guard.Positive(separation, nameof(separation));
        _a = Vector<double>.Build.Dense(dimension);
        _b = Vector<double>.Build.Dense(dimension);
        _a[0] = -separation / 2;
        _b[0] = separation / 2;
    }

    /// <summary>σ_a: width of the flat minimum.</summary>
    public double FlatWidth { get; }

    /// <summary>σ_b: width of the sharp minimum.</summary>
    public double SharpWidth { get; }

    /// <summary>d: distance between the minima.</summary>
    public double Separation { get; }

    /// <summary>a = −(d/2)e₁, the flat minimizer.</summary>
    public Vector<double> FlatMinimizer => _a.Clone();

    /// <summary>b = +(d/2)e₁, the sharp minimizer.</summary>
    public Vector<double> SharpMinimizer => _b.Clone();

    /// <summary>tr ∇²L(a) = n·f_b(a)/σ_a² (closed form).</summary>
    public double FlatHessianTrace => Dimension * Well(Separation * Separation, SharpWidth) / (FlatWidth * FlatWidth);

    /// <summary>tr ∇²L(b) = n·f_a(b)/σ_b² (closed form).</summary>
    public double SharpHessianTrace => Dimension * Well(Separation * Separation, FlatWidth) / (SharpWidth * SharpWidth);

    /// <inheritdoc />
    public override Domain Domain
    {
        get
        {
            double half = Separation / 2 + Math.Max(3 * FlatWidth, 3 * SharpWidth);
            var lo = Enumerable.Repeat(-Math.Max(3 * FlatWidth, 1.0), Dimension).ToArray();
            var hi = Enumerable.Repeat(Math.Max(3 * FlatWidth, 1.0), Dimension).ToArray();
            lo[0] = -half;
            hi[0] = half;
            return Domain.UnboundedPlottedOver(lo, hi);
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<Vector<double>> KnownMinimizers => [_a.Clone(), _b.Clone()];

    /// <inheritdoc />
    public override IReadOnlyList<KnownCriticalPoint> KnownCriticalPoints =>
    [
        new KnownCriticalPoint(_a.Clone(), 0.0, 0, false, $"flat global minimum, tr H = {FlatHessianTrace:G4}"),
        new KnownCriticalPoint(_b.Clone(), 0.0, 0, false, $"sharp global minimum, tr H = {SharpHessianTrace:G4}"),
    ];

    /// <summary>f = 1 − exp(−r²/(2σ²)) for squared distance r², accurate near r = 0.</summary>
    private static double Well(double r2, double sigma) => -SpecialFunctions.Expm1(-r2 / (2 * sigma * sigma));

    private static (double F, double E, Vector<double> Diff) Part(Vector<double> theta, Vector<double> c, double sigma)
    {
        var diff = theta - c;
        double r2 = diff.DotProduct(diff);
        return (Well(r2, sigma), Math.Exp(-r2 / (2 * sigma * sigma)), diff);
    }

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta) =>
        Part(theta, _a, FlatWidth).F * Part(theta, _b, SharpWidth).F;

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta)
    {
        var (fa, ea, da) = Part(theta, _a, FlatWidth);
        var (fb, eb, db) = Part(theta, _b, SharpWidth);
        double sa2 = FlatWidth * FlatWidth, sb2 = SharpWidth * SharpWidth;
        return da * (fb * ea / sa2) + db * (fa * eb / sb2);
    }

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> theta)
    {
        var (fa, ea, da) = Part(theta, _a, FlatWidth);
        var (fb, eb, db) = Part(theta, _b, SharpWidth);
        double sa2 = FlatWidth * FlatWidth, sb2 = SharpWidth * SharpWidth;
        var ga = da * (ea / sa2);
        var gb = db * (eb / sb2);
        var h = ga.OuterProduct(gb);
        h = h + h.Transpose();
        h -= da.OuterProduct(da) * (fb * ea / (sa2 * sa2));
        h -= db.OuterProduct(db) * (fa * eb / (sb2 * sb2));
        double diag = fb * ea / sa2 + fa * eb / sb2;
        for (int i = 0; i < Dimension; i++)
        {
            h[i, i] += diag;
        }

        return h;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: f_a·f_b, two global minima L = 0 at ±{Separation / 2:G3}e₁; Hessian trace {FlatHessianTrace:G4} (flat) vs {SharpHessianTrace:G4} (sharp)";
}
