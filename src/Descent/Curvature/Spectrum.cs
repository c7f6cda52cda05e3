using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Curvature;

/// <summary>
/// The eigen-decomposition H = QΛQᵀ of a symmetric matrix (usually a Hessian), eigenvalues ascending,
/// with the numbers the course reads from it: extremes, trace, condition number, definiteness.
/// </summary>
/// <remarks>
/// <para>Computed with MathNet's symmetric eigensolver (Evd). Column i of <see cref="Eigenvectors"/> is the
/// unit eigenvector vᵢ for <c>Eigenvalues[i]</c>.</para>
/// <para>Condition number: κ = λmax/λmin when H is positive definite; otherwise |λ|max/|λ|min is reported
/// and <see cref="IsPositiveDefinite"/> / <see cref="IsIndefinite"/> say why it is not the usual κ.
/// A zero eigenvalue gives κ = +∞.</para>
/// <para>MathNet's Evd with eigenvectors costs minutes for n ≈ 2,000; when only eigenvalues are needed use
/// <see cref="SymmetricEigenvalues"/>, and for the extremes of large operators <see cref="Lanczos"/>.</para>
/// </remarks>
public sealed class Spectrum
{
    /// <summary>Default relative tolerance for "zero" eigenvalues: |λ| ≤ 1e-10 · max(1, |λ|max).
    /// Well above the eigensolver's backward error (~n·u·‖H‖) and well below any curvature the course shows.</summary>
    public const double DefaultRelativeTolerance = 1e-10;

    private readonly double[] _eigenvalues;
    private readonly Matrix<double> _eigenvectors;

    private Spectrum(double[] eigenvalues, Matrix<double> eigenvectors, double tolerance)
    {
        _eigenvalues = eigenvalues;
        _eigenvectors = eigenvectors;
        Tolerance = tolerance;
    }

