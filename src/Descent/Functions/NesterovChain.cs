using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// Nesterov's worst function in the world (Nesterov 2004, Introductory Lectures on Convex Optimization, §2.1.2):
/// f(x) = (M/4)·[½(x₁² + Σᵢ₌₁ⁿ⁻¹(xᵢ − xᵢ₊₁)² + xₙ²) − x₁] = (M/4)(½xᵀAx − x₁), A = tridiag(−1, 2, −1).
/// </summary>
/// <remarks>
/// <para>Gradient (M/4)(Ax − e₁), Hessian (M/4)A with eigenvalues M·sin²(jπ/(2(n+1))), j = 1 … n, all in (0, M): f is convex
/// with an M-Lipschitz gradient. Minimizer x*ᵢ = 1 − i/(n+1), f* = (M/8)(−1 + 1/(n+1)), ‖x*‖² = n(2n+1)/(6(n+1)).</para>
/// <para>The chain: the gradient at a point supported on e₁ … e_k is supported on e₁ … e_{k+1}, so any method whose iterates lie
/// in x₀ + span{∇f(x₀), …, ∇f(x_{k−1})} (GD, momentum, Nesterov, conjugate gradients) started at 0 has x_k ∈ span{e₁ … e_k}
/// and f(x_k) ≥ min over that span = (M/8)(−1 + 1/(k+1)) (<see cref="KrylovMinimum"/>). With n = 2k + 1 this gives
/// f(x_k) − f* ≥ 3M‖x₀ − x*‖²/(32(k+1)²) (Nesterov's Theorem 2.1.7).</para>
/// </remarks>
public sealed class NesterovChain : Objective, ILipschitzGradient
{
    /// <summary>Creates the chain.</summary>
    /// <param name="dimension">n ≥ 2.</param>
    /// <param name="smoothness">M &gt; 0, the constant in the construction (an upper bound on the Hessian's norm).</param>
    public NesterovChain(int dimension = 11, double smoothness = 1.0)
        : base(CheckDimension(dimension), $"NesterovChain(n = {dimension}, M = {smoothness:G3})")
    {
        Smoothness = Guard.Positive(smoothness, nameof(smoothness));
    }

    /// <summary>M, the construction's smoothness constant (bounds use it; the exact λmax is slightly smaller).</summary>
    public double Smoothness { get; }

    /// <summary>λmax((M/4)A) = M·cos²(π/(2(n+1))) &lt; M: the smallest valid Lipschitz constant of ∇f.</summary>
    public double GradientLipschitzConstant => Smoothness * Math.Pow(Math.Cos(Math.PI / (2.0 * (Dimension + 1))), 2);

    /// <summary>λmin = M·sin²(π/(2(n+1))): the condition number grows like (2(n+1)/π)².</summary>
    public double SmallestEigenvalue => Smoothness * Math.Pow(Math.Sin(Math.PI / (2.0 * (Dimension + 1))), 2);

    /// <summary>x*, x*ᵢ = 1 − i/(n+1).</summary>
    public Vector<double> Minimizer => Vector<double>.Build.Dense(Dimension, i => 1 - (i + 1.0) / (Dimension + 1));

    /// <summary>f* = (M/8)(−1 + 1/(n+1)).</summary>
    public double MinimumValue => KrylovMinimum(Dimension);

    /// <summary>‖x* − 0‖² = n(2n+1)/(6(n+1)): the squared distance from the usual start 0.</summary>
    public double SquaredDistanceFromOrigin => Dimension * (2.0 * Dimension + 1) / (6.0 * (Dimension + 1));

    /// <summary>min f over span{e₁ … e_k} = (M/8)(−1 + 1/(k+1)) for 0 ≤ k ≤ n (f* for k ≥ n): the best value any
    /// Krylov (first-order) method started at 0 can have after k gradient evaluations.</summary>
    public double KrylovMinimum(int k)
    {
        if (k < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "k must be ≥ 0.");
        }

        k = Math.Min(k, Dimension);
        return Smoothness / 8 * (-1 + 1.0 / (k + 1));
    }

    /// <summary>The lower bound f(x_k) − f* ≥ (M/8)(1/(k+1) − 1/(n+1)) on this chain (0 for k ≥ n).</summary>
    public double KrylovGap(int k) => KrylovMinimum(k) - MinimumValue;

    /// <inheritdoc />
    public override Domain Domain => Domain.UnboundedPlottedOver(
        Enumerable.Repeat(-0.5, Dimension).ToArray(), Enumerable.Repeat(1.5, Dimension).ToArray());

    /// <inheritdoc />
    public override IReadOnlyList<Vector<double>> KnownMinimizers => [Minimizer];

    /// <inheritdoc />
    public override IReadOnlyList<KnownCriticalPoint> KnownCriticalPoints =>
        [new(Minimizer, MinimumValue, 0, false, "global minimum (f is strictly convex)")];

    private static int CheckDimension(int dimension) =>
        dimension >= 2 ? dimension : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "dimension must be ≥ 2.");

    private Vector<double> TimesA(Vector<double> x)
    {
        int n = Dimension;
        var r = Vector<double>.Build.Dense(n);
        for (int i = 0; i < n; i++)
        {
            r[i] = 2 * x[i] - (i > 0 ? x[i - 1] : 0) - (i < n - 1 ? x[i + 1] : 0);
        }

        return r;
    }

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta)
    {
        int n = Dimension;
        double s = theta[0] * theta[0] + theta[n - 1] * theta[n - 1];
        for (int i = 0; i < n - 1; i++)
        {
            s += (theta[i] - theta[i + 1]) * (theta[i] - theta[i + 1]);
        }

        return Smoothness / 4 * (0.5 * s - theta[0]);
    }

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta)
    {
        var g = TimesA(theta);
        g[0] -= 1;
        return g * (Smoothness / 4);
    }

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> theta)
    {
        int n = Dimension;
        var h = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
        {
            h[i, i] = Smoothness / 2;
            if (i > 0)
            {
                h[i, i - 1] = -Smoothness / 4;
            }

            if (i < n - 1)
            {
                h[i, i + 1] = -Smoothness / 4;
            }
        }
        return h;
    }

    /// <inheritdoc />
    protected override Vector<double> HessianVectorProductCore(Vector<double> theta, Vector<double> v) => TimesA(v) * (Smoothness / 4);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: convex, f* = {MinimumValue:G6} at x*ᵢ = 1 − i/{Dimension + 1}, λ ∈ [{SmallestEigenvalue:G3}, {GradientLipschitzConstant:G4}] (κ = {GradientLipschitzConstant / SmallestEigenvalue:G4})";
}
