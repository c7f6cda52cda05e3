using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// The quadratic L(θ) = ½ θᵀAθ − bᵀθ + c with symmetric A (positive definite, indefinite or
/// singular): gradient Aθ − b, Hessian A everywhere. The model problem of ill-conditioning.
/// </summary>
public sealed class Quadratic : Objective
{
    private readonly Matrix<double> _a;
    private readonly Vector<double> _b;

    /// <summary>Creates ½θᵀAθ − bᵀθ + c.</summary>
    /// <param name="a">Symmetric n×n matrix (checked to relative 1e-12).</param>
    /// <param name="b">Linear term of length n; zero when omitted.</param>
    /// <param name="c">Constant offset.</param>
    /// <param name="name">Display name.</param>
    public Quadratic(Matrix<double> a, Vector<double>? b = null, double c = 0.0, string? name = null)
        : base(CheckSquare(a), name ?? $"Quadratic({a.RowCount})")
    {
        double scale = Math.Max(1.0, a.InfinityNorm());
        if ((a - a.Transpose()).InfinityNorm() > 1e-12 * scale)
        {
            throw new ArgumentException("a must be symmetric (A = Aᵀ to relative 1e-12).", nameof(a));
        }

        if (a.Enumerate().Any(x => !double.IsFinite(x)))
        {
            throw new ArgumentException("a must have finite entries.", nameof(a));
        }

        _a = (a + a.Transpose()) * 0.5;
        _b = b?.Clone() ?? Vector<double>.Build.Dense(a.RowCount);
        if (_b.Count != a.RowCount)
        {
            throw new ArgumentException($"b has length {_b.Count}, but a is {a.RowCount}×{a.RowCount}.", nameof(b));
        }

        if (!double.IsFinite(c))
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "c must be finite.");
        }

        C = c;
        Eigen = _a.Evd(Symmetricity.Symmetric);
    }

    /// <summary>The symmetric matrix A (a copy).</summary>
    public Matrix<double> A => _a.Clone();

    /// <summary>The linear term b (a copy).</summary>
    public Vector<double> B => _b.Clone();

    /// <summary>The constant c.</summary>
    public double C { get; }

    /// <summary>Eigen-decomposition A = QΛQᵀ (eigenvalues ascending).</summary>
    public MathNet.Numerics.LinearAlgebra.Factorization.Evd<double> Eigen { get; }

    /// <summary>Eigenvalues of A in ascending order.</summary>
    public double[] Eigenvalues => Eigen.EigenValues.Select(z => z.Real).ToArray();

    /// <summary>Condition number κ = λmax/λmin when A is positive definite, +∞ otherwise.</summary>
    public double ConditionNumber
    {
        get
        {
            var ev = Eigenvalues;
            return ev[0] > 0 ? ev[^1] / ev[0] : double.PositiveInfinity;
        }
    }

    /// <summary>The unique minimizer θ* = A⁻¹b when A is positive definite.</summary>
    public Vector<double>? Minimizer => Eigenvalues[0] > 0 ? _a.Solve(_b) : null;

    /// <inheritdoc />
    public override IReadOnlyList<Vector<double>> KnownMinimizers => Minimizer is { } m ? [m] : [];

    /// <summary>The d2l example f(x) = 0.1x₁² + 2x₂² (A = diag(0.2, 4), κ = 20).</summary>
    public static Quadratic D2l() => new(
        Matrix<double>.Build.DenseOfDiagonalArray([0.2, 4.0]), name: "0.1x₁² + 2x₂²");

    /// <summary>A = Q diag(λ) Qᵀ with Q a rotation by <paramref name="angle"/> radians (2-D).</summary>
    public static Quadratic FromEigenvalues2D(double lambda1, double lambda2, double angle, Vector<double>? minimizer = null)
    {
        if (!double.IsFinite(angle))
        {
            throw new ArgumentOutOfRangeException(nameof(angle), angle, "angle must be finite.");
        }

        var q = Matrix<double>.Build.DenseOfArray(new[,] { { Math.Cos(angle), -Math.Sin(angle) }, { Math.Sin(angle), Math.Cos(angle) } });
        return FromEigenvalues([lambda1, lambda2], q, minimizer);
    }

    /// <summary>A = Q diag(λ) Qᵀ with Q a random orthogonal matrix drawn from <paramref name="seed"/>
    /// (QR of a Gaussian matrix with signs fixed, i.e. Haar-distributed).</summary>
    public static Quadratic FromEigenvalues(double[] eigenvalues, int seed, Vector<double>? minimizer = null)
    {
        ArgumentNullException.ThrowIfNull(eigenvalues);
        return FromEigenvalues(eigenvalues, RandomOrthogonal(eigenvalues.Length, seed), minimizer);
    }

    /// <summary>A = Q diag(λ) Qᵀ for a given orthogonal Q; b chosen so that the critical point is
    /// <paramref name="minimizer"/> (the origin when omitted).</summary>
    public static Quadratic FromEigenvalues(double[] eigenvalues, Matrix<double> q, Vector<double>? minimizer = null)
    {
        ArgumentNullException.ThrowIfNull(eigenvalues);
        ArgumentNullException.ThrowIfNull(q);
        if (eigenvalues.Length == 0)
        {
            throw new ArgumentException("eigenvalues must not be empty.", nameof(eigenvalues));
        }

        if (eigenvalues.Any(l => !double.IsFinite(l)))
        {
            throw new ArgumentException("eigenvalues must be finite.", nameof(eigenvalues));
        }

        int n = eigenvalues.Length;
        if (q.RowCount != n || q.ColumnCount != n)
        {
            throw new ArgumentException($"q must be {n}×{n} to match {n} eigenvalues.", nameof(q));
        }

        if ((q.TransposeThisAndMultiply(q) - Matrix<double>.Build.DenseIdentity(n)).InfinityNorm() > 1e-10)
        {
            throw new ArgumentException("q must be orthogonal (QᵀQ = I to 1e-10).", nameof(q));
        }

        var a = q * Matrix<double>.Build.DenseOfDiagonalArray(eigenvalues) * q.Transpose();
        a = (a + a.Transpose()) * 0.5;
        var b = minimizer is null ? null : a * minimizer;
        string name = n == 2
            ? $"Quadratic(λ = {eigenvalues[0]:G3}, {eigenvalues[1]:G3})"
            : $"Quadratic({n}, λ ∈ [{eigenvalues.Min():G3}, {eigenvalues.Max():G3}])";
        return new Quadratic(a, b, 0.0, name);
    }

    /// <summary>A Haar-random n×n orthogonal matrix from a seed.</summary>
    public static Matrix<double> RandomOrthogonal(int n, int seed)
    {
        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "n must be at least 1.");
        }

        var rng = new Random(seed);
        var g = Matrix<double>.Build.Dense(n, n, (_, _) => Gaussian(rng));
        var qr = g.QR();
        var q = qr.Q.Clone();
        for (int j = 0; j < n; j++)
        {
            if (qr.R[j, j] < 0)
            {
                q.SetColumn(j, -q.Column(j));
            }
        }

        return q;
    }

    private static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble();
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static int CheckSquare(Matrix<double> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.RowCount != a.ColumnCount)
        {
            throw new ArgumentException($"a must be square, but it is {a.RowCount}×{a.ColumnCount}.", nameof(a));
        }

        return a.RowCount;
    }

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta) => 0.5 * theta.DotProduct(_a * theta) - _b.DotProduct(theta) + C;

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta) => _a * theta - _b;

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> theta) => _a.Clone();

    /// <inheritdoc />
    protected override Vector<double> HessianVectorProductCore(Vector<double> theta, Vector<double> v) => _a * v;

    /// <inheritdoc />
    public override string ToString()
    {
        var ev = Eigenvalues;
        return $"{Name}: ½θᵀAθ − bᵀθ, n = {Dimension}, λ ∈ [{ev[0]:G4}, {ev[^1]:G4}], κ = {ConditionNumber:G4}";
    }
}
