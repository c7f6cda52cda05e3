using Descent.Functions;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="NesterovRates"/>.</summary>
public sealed record NesterovRatesParameters
{
    /// <summary>Horizons N (each ≥ 1): for each, a fresh chain of dimension 2N + 1 and N steps of each method.</summary>
    public int[] Horizons { get; init; } = [4, 8, 16, 32, 64, 128, 256, 512];

    /// <summary>M of the chain (&gt; 0); both methods use the step 1/M.</summary>
    public double Smoothness { get; init; } = 1.0;
}

/// <summary>One horizon N: normalized gaps e = (L(x_N) − L*)/(M‖x₀ − x*‖²) and the bounds.</summary>
/// <param name="Horizon">N.</param>
/// <param name="Dimension">n = 2N + 1.</param>
/// <param name="GradientDescent">e for gradient descent, α = 1/M.</param>
/// <param name="Nesterov">e for Nesterov's accelerated method, s = 1/M.</param>
/// <param name="GradientDescentBound">1/(2N) (Beck &amp; Teboulle 2009, Thm 3.1).</param>
/// <param name="NesterovBound">2/(N + 1)² (Beck &amp; Teboulle 2009, Thm 4.4; Su, Boyd &amp; Candès 2016).</param>
/// <param name="LowerBound">(min over span{e₁…e_N} − L*)/(M‖x*‖²) on this chain, ≥ 3/(32(N+1)²) (Nesterov 2004, Thm 2.1.7).</param>
/// <param name="GradientDescentWorst">e for gradient descent on its own worst quadratic for horizon N, ½λθ² with λ = M/(2N + 1)
/// from θ₀ = 1: ½(λ/M)(1 − λ/M)^{2N} ≈ 1/(4eN), so GD's 1/N rate is attained up to a constant.</param>
public sealed record NesterovRatesRow(int Horizon, int Dimension, double GradientDescent, double Nesterov,
    double GradientDescentBound, double NesterovBound, double LowerBound, double GradientDescentWorst);

