using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// The monkey saddle L(x, y) = x³ − 3xy² = Re (x + iy)³: three descending valleys (for a monkey's
/// two legs and its tail) meet three ridges at the origin.
/// </summary>
/// <remarks>
/// Gradient (3x² − 3y², −6xy); Hessian [[6x, −6y], [−6y, −6x]] (trace 0, eigenvalues ±6‖θ‖).
/// The only critical point is the origin, where the Hessian is the zero matrix: a degenerate saddle
/// that no second-order test can classify (every direction has zero curvature there, yet L takes both
/// signs in every neighbourhood: along the angle φ, L = r³ cos 3φ). Unbounded below; no minimizer.
/// </remarks>
public sealed class MonkeySaddle : Objective
{
    /// <summary>Creates x³ − 3xy².</summary>
    public MonkeySaddle() : base(2, "x³ − 3xy²") { }

    /// <inheritdoc />
    public override Domain Domain => Domain.Unbounded(2, 1.5);

    /// <inheritdoc />
    public override IReadOnlyList<KnownCriticalPoint> KnownCriticalPoints =>
        [new KnownCriticalPoint(Vector<double>.Build.Dense(2), 0.0, 0, true, "monkey saddle: Hessian = 0, three descending valleys")];

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta)
    {
        double x = theta[0], y = theta[1];
        return x * x * x - 3 * x * y * y;
    }

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta)
    {
        double x = theta[0], y = theta[1];
        return Vector<double>.Build.DenseOfArray([3 * x * x - 3 * y * y, -6 * x * y]);
    }

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> theta)
    {
        double x = theta[0], y = theta[1];
        return Matrix<double>.Build.DenseOfArray(new[,] { { 6 * x, -6 * y }, { -6 * y, -6 * x } });
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name}: monkey saddle, degenerate critical point at 0 (Hessian = 0), unbounded below";
}
