using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// An n-dimensional saddle of index k, optionally confined by a quartic along its escape directions:
/// L(θ) = ½ Σᵢ₌₁ⁿ⁻ᵏ λᵢθᵢ² + Σᵢ₌ₙ₋ₖ₊₁ⁿ ( −½ λᵢθᵢ² + (γ/4) θᵢ⁴ ), with λᵢ &gt; 0 and γ ≥ 0.
/// The first n − k coordinates are stable, the last k are escape directions.
/// </summary>
/// <remarks>
/// <para>Gradient: ∂L/∂θᵢ = λᵢθᵢ (stable i), −λᵢθᵢ + γθᵢ³ (escape i). Hessian: diagonal, λᵢ (stable),
/// −λᵢ + 3γθᵢ² (escape). At θ = 0 its eigenvalues are +λᵢ (n − k of them) and −λᵢ (k): a saddle of index k,
/// the picture Dauphin et al. (2014) and Baity-Jesi et al. use for high-dimensional loss surfaces.</para>
/// <para>Why the quartic (γ &gt; 0, the default): without it L is unbounded below along the escape
/// directions, so gradient descent that correctly flees the saddle diverges, and a training loop reports
/// divergence instead of the interesting thing. With it each escape coordinate sits in a double well
/// −½λθ² + (γ/4)θ⁴ with minima ±√(λ/γ) of depth −λ²/(4γ), so every optimizer that escapes lands in a minimum.
/// The confinement also makes the "coin-flip" picture exact: the critical points are the 3ᵏ points whose escape
/// coordinates are each 0 or ±√(λᵢ/γ) (stable ones 0); one with m escape coordinates at 0 has index m
/// and value −Σ_{nonzero i} λᵢ²/(4γ), so the higher a critical point's index, the higher its loss.
/// With γ = 0 only the saddle θ = 0 remains.</para>
/// <para>Minima (γ &gt; 0): the 2ᵏ sign patterns θᵢ = ±√(λᵢ/γ) on the escape coordinates, all with value
/// −Σ_{escape} λᵢ²/(4γ), all global.</para>
/// </remarks>
public sealed class IndexSaddle : Objective
{
    /// <summary>Largest k for which <see cref="KnownMinimizers"/> and <see cref="KnownCriticalPoints"/> enumerate
    /// every point (2ᵏ minima, 3ᵏ critical points).</summary>
    public const int MaxEnumeratedIndex = 8;

    private readonly double[] _lambda;