    /// <summary>The eigen-decomposition of a symmetric matrix.</summary>
    /// <param name="symmetric">A square matrix with finite entries, symmetric to relative 1e-10 (it is symmetrized before use).</param>
    /// <param name="tolerance">Absolute tolerance below which |λ| counts as zero; by default
    /// <see cref="DefaultRelativeTolerance"/> · max(1, |λ|max).</param>
    public static Spectrum Of(Matrix<double> symmetric, double? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(symmetric);
        if (symmetric.RowCount != symmetric.ColumnCount || symmetric.RowCount == 0)
        {
            throw new ArgumentException(
                $"symmetric must be a non-empty square matrix, but it is {symmetric.RowCount}×{symmetric.ColumnCount}.", nameof(symmetric));
        }

        foreach (double x in symmetric.Enumerate())
        {
            if (!double.IsFinite(x))
            {
                throw new ArgumentException("symmetric must have finite entries (a NaN or ∞ Hessian cannot be analysed).", nameof(symmetric));
            }
        }

        double scale = Math.Max(1.0, symmetric.InfinityNorm());
        if ((symmetric - symmetric.Transpose()).InfinityNorm() > 1e-10 * scale)
        {
            throw new ArgumentException("symmetric must be symmetric (H = Hᵀ to relative 1e-10).", nameof(symmetric));
        }

        if (tolerance is { } t && (!(t >= 0) || !double.IsFinite(t)))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), t, "tolerance must be a finite number ≥ 0.");
        }

        var h = (symmetric + symmetric.Transpose()) * 0.5;
        var evd = h.Evd(Symmetricity.Symmetric);
        int n = h.RowCount;
        var values = evd.EigenValues.Select(z => z.Real).ToArray();
        var order = Enumerable.Range(0, n).OrderBy(i => values[i]).ToArray();
        var sorted = order.Select(i => values[i]).ToArray();
        var q = Matrix<double>.Build.Dense(n, n);
        for (int j = 0; j < n; j++)
        {
            q.SetColumn(j, evd.EigenVectors.Column(order[j]));
        }

        double maxAbs = sorted.Max(Math.Abs);
        return new Spectrum(sorted, q, tolerance ?? DefaultRelativeTolerance * Math.Max(1.0, maxAbs));
    }

    /// <summary>The spectrum of the exact Hessian ∇²L(θ) of an objective.</summary>
    /// <exception cref="NotSupportedException">The objective has no exact Hessian (<see cref="Objective.HasExactHessian"/> is false);
    /// use <see cref="FiniteDifference.Hessian"/> explicitly if an approximation is acceptable.</exception>
    public static Spectrum At(Objective objective, Vector<double> theta, double? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (!objective.HasExactHessian)
        {
            throw new NotSupportedException(
                $"{objective.Name} has no exact Hessian; pass FiniteDifference.Hessian(objective, theta) to Spectrum.Of if an approximation is acceptable.");
        }

        return Of(objective.Hessian(theta), tolerance);
    }

    /// <summary>Dimension n.</summary>
    public int Dimension => _eigenvalues.Length;

    /// <summary>Eigenvalues λ₁ ≤ … ≤ λₙ (a copy).</summary>
    public double[] Eigenvalues => (double[])_eigenvalues.Clone();

    /// <summary>Q = [v₁ … vₙ], orthonormal eigenvectors as columns, in the order of <see cref="Eigenvalues"/> (a copy).</summary>
    public Matrix<double> Eigenvectors => _eigenvectors.Clone();

    /// <summary>Unit eigenvector vᵢ of λᵢ (0-based, ascending order).</summary>
    public Vector<double> Eigenvector(int index)
    {
        if (index < 0 || index >= Dimension)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {Dimension - 1}].");
        }

        return _eigenvectors.Column(index);
    }

    /// <summary>Absolute tolerance under which |λ| counts as zero.</summary>
    public double Tolerance { get; }

    /// <summary>λmin = λ₁.</summary>
    public double Min => _eigenvalues[0];

    /// <summary>λmax = λₙ.</summary>
    public double Max => _eigenvalues[^1];

    /// <summary>tr H = Σλᵢ.</summary>
    public double Trace => _eigenvalues.Sum();

    /// <summary>det H = Πλᵢ.</summary>
    public double Determinant => _eigenvalues.Aggregate(1.0, (p, l) => p * l);

    /// <summary>Spectral norm ‖H‖₂ = maxᵢ|λᵢ|.</summary>
    public double SpectralNorm => Math.Max(Math.Abs(Min), Math.Abs(Max));

    /// <summary>Number of eigenvalues λᵢ &lt; −tolerance (the index of a critical point).</summary>
    public int NegativeCount => _eigenvalues.Count(l => l < -Tolerance);

    /// <summary>Number of eigenvalues λᵢ &gt; tolerance.</summary>
    public int PositiveCount => _eigenvalues.Count(l => l > Tolerance);

    /// <summary>Number of eigenvalues with |λᵢ| ≤ tolerance.</summary>
    public int ZeroCount => Dimension - NegativeCount - PositiveCount;

    /// <summary>All λᵢ &gt; tolerance.</summary>
    public bool IsPositiveDefinite => PositiveCount == Dimension;

    /// <summary>All λᵢ &lt; −tolerance.</summary>
    public bool IsNegativeDefinite => NegativeCount == Dimension;

    /// <summary>Some λᵢ &gt; tolerance and some λⱼ &lt; −tolerance.</summary>
    public bool IsIndefinite => PositiveCount > 0 && NegativeCount > 0;

    /// <summary>Some |λᵢ| ≤ tolerance (H is singular to within the tolerance).</summary>
    public bool IsSingular => ZeroCount > 0;

    /// <summary>κ = |λ|max / |λ|min: the usual λmax/λmin when positive definite; +∞ when some λ is zero
    /// (to within the tolerance). Read it together with <see cref="IsPositiveDefinite"/> and <see cref="IsIndefinite"/>.</summary>
    public double ConditionNumber
    {
        get
        {
            double minAbs = _eigenvalues.Min(Math.Abs);
            return minAbs <= Tolerance ? double.PositiveInfinity : SpectralNorm / minAbs;
        }
    }

    /// <summary>The curvature dᵀHd/‖d‖² along d and its decomposition Σλᵢcos²∠(vᵢ, d) (Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions").</summary>
    public DirectionalCurvature Along(Vector<double> direction) => DirectionalCurvature.Of(this, direction);

    /// <summary>Reassembles Q Λ Qᵀ (for checks).</summary>
    public Matrix<double> Reconstruct() =>
        _eigenvectors * Matrix<double>.Build.DenseOfDiagonalArray(_eigenvalues) * _eigenvectors.Transpose();

    /// <summary>Q f(Λ) Qᵀ for a scalar function f applied to each eigenvalue (e.g. |λ| for saddle-free Newton, e^{−λt} for flows).</summary>
    public Matrix<double> Apply(Func<double, double> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var d = _eigenvalues.Select(f).ToArray();
        return _eigenvectors * Matrix<double>.Build.DenseOfDiagonalArray(d) * _eigenvectors.Transpose();
    }

    /// <summary>A one-word description of definiteness.</summary>
    public string Definiteness =>
        IsPositiveDefinite ? "positive definite"
        : IsNegativeDefinite ? "negative definite"
        : IsIndefinite ? (IsSingular ? "indefinite, singular" : "indefinite")
        : NegativeCount == 0 && PositiveCount == 0 ? "zero"
        : NegativeCount == 0 ? "positive semidefinite, singular" : "negative semidefinite, singular";

    /// <inheritdoc />
    public override string ToString()
    {
        string values = Dimension <= 6
            ? string.Join(", ", _eigenvalues.Select(l => l.ToString("G4")))
            : $"{Min:G4}, {_eigenvalues[1]:G4}, …, {_eigenvalues[^2]:G4}, {Max:G4}";
        string kappa = IsPositiveDefinite ? $"κ = λmax/λmin = {ConditionNumber:G4}" : $"|λ|max/|λ|min = {ConditionNumber:G4}";
        return $"Spectrum(n = {Dimension}): λ = [{values}], {Definiteness}, {kappa}, tr = {Trace:G4}";
    }
}