/// <summary>Result of <see cref="NesterovRates"/>.</summary>
/// <param name="Rows">One row per horizon.</param>
/// <param name="GradientDescentSlope">Fitted exponent p of e ≈ C·Nᵖ for GD (horizons ≥ 16).</param>
/// <param name="NesterovSlope">Fitted exponent for Nesterov (horizons ≥ 16).</param>
/// <param name="GradientDescentWorstSlope">Fitted exponent for GD on its worst quadratic (horizons ≥ 16).</param>
public sealed record NesterovRatesResult(IReadOnlyList<NesterovRatesRow> Rows, double GradientDescentSlope, double NesterovSlope,
    double GradientDescentWorstSlope) : IExperimentResult
{
    /// <summary>N as doubles (the x axis).</summary>
    public double[] Horizons => Rows.Select(r => (double)r.Horizon).ToArray();

    /// <summary>True when every measured gap lies between the lower bound and its method's upper bound.</summary>
    public bool WithinBounds => Rows.All(r => r.LowerBound <= r.Nesterov && r.Nesterov <= r.NesterovBound
                                              && r.LowerBound <= r.GradientDescent && r.GradientDescent <= r.GradientDescentBound
                                              && r.GradientDescentWorst <= r.GradientDescentBound);

    /// <inheritdoc />
    public string Summary =>
        $"(L(x_N) − L*)/(M‖x₀ − x*‖²) on the chain with n = 2N + 1: GD ∝ N^{GradientDescentSlope:F2} (bound 1/(2N)), " +
        $"Nesterov ∝ N^{NesterovSlope:F2} (bound 2/(N+1)², lower bound ≥ 3/(32(N+1)²)); GD on its worst quadratic ∝ N^{GradientDescentWorstSlope:F2}; all within their bounds: {WithinBounds}";

    /// <inheritdoc />
    public ResultTable ToTable() => new(["N", "n", "gd", "nesterov", "gd_bound", "nesterov_bound", "lower_bound", "gd_worst_quadratic"],
        Rows.Select(r => (IReadOnlyList<object>)[r.Horizon, r.Dimension, r.GradientDescent, r.Nesterov, r.GradientDescentBound, r.NesterovBound, r.LowerBound, r.GradientDescentWorst]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + ToTable();
}

/// <summary>
/// Nesterov's accelerated method against gradient descent on convex quadratics, where the worst case lives: for each
/// horizon N, Nesterov's chain (<see cref="NesterovChain"/>) with n = 2N + 1, started at 0, step 1/M. The gap in function
/// value, normalized by M‖x₀ − x*‖², is bounded by 1/(2N) for GD and 2/(N + 1)² for Nesterov, and no first-order method
/// can go below 3/(32(N + 1)²): Nesterov's curve runs parallel to the lower bound (rate 1/N², optimal up to a constant),
/// GD's falls more slowly; on its own worst quadratic (one eigenvalue M/(2N + 1)) GD's gap is ≈ 1/(4eN), its 1/N rate.
/// </summary>
public sealed class NesterovRates : Experiment<NesterovRatesParameters, NesterovRatesResult>
{
    /// <inheritdoc />
    public override string Name => "nesterov-rates";

    /// <inheritdoc />
    public override string Chapter => "08";

    /// <inheritdoc />
    public override string Summary => "Nesterov O(1/N²) vs GD O(1/N) in function value on Nesterov's worst-case chain, with the bounds.";

    /// <inheritdoc />
    public override NesterovRatesResult Run(NesterovRatesParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Horizons is null || parameters.Horizons.Length == 0 || parameters.Horizons.Any(n => n < 1 || n > 100_000))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "Horizons must be a non-empty list of integers in [1, 100000].");
        }

        if (!(parameters.Smoothness > 0) || !double.IsFinite(parameters.Smoothness))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.Smoothness, "Smoothness must be a finite number > 0.");
        }

        double m = parameters.Smoothness;
        var rows = new List<NesterovRatesRow>();
        foreach (int horizon in parameters.Horizons.Order())
        {
            var chain = new NesterovChain(2 * horizon + 1, m);
            var zero = Vector<double>.Build.Dense(chain.Dimension);
            double scale = m * chain.SquaredDistanceFromOrigin;
            var gd = Trainer.Run(chain, Optimizers.GradientDescent(1 / m), zero,
                new TrainingOptions { MaxSteps = horizon, RecordThetaEvery = 0 }, cancellationToken);
            var agd = AcceleratedGradientDescent.Run(chain, 1 / m, zero, horizon, cancellationToken);
            var worst = new Quadratic(Matrix<double>.Build.DenseOfArray(new[,] { { m / (2.0 * horizon + 1) } }), name: $"½λθ², λ = M/{2 * horizon + 1}");
            var gdWorst = Trainer.Run(worst, Optimizers.GradientDescent(1 / m), Vector<double>.Build.Dense(1, 1.0),
                new TrainingOptions { MaxSteps = horizon, RecordThetaEvery = 0 }, cancellationToken);
            rows.Add(new NesterovRatesRow(horizon, chain.Dimension,
                (gd.Loss - chain.MinimumValue) / scale,
                (agd.Losses[^1] - chain.MinimumValue) / scale,
                1.0 / (2 * horizon),
                2.0 / ((horizon + 1.0) * (horizon + 1.0)),
                chain.KrylovGap(horizon) / scale,
                gdWorst.Loss / m));
            progress?.Report((double)rows.Count / parameters.Horizons.Length);
        }
        var fit = rows.Where(r => r.Horizon >= 16).ToArray();
        if (fit.Length < 2)
        {
            fit = rows.ToArray();
        }

        double Slope(Func<NesterovRatesRow, double> y) => fit.Length < 2 ? double.NaN
            : Chapter08Support.LogLogSlope(fit.Select(r => (double)r.Horizon).ToArray(), fit.Select(y).ToArray());
        return new NesterovRatesResult(rows, Slope(r => r.GradientDescent), Slope(r => r.Nesterov), Slope(r => r.GradientDescentWorst));
    }
}