    /// <summary>Creates the saddle.</summary>
    /// <param name="dimension">n ≥ 1.</param>
    /// <param name="index">k ∈ [0, n]: number of escape (negative-curvature) directions at the origin.</param>
    /// <param name="curvatures">|λᵢ| &gt; 0 for each coordinate (length n); all 1 when omitted.</param>
    /// <param name="confinement">γ ≥ 0: quartic confinement of the escape directions (0 = pure quadratic saddle).</param>
    public IndexSaddle(int dimension = 10, int index = 3, double[]? curvatures = null, double confinement = 1.0)
        : base(dimension, $"IndexSaddle(n = {dimension}, k = {index})")
    {
        if (index < 0 || index > dimension)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {dimension}] (the dimension).");
        }

        if (curvatures is not null)
        {
            if (curvatures.Length != dimension)
            {
                throw new ArgumentException($"curvatures has length {curvatures.Length}, but must have length {dimension} (the dimension).", nameof(curvatures));
            }

            if (curvatures.Any(l => !(l > 0) || !double.IsFinite(l)))
            {
                throw new ArgumentException("every curvature must be a finite number > 0 (the sign is set by index).", nameof(curvatures));
            }
        }
        Index = index;
        _lambda = curvatures is null ? Enumerable.Repeat(1.0, dimension).ToArray() : (double[])curvatures.Clone();
        Confinement = Guard.NonNegative(confinement, nameof(confinement));
    }

    /// <summary>k: number of escape directions (the last k coordinates).</summary>
    public int Index { get; }

    /// <summary>γ: quartic confinement of the escape directions.</summary>
    public double Confinement { get; }

    /// <summary>|λᵢ| (a copy).</summary>
    public double[] Curvatures => (double[])_lambda.Clone();

    /// <summary>Hessian eigenvalues at the saddle θ = 0: +λᵢ for stable, −λᵢ for escape coordinates (in coordinate order).</summary>
    public double[] SaddleEigenvalues => _lambda.Select((l, i) => IsEscape(i) ? -l : l).ToArray();

    /// <summary>The global minimum value −Σ_{escape} λᵢ²/(4γ) (0 when k = 0; −∞ when γ = 0 and k &gt; 0).</summary>
    public double MinimumValue => Index == 0 ? 0.0
        : Confinement == 0 ? double.NegativeInfinity
        : -EscapeIndices().Sum(i => _lambda[i] * _lambda[i]) / (4 * Confinement);

    /// <inheritdoc />
    public override Domain Domain
    {
        get
        {
            double w = 1.5;
            if (Confinement > 0 && Index > 0)
            {
                w = Math.Max(w, 1.5 * EscapeIndices().Max(i => Math.Sqrt(_lambda[i] / Confinement)));
            }

            return Domain.Unbounded(Dimension, w);
        }
    }

    /// <summary>The critical point whose escape coordinates have the given signs (−1, 0 or +1 each, length k):
    /// θᵢ = sᵢ√(λᵢ/γ) on escape coordinates, 0 elsewhere.</summary>
    public KnownCriticalPoint CriticalPoint(IReadOnlyList<int> signs)
    {
        ArgumentNullException.ThrowIfNull(signs);
        if (signs.Count != Index)
        {
            throw new ArgumentException($"signs has length {signs.Count}, but must have length {Index} (the index k).", nameof(signs));
        }

        if (signs.Any(s => s is < -1 or > 1))
        {
            throw new ArgumentException("every sign must be −1, 0 or +1.", nameof(signs));
        }

        if (Confinement == 0 && signs.Any(s => s != 0))
        {
            throw new ArgumentException("with confinement γ = 0 the only critical point is the origin (all signs 0).", nameof(signs));
        }

        var theta = Vector<double>.Build.Dense(Dimension);
        int first = Dimension - Index, zeros = 0;
        double value = 0;
        for (int j = 0; j < Index; j++)
        {
            int i = first + j;
            if (signs[j] == 0) { zeros++; continue; }
            theta[i] = signs[j] * Math.Sqrt(_lambda[i] / Confinement);
            value -= _lambda[i] * _lambda[i] / (4 * Confinement);
        }
        string what = zeros == 0 ? "global minimum" : zeros == Dimension ? "local maximum" : $"saddle of index {zeros}";
        return new KnownCriticalPoint(theta, value, zeros, false, what);
    }

    /// <inheritdoc />
    /// <remarks>All 2ᵏ minima when γ &gt; 0 and k ≤ <see cref="MaxEnumeratedIndex"/>; the origin when k = 0; empty otherwise.</remarks>
    public override IReadOnlyList<Vector<double>> KnownMinimizers =>
        Index == 0 ? [Vector<double>.Build.Dense(Dimension)]
        : Confinement == 0 || Index > MaxEnumeratedIndex ? []
        : SignPatterns([-1, 1]).Select(s => CriticalPoint(s).Theta).ToList();

    /// <inheritdoc />
    /// <remarks>All 3ᵏ critical points when γ &gt; 0 and k ≤ <see cref="MaxEnumeratedIndex"/>, else only the saddle at the origin.</remarks>
    public override IReadOnlyList<KnownCriticalPoint> KnownCriticalPoints =>
        Confinement == 0 || Index > MaxEnumeratedIndex
            ? [CriticalPoint(new int[Index])]
            : SignPatterns([-1, 0, 1]).Select(CriticalPoint).ToList();

    private IEnumerable<int[]> SignPatterns(int[] choices)
    {
        var current = new int[Index];
        IEnumerable<int[]> Recurse(int j)
        {
            if (j == Index) { yield return (int[])current.Clone(); yield break; }
            foreach (int c in choices)
            {
                current[j] = c;
                foreach (var p in Recurse(j + 1))
                {
                    yield return p;
                }
            }
        }
        return Recurse(0);
    }

    private bool IsEscape(int i) => i >= Dimension - Index;

    private IEnumerable<int> EscapeIndices() => Enumerable.Range(Dimension - Index, Index);

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta)
    {
        double s = 0;
        for (int i = 0; i < Dimension; i++)
        {
            double t2 = theta[i] * theta[i];
            s += IsEscape(i) ? -0.5 * _lambda[i] * t2 + 0.25 * Confinement * t2 * t2 : 0.5 * _lambda[i] * t2;
        }
        return s;
    }

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta) => Vector<double>.Build.Dense(Dimension, i =>
        IsEscape(i) ? -_lambda[i] * theta[i] + Confinement * theta[i] * theta[i] * theta[i] : _lambda[i] * theta[i]);

    private double Diagonal(Vector<double> theta, int i) =>
        IsEscape(i) ? -_lambda[i] + 3 * Confinement * theta[i] * theta[i] : _lambda[i];

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> theta) =>
        Matrix<double>.Build.DenseOfDiagonalArray(Enumerable.Range(0, Dimension).Select(i => Diagonal(theta, i)).ToArray());

    /// <inheritdoc />
    protected override Vector<double> HessianVectorProductCore(Vector<double> theta, Vector<double> v) =>
        Vector<double>.Build.Dense(Dimension, i => Diagonal(theta, i) * v[i]);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: saddle of index {Index} at 0 (L = 0), escape directions {(Confinement > 0 ? $"confined by (γ/4)θ⁴, γ = {Confinement:G4}, minimum {MinimumValue:G4}" : "unconfined (unbounded below)")}";
}
