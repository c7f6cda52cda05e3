using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="LossSlice"/>.</summary>
public sealed record LossSliceParameters
{
    /// <summary>Hidden-layer widths of the digits MLP.</summary>
    public int[] Hidden { get; init; } = [16];

    /// <summary>SGD steps (≥ 1).</summary>
    public int Steps { get; init; } = 1000;

    /// <summary>Constant learning rate ε &gt; 0 of SGD.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Minibatch size (≥ 1).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Seed of the initialization and the minibatch order.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Seed of the random second direction.</summary>
    public int DirectionSeed { get; init; } = 7;

    /// <summary>Grid points per axis (3 … 200).</summary>
    public int Resolution { get; init; } = 17;

    /// <summary>β runs over [−BetaExtent, BetaExtent] (&gt; 0).</summary>
    public double BetaExtent { get; init; } = 1.0;

    /// <summary>The second direction of the plane.</summary>
    public SliceDirection Direction { get; init; } = SliceDirection.FilterNormalizedRandom;
}

/// <summary>Result of <see cref="LossSlice"/>: the training loss on the plane θ(α, β) = (1 − α)θ₀ + αθ* + βd through θ* and θ₀.</summary>
/// <param name="Alphas">α values (θ₀ at α = 0, θ* at α = 1).</param>
/// <param name="Betas">β values (along the filter-normalized random direction d).</param>
/// <param name="Losses">Losses[j][i] = L(θ(αᵢ, βⱼ)) on the training split.</param>
/// <param name="PathAlphas">The SGD snapshots projected onto the plane (least squares): α of each.</param>
/// <param name="PathBetas">β of each projected snapshot.</param>
/// <param name="OffPlaneFraction">For each snapshot, ‖θₖ − its projection‖ / ‖θₖ − θ*‖ (0 = in the plane).</param>
/// <param name="DirectionCosine">cos∠(θ₀ − θ*, d): near 0 for a random direction, 0 to rounding for the path deviation.</param>
/// <param name="Run">The training run.</param>
/// <param name="Direction">Which second direction spans the plane.</param>
public sealed record LossSliceResult(double[] Alphas, double[] Betas, double[][] Losses, double[] PathAlphas, double[] PathBetas,
    double[] OffPlaneFraction, double DirectionCosine, DigitsTrainingRun Run, SliceDirection Direction = SliceDirection.FilterNormalizedRandom) : IExperimentResult
{
    /// <summary>Largest off-plane fraction over the snapshots strictly between θ₀ and θ*.</summary>
    public double MaxOffPlaneFraction => OffPlaneFraction.Take(OffPlaneFraction.Length - 1).Max();

    /// <inheritdoc />
    public string Summary =>
        $"Training loss on a {Alphas.Length}×{Betas.Length} grid of the plane through θ₀ (α = 0) and θ* (α = 1) with "
        + (Direction == SliceDirection.PathDeviation ? "the path's largest deviation from the line" : "a filter-normalized random direction")
        + $" (cos∠ = {DirectionCosine:G2}): values {Losses.SelectMany(r => r).Min():G3} … {Losses.SelectMany(r => r).Max():G3}. "
        + $"The SGD path leaves the plane by up to {MaxOffPlaneFraction:P0} of its distance to θ*";

    /// <inheritdoc />
    public ResultTable ToTable() => new(["alpha", "beta", "train_loss"],
        Betas.SelectMany((b, j) => Alphas.Select((a, i) => (IReadOnlyList<object>)[a, b, Losses[j][i]])).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>
/// A 2-D slice of the digits MLP's loss through the solution θ* (Goodfellow et al. 2015, arXiv:1412.6544; Li et al. 2018,
/// arXiv:1712.09913): θ(α, β) = (1 − α)θ₀ + αθ* + βd, spanned by θ₀ − θ* and a random Gaussian direction d normalized
/// filter by filter (<see cref="FilterNormalization"/>), with SGD's trajectory projected onto the plane by least squares.
/// </summary>
public sealed class LossSlice : Experiment<LossSliceParameters, LossSliceResult>
{
    /// <inheritdoc />
    public override string Name => "loss-slice";

    /// <inheritdoc />
    public override string Chapter => "07";

    /// <inheritdoc />
    public override string Summary => "Training loss on the plane through θ₀, θ* and a filter-normalized random direction, with the projected SGD path.";

    /// <inheritdoc />
    public override LossSliceResult Run(LossSliceParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var network = new DigitsNetwork(parameters.Hidden);
        var run = network.Fit(network.Initialize(parameters.Seed), parameters.Steps, parameters.LearningRate, parameters.BatchSize,
            parameters.Seed, cancellationToken: cancellationToken);
        return Through(network, run, parameters.DirectionSeed, parameters.Resolution, parameters.BetaExtent, parameters.Direction, cancellationToken);
    }

    /// <summary>The slice for an existing run, α ∈ [−0.5, 1.5], β ∈ [−<paramref name="betaExtent"/>, <paramref name="betaExtent"/>].</summary>
    /// <param name="network">The network (its training split is evaluated).</param>
    /// <param name="run">The run whose θ₀, θ* and snapshots define the plane and the path.</param>
    /// <param name="directionSeed">Seed of the random direction (ignored for <see cref="SliceDirection.PathDeviation"/>).</param>
    /// <param name="resolution">Grid points per axis, 3 … 200.</param>
    /// <param name="betaExtent">β range half-width, &gt; 0.</param>
    /// <param name="direction">The second direction.</param>
    /// <param name="cancellationToken">Stops between grid rows.</param>
    public static LossSliceResult Through(DigitsNetwork network, DigitsTrainingRun run, int directionSeed = 7, int resolution = 17,
        double betaExtent = 1.0, SliceDirection direction = SliceDirection.FilterNormalizedRandom, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(run);
        if (resolution < 3 || resolution > 200)
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "resolution must be in [3, 200] grid points per axis.");
        }

        if (!(betaExtent > 0) || !double.IsFinite(betaExtent))
        {
            throw new ArgumentOutOfRangeException(nameof(betaExtent), betaExtent, "betaExtent must be a finite number > 0.");
        }

        cancellationToken = AmbientCancellation.Or(cancellationToken);
        var star = run.Theta;
        var d1 = run.Start - star;
        var d2 = direction switch
        {
            SliceDirection.FilterNormalizedRandom => FilterNormalization.RandomDirection(network.Train, star, directionSeed),
            SliceDirection.PathDeviation => LargestDeviation(run, d1),
            _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "direction must be FilterNormalizedRandom or PathDeviation."),
        };
        var alphas = LinearInterpolation.Grid(-0.5, 1.5, resolution);
        var betas = LinearInterpolation.Grid(-betaExtent, betaExtent, resolution);
        var losses = new double[betas.Length][];
        for (int j = 0; j < betas.Length; j++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            losses[j] = new double[alphas.Length];
            var row = star + betas[j] * d2;
            for (int i = 0; i < alphas.Length; i++)
            {
                losses[j][i] = network.Train.Value(row + (1 - alphas[i]) * d1);
            }
        }

        // Least-squares projection of θₖ − θ* onto span{d1, d2}: solve the 2×2 normal equations.
        double g11 = d1.DotProduct(d1), g12 = d1.DotProduct(d2), g22 = d2.DotProduct(d2), det = g11 * g22 - g12 * g12;
        int n = run.Snapshots.Count;
        var pa = new double[n];
        var pb = new double[n];
        var off = new double[n];
        for (int k = 0; k < n; k++)
        {
            var r = run.Snapshots[k] - star;
            double r1 = d1.DotProduct(r), r2 = d2.DotProduct(r);
            double a = (g22 * r1 - g12 * r2) / det, b = (g11 * r2 - g12 * r1) / det;
            pa[k] = 1 - a;
            pb[k] = b;
            double norm = r.L2Norm();
            off[k] = norm == 0 ? 0 : (r - a * d1 - b * d2).L2Norm() / norm;
        }
        double cosine = g12 / Math.Sqrt(g11 * g22);
        return new LossSliceResult(alphas, betas, losses, pa, pb, off, cosine, run, direction);
    }

    /// <summary>eₖ = rₖ − (rₖ·u / u·u)u with rₖ = θₖ − θ*, u = θ₀ − θ*, at the snapshot k where ‖eₖ‖ is largest.</summary>
    private static Vector<double> LargestDeviation(DigitsTrainingRun run, Vector<double> u)
    {
        double uu = u.DotProduct(u);
        Vector<double>? best = null;
        double bestNorm = 0;
        foreach (var snapshot in run.Snapshots)
        {
            var r = snapshot - run.Theta;
            var e = r - r.DotProduct(u) / uu * u;
            double n = e.L2Norm();
            if (n > bestNorm) { bestNorm = n; best = e; }
        }
        if (best is null || bestNorm <= 1e-12 * Math.Sqrt(uu))
        {
            throw new ArgumentException("the run's path never leaves the straight line θ₀ → θ*, so it defines no second direction.", nameof(run));
        }

        return best;
    }
}
