using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// A basin surrounded by a plateau, made by flattening a quadratic with tanh:
/// L(θ) = h·tanh(q), q = ‖θ‖²/r². Near the origin L ≈ h‖θ‖²/r² (a bowl of curvature 2h/r²); beyond a few r,
/// L ≈ h and the gradient is exponentially small, so gradient descent started there barely moves.
/// </summary>
/// <remarks>
/// <para>Gradient: ∇L = h·sech²(q)·∇q with ∇q = 2θ/r², so ‖∇L‖ = (2hρ/r²)·sech²(ρ²/r²) at distance ρ = ‖θ‖,
/// which is at most (8hρ/r²)·e^(−2ρ²/r²): below 1e-6·h/r already at ρ = 3r.</para>
/// <para>Hessian: ∇²L = h·sech²(q)·[2I/r² − 2·tanh(q)·∇q∇qᵀ]. Positive definite for ρ²/r² small, the radial
/// curvature turns negative where 4q·tanh(q) &gt; 1 (the rim), and both curvatures vanish on the plateau.</para>
/// <para>Unique minimizer 0 with L = 0; no other critical point (∇L = 0 only at θ = 0), yet a
/// tolerance-based stop rule ‖g‖ &lt; tol "converges" anywhere on the plateau.</para>
/// </remarks>
public sealed class Plateau : Objective, ILipschitzGradient
{
    /// <summary>Creates the plateau surface.</summary>
    /// <param name="dimension">n ≥ 1.</param>
    /// <param name="height">h &gt; 0: the plateau's height above the minimum.</param>
    /// <param name="radius">r &gt; 0: radius of the basin.</param>
    public Plateau(int dimension = 2, double height = 1.0, double radius = 1.0)
        : base(dimension, $"Plateau({dimension})")
    {
        Height = Guard.Positive(height, nameof(height));
        Radius = Guard.Positive(radius, nameof(radius));
    }

    /// <summary>h: plateau height.</summary>
    public double Height { get; }

    /// <summary>r: basin radius.</summary>
    public double Radius { get; }

    /// <summary>‖∇L‖ at distance ρ ≥ 0 from the minimum: (2hρ/r²)·sech²(ρ²/r²) (the surface is radially symmetric).</summary>
    public double GradientNormAt(double distance)
    {
        if (!(distance >= 0) || !double.IsFinite(distance))
        {
            throw new ArgumentOutOfRangeException(nameof(distance), distance, "distance must be a finite number ≥ 0.");
        }

        var (_, sech2) = TanhSech2(distance * distance / (Radius * Radius));
        return 2 * Height * distance / (Radius * Radius) * sech2;
    }

    /// <summary>M = 2h/r², the curvature at the minimum. The Hessian's eigenvalues are (2h/r²)·sech²(q) (tangential,
    /// ≤ 2h/r²) and (2h/r²)·sech²(q)(1 − 4q·tanh q) (radial), whose factor lies in [−0.92, 1] for q ≥ 0
    /// (its minimum ≈ −0.916 near q ≈ 1.18, found on a fine grid and re-checked by the tests).</summary>
    public double GradientLipschitzConstant => 2 * Height / (Radius * Radius);

    /// <inheritdoc />
    public override Domain Domain => Domain.Unbounded(Dimension, 3 * Radius);

    /// <inheritdoc />
    public override IReadOnlyList<Vector<double>> KnownMinimizers => [Vector<double>.Build.Dense(Dimension)];

    /// <inheritdoc />
    public override IReadOnlyList<KnownCriticalPoint> KnownCriticalPoints =>
        [new KnownCriticalPoint(Vector<double>.Build.Dense(Dimension), 0.0, 0, false, "global minimum (the only critical point)")];

    /// <summary>tanh(q) and sech²(q) for q ≥ 0, from e = exp(−2q) so that sech² keeps full relative precision on the plateau.</summary>
    private static (double Tanh, double Sech2) TanhSech2(double q)
    {
        double e = Math.Exp(-2 * q);
        return ((1 - e) / (1 + e), 4 * e / ((1 + e) * (1 + e)));
    }

    private double Q(Vector<double> theta) => theta.DotProduct(theta) / (Radius * Radius);

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta) => Height * Math.Tanh(Q(theta));

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta)
    {
        var (_, sech2) = TanhSech2(Q(theta));
        return theta * (Height * sech2 * 2 / (Radius * Radius));
    }

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> theta)
    {
        var (tanh, sech2) = TanhSech2(Q(theta));
        double r2 = Radius * Radius;
        var gq = theta * (2 / r2);
        var h = gq.OuterProduct(gq) * (-2 * tanh);
        for (int i = 0; i < Dimension; i++)
        {
            h[i, i] += 2 / r2;
        }

        return h * (Height * sech2);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: h·tanh(‖θ‖²/r²), h = {Height:G4}, r = {Radius:G4}; minimum 0 at the origin, plateau L → h with ‖∇L‖ = {GradientNormAt(3 * Radius):G2} at 3r";
}
