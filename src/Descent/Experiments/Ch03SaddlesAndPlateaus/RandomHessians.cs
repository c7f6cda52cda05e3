using Descent.Curvature;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="RandomHessians"/>.</summary>
public sealed record RandomHessiansParameters
{
    /// <summary>Size n of the matrices whose eigenvalues are histogrammed (≥ 1).</summary>
    public int Size { get; init => field = Guard.AtLeast(value, 1, nameof(Size)); } = 100;

    /// <summary>Number of n×n matrices pooled into the histogram (≥ 1).</summary>
    public int Samples { get; init => field = Guard.AtLeast(value, 1, nameof(Samples)); } = 40;

    /// <summary>Sizes for the "all heads" count: the fraction of GOE matrices that are positive definite.</summary>
    public int[] CoinSizes { get; init; } = [1, 2, 3, 4, 5, 6];

    /// <summary>Matrices drawn per size for the "all heads" count (≥ 1).</summary>
    public int CoinSamples { get; init => field = Guard.AtLeast(value, 1, nameof(CoinSamples)); } = 20_000;

    /// <summary>Shifts μ for the weighted coin: the index of GOE + μI.</summary>
    public double[] Shifts { get; init; } = [-2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5];

    /// <summary>Seed of every draw.</summary>
    public int Seed { get; init; } = 3;
}

/// <summary>The "all heads" count for one size n.</summary>
/// <param name="Size">n.</param>
/// <param name="PositiveDefinite">Measured fraction of n×n GOE matrices with every eigenvalue &gt; 0.</param>
/// <param name="IndependentCoins">2⁻ⁿ, the fraction if eigenvalue signs were independent fair coins.</param>
public sealed record CoinFlipRow(int Size, double PositiveDefinite, double IndependentCoins);

/// <summary>The weighted coin at one shift μ.</summary>
/// <param name="Shift">μ.</param>
/// <param name="MeasuredIndex">Mean fraction of negative eigenvalues of GOE + μI (size <see cref="RandomHessiansParameters.Size"/>).</param>
/// <param name="SemicircleIndex">F_sc(−μ), the large-n prediction.</param>
public sealed record ShiftedIndexRow(double Shift, double MeasuredIndex, double SemicircleIndex);

/// <summary>Result of <see cref="RandomHessians"/>.</summary>
/// <param name="Size">n of the histogrammed matrices.</param>
/// <param name="Eigenvalues">Pooled eigenvalues of the sampled n×n GOE matrices.</param>
/// <param name="Grid">λ grid for the semicircle.</param>
/// <param name="Semicircle">Wigner's semicircle density on <paramref name="Grid"/>.</param>
/// <param name="Coins">"All heads" per size.</param>
/// <param name="Shifted">Index of GOE + μI per shift.</param>
public sealed record RandomHessiansResult(int Size, double[] Eigenvalues, double[] Grid, double[] Semicircle,
    IReadOnlyList<CoinFlipRow> Coins, IReadOnlyList<ShiftedIndexRow> Shifted) : IExperimentResult
{
    /// <summary>Fraction of pooled eigenvalues below 0 (½ for the symmetric semicircle).</summary>
    public double NegativeFraction => Eigenvalues.Count(l => l < 0) / (double)Eigenvalues.Length;

    /// <summary>Density histogram of <see cref="Eigenvalues"/> on [−2.2, 2.2] (44 cells), to lay over the semicircle.</summary>
    public (double[] Centers, double[] Density) Histogram => SampleStatistics.Histogram(Eigenvalues, 44, -2.2, 2.2);

    /// <inheritdoc />
    public string Summary =>
        $"{Eigenvalues.Length} GOE eigenvalues (n = {Size}) in [{Eigenvalues.Min():F2}, {Eigenvalues.Max():F2}], {NegativeFraction:P1} negative; " +
        "P(minimum) = " + string.Join(", ", Coins.Select(c => $"{c.PositiveDefinite:G3} (n = {c.Size}, coins {c.IndependentCoins:G3})"));

    /// <inheritdoc />
    public ResultTable ToTable() => new(["size", "positive_definite", "independent_coins"],
        Coins.Select(c => (IReadOnlyList<object>)[c.Size, c.PositiveDefinite, c.IndependentCoins]).ToArray());

    /// <summary>The weighted-coin table: μ, measured index, semicircle index.</summary>
    public ResultTable ShiftTable() => new(["shift", "measured_index", "semicircle_index"],
        Shifted.Select(s => (IReadOnlyList<object>)[s.Shift, s.MeasuredIndex, s.SemicircleIndex]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + ToTable() + "\n" + ShiftTable();
}

/// <summary>
/// The coin-flip argument (Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions", "Are saddle points or local minima more common?") with random matrices (Dauphin et al. 2014, arXiv:1406.2572; Bray &amp; Dean 2007):
/// (1) the eigenvalues of a large random symmetric matrix fill Wigner's semicircle, half negative; (2) the chance that
/// all n eigenvalues are positive — a minimum — falls faster than the 2⁻ⁿ of independent coins; (3) shifting the
/// spectrum by μ (the weighted coin: low loss ↔ large μ) moves the index smoothly from 1 to 0 along F_sc(−μ).
/// </summary>
public sealed class RandomHessians : Experiment<RandomHessiansParameters, RandomHessiansResult>
{
    /// <inheritdoc />
    public override string Name => "random-hessians";

    /// <inheritdoc />
    public override string Chapter => "03";

    /// <inheritdoc />
    public override string Summary => "GOE eigenvalues vs the semicircle, P(all eigenvalues > 0) vs n, and the index of shifted random Hessians.";

    /// <inheritdoc />
    public override RandomHessiansResult Run(RandomHessiansParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(parameters.CoinSizes, nameof(parameters.CoinSizes));
        ArgumentNullException.ThrowIfNull(parameters.Shifts, nameof(parameters.Shifts));
        if (parameters.CoinSizes.Any(n => n < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "CoinSizes must all be at least 1.");
        }

        if (parameters.Shifts.Any(m => !double.IsFinite(m)))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "Shifts must be finite.");
        }

        var eigenvalues = RandomSymmetric.GoeEigenvalues(parameters.Size, parameters.Samples, parameters.Seed);
        var grid = Enumerable.Range(0, 201).Select(i => -2.2 + 4.4 * i / 200).ToArray();
        var density = grid.Select(RandomSymmetric.SemicircleDensity).ToArray();
        cancellationToken.ThrowIfCancellationRequested();
        var coins = parameters.CoinSizes.Select((n, i) =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (min, _) = RandomSymmetric.DefiniteFractions(n, parameters.CoinSamples, parameters.Seed + 1 + i);
            return new CoinFlipRow(n, min, Math.Pow(2, -n));
        }).ToArray();
        // The same pooled spectrum shifted by μ: the fraction of λ + μ < 0.
        var shifted = parameters.Shifts.Select(mu => new ShiftedIndexRow(mu,
            eigenvalues.Count(l => l + mu < 0) / (double)eigenvalues.Length, RandomSymmetric.ShiftedIndexFraction(mu))).ToArray();
        progress?.Report(1);
        return new RandomHessiansResult(parameters.Size, eigenvalues, grid, density, coins, shifted);
    }
}
