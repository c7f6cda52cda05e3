using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// Several Gaussian basins of different depths in a weak quadratic bowl — local versus global minima:
/// L(θ) = (μ/2)‖θ‖² − Σⱼ Dⱼ·exp(−‖θ − cⱼ‖² / (2sⱼ²)).
/// </summary>
/// <remarks>
/// <para>Gradient: μθ + Σⱼ Dⱼeⱼ(θ − cⱼ)/sⱼ², with eⱼ = exp(−‖θ − cⱼ‖²/(2sⱼ²)).
/// Hessian: μI + Σⱼ Dⱼeⱼ[I/sⱼ² − (θ − cⱼ)(θ − cⱼ)ᵀ/sⱼ⁴].</para>
/// <para>Each well j has a local minimum near cⱼ, with value ≈ μ‖cⱼ‖²/2 − Dⱼ and curvature ≈ Dⱼ/sⱼ² + μ; the bowl
/// (μ &gt; 0) makes L bounded below and coercive, so far away everything flows back towards the wells. The minima
/// have no closed form; the constructor locates one per basin by Newton's method from cⱼ (to machine precision)
/// and rejects basins that overlap so much that two of them share a minimum. <see cref="KnownMinimizers"/> is
/// the lowest of these; it is the global minimizer when every minimum of L lies in some listed basin (true for
/// well-separated basins, which the tests check by sampling).</para>
/// </remarks>
public sealed class MultiMinimum : Objective
{
    private readonly GaussianBasin[] _basins;
    private readonly GaussianSum _wells;
    private readonly KnownCriticalPoint[] _minima;

    /// <summary>Creates the surface.</summary>
    /// <param name="basins">The wells (at least one, all of one dimension n); when omitted, three 2-D wells:
    /// depth 1 at (−2, 1), depth 2 at (1.5, 1.5) (the global one) and depth 1.5 at (0.5, −2).</param>
    /// <param name="confinement">μ &gt; 0: curvature of the bowl.</param>
    public MultiMinimum(IReadOnlyList<GaussianBasin>? basins = null, double confinement = 0.1)
        : base(CheckBasins(basins ?? DefaultBasins), $"MultiMinimum({(basins ?? DefaultBasins).Count} basins)")
    {
        _basins = (basins ?? DefaultBasins).Select(b => b with { Center = b.Center.Clone() }).ToArray();
        Confinement = Guard.Positive(confinement, nameof(confinement));
        _wells = new GaussianSum(_basins.Select(b => (b.Center, -b.Depth, b.Width)));
        _minima = new KnownCriticalPoint[_basins.Length];
        for (int j = 0; j < _basins.Length; j++)
        {
            var m = NewtonRefinement.Minimize(this, _basins[j].Center)
                ?? throw new ArgumentException($"basin {j} ({_basins[j]}) has no local minimum of its own: it is too shallow or too wide against the confinement μ = {confinement:G4}.", nameof(basins));
            for (int i = 0; i < j; i++)
            {
                if ((_minima[i].Theta - m).InfinityNorm() < 1e-6 * Math.Max(1, m.InfinityNorm()))
                {
                    throw new ArgumentException($"basins {i} and {j} overlap so much that they share one minimum; move them apart or narrow them.", nameof(basins));
                }
            }

            _minima[j] = new KnownCriticalPoint(m, Value(m), 0, false, $"local minimum of basin {j}");
        }
        int best = Array.IndexOf(_minima, _minima.MinBy(c => c.Value));
        _minima[best] = _minima[best] with { Description = $"global minimum (basin {best})" };
        GlobalBasin = best;
    }

    private static readonly GaussianBasin[] DefaultBasins =
    [
        new(Vector<double>.Build.DenseOfArray([-2, 1]), 1.0, 0.6),
        new(Vector<double>.Build.DenseOfArray([1.5, 1.5]), 2.0, 0.8),
        new(Vector<double>.Build.DenseOfArray([0.5, -2]), 1.5, 0.5),
    ];

    /// <summary>The wells (copies).</summary>
    public IReadOnlyList<GaussianBasin> Basins => _basins.Select(b => b with { Center = b.Center.Clone() }).ToArray();

    /// <summary>μ: curvature of the confining bowl.</summary>
    public double Confinement { get; }

    /// <summary>The local minimum of each basin (same order as <see cref="Basins"/>), located to machine precision.</summary>
    public IReadOnlyList<KnownCriticalPoint> LocalMinima => _minima;

    /// <summary>Index of the basin holding the lowest minimum.</summary>
    public int GlobalBasin { get; }

    /// <inheritdoc />
    public override Domain Domain
    {
        get
        {
            var lo = new double[Dimension];
            var hi = new double[Dimension];
            for (int i = 0; i < Dimension; i++)
            {
                lo[i] = _basins.Min(b => b.Center[i] - 3 * b.Width) - 0.5;
                hi[i] = _basins.Max(b => b.Center[i] + 3 * b.Width) + 0.5;
            }
            return Domain.UnboundedPlottedOver(lo, hi);
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<Vector<double>> KnownMinimizers => [_minima[GlobalBasin].Theta.Clone()];

    /// <inheritdoc />
    public override IReadOnlyList<KnownCriticalPoint> KnownCriticalPoints => _minima;

    private static int CheckBasins(IReadOnlyList<GaussianBasin> basins)
    {
        if (basins.Count == 0)
        {
            throw new ArgumentException("basins must contain at least one basin.", nameof(basins));
        }

        int n = basins[0].Center?.Count ?? 0;
        for (int j = 0; j < basins.Count; j++)
        {
            var b = basins[j] ?? throw new ArgumentException($"basins[{j}] is null.", nameof(basins));
            if (b.Center is null || b.Center.Count != n || n < 1 || b.Center.Any(x => !double.IsFinite(x)))
            {
                throw new ArgumentException($"basins[{j}].Center must be a finite vector of length {n} like basins[0].", nameof(basins));
            }

            if (!(b.Depth > 0) || !double.IsFinite(b.Depth))
            {
                throw new ArgumentException($"basins[{j}].Depth is {b.Depth}; it must be a finite number > 0.", nameof(basins));
            }

            if (!(b.Width > 0) || !double.IsFinite(b.Width))
            {
                throw new ArgumentException($"basins[{j}].Width is {b.Width}; it must be a finite number > 0.", nameof(basins));
            }
        }
        return n;
    }

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta) =>
        0.5 * Confinement * theta.DotProduct(theta) + _wells.Value(theta);

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta)
    {
        var g = theta * Confinement;
        _wells.AddGradient(theta, g);
        return g;
    }

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> theta)
    {
        var h = Matrix<double>.Build.DenseIdentity(Dimension) * Confinement;
        _wells.AddHessian(theta, h);
        return h;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: (μ/2)‖θ‖² − Σ Dⱼ exp(−‖θ − cⱼ‖²/2sⱼ²), μ = {Confinement:G4}; minima " +
        string.Join(", ", _minima.Select((m, j) => $"{Text.Point(m.Theta)} L = {m.Value:G4}{(j == GlobalBasin ? " (global)" : "")}"));
}
