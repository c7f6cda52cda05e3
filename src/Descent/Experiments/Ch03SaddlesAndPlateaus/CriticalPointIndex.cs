using Descent.Curvature;
using Descent.Data;
using Descent.Models;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="CriticalPointIndex"/>.</summary>
public sealed record CriticalPointIndexParameters
{
    /// <summary>Hidden tanh units of the network 2-H-1 (≥ 1).</summary>
    public int Hidden { get; init => field = Guard.AtLeast(value, 1, nameof(Hidden)); } = 4;

    /// <summary>XOR training examples (≥ 4).</summary>
    public int Examples { get; init => field = Guard.AtLeast(value, 4, nameof(Examples)); } = 40;

    /// <summary>Independent initializations (≥ 1); from each, gradient descent is stopped at every checkpoint and a
    /// critical-point search starts there.</summary>
    public int Runs { get; init => field = Guard.AtLeast(value, 1, nameof(Runs)); } = 24;

    /// <summary>Gradient-descent steps (learning rate <see cref="LearningRate"/>) after which a search starts; 0 = the initialization.</summary>
    public int[] Checkpoints { get; init => field = Guard.AllAtLeast(value, 0, nameof(Checkpoints)); } = [0, 3, 10, 30, 100, 300, 1000];

    /// <summary>Learning rate ε of the gradient-descent runs that supply the starts.</summary>
    public double LearningRate { get; init => field = Guard.Positive(value, nameof(LearningRate)); } = 0.5;

    /// <summary>Standard deviation of the Gaussian initial weights (large values start at high loss, far from the minima).</summary>
    public double InitialScale { get; init => field = Guard.Positive(value, nameof(InitialScale)); } = 1.5;

    /// <summary>L2 coefficient λ on the weights (&gt; 0 keeps every critical point at finite weights and lifts the
    /// flat directions of unused units, so the second-order test can classify them).</summary>
    public double L2 { get; init => field = Guard.NonNegative(value, nameof(L2)); } = 0.01;

    /// <summary>Seed of the data and of run r's initialization (seed + r).</summary>
    public int Seed { get; init; } = 3;
}

/// <summary>Result of <see cref="CriticalPointIndex"/>: every converged critical point with its loss and index.</summary>
/// <param name="Points">Converged critical points (‖∇L‖ ≤ 1e-9), in search order.</param>
/// <param name="Searches">Number of searches started.</param>
/// <param name="Dimension">n, the number of parameters.</param>
public sealed record CriticalPointIndexResult(IReadOnlyList<FoundCriticalPoint> Points, int Searches, int Dimension) : IExperimentResult
{
    /// <summary>L at each point.</summary>
    public double[] Losses => Points.Select(p => p.Loss).ToArray();

    /// <summary>Index fraction α = (number of negative eigenvalues)/n at each point.</summary>
    public double[] IndexFractions => Points.Select(p => p.IndexFraction).ToArray();

    /// <summary>Spearman rank correlation between loss and index: +1 when a higher loss always means a higher index.</summary>
    public double RankCorrelation => SampleStatistics.Spearman(Losses, IndexFractions);

    /// <summary>Lowest loss among the points of index 0 (the minima found; NaN when none).</summary>
    public double LowestMinimumLoss => Points.Where(p => p.Point.Index == 0).Select(p => p.Loss).DefaultIfEmpty(double.NaN).Min();

    /// <inheritdoc />
    public string Summary =>
        $"{Points.Count} critical points from {Searches} searches (n = {Dimension}): " +
        $"{Points.Count(p => p.Point.Index == 0)} with index 0, highest index {Points.Select(p => p.Point.Index).DefaultIfEmpty(0).Max()}; " +
        $"Spearman correlation of loss and index {RankCorrelation:F2}";

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["loss", "index", "index_fraction", "gradient_norm", "min_eigenvalue", "zero_eigenvalues"],
        Points.Select(p => (IReadOnlyList<object>)[p.Loss, p.Point.Index, p.IndexFraction, p.Point.GradientNorm,
            p.Point.Eigenvalues[0], p.Point.Eigenvalues.Count(l => Math.Abs(l) <= p.Point.EigenvalueTolerance)]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>
/// Dauphin et al. (2014, arXiv:1406.2572, Fig. 1) on a network small enough for exact Hessians: critical points of a
/// tanh network 2-H-1 on XOR (squared error plus a small L2 penalty) found by minimizing ‖∇L‖² (<see cref="CriticalPointSearch"/>) from points
/// along gradient-descent runs, each classified by its index α (fraction of negative Hessian eigenvalues). The
/// coin-flip argument (Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions", "Are saddle points or local minima more common?") predicts α rising with L: the critical points at high loss are saddles, those at
/// low loss minima.
/// </summary>
public sealed class CriticalPointIndex : Experiment<CriticalPointIndexParameters, CriticalPointIndexResult>
{
    /// <inheritdoc />
    public override string Name => "critical-point-index";

    /// <inheritdoc />
    public override string Chapter => "03";

    /// <inheritdoc />
    public override string Summary => "Critical points of a small tanh network, found by minimizing ‖∇L‖²: index against loss (Dauphin et al. 2014).";

    /// <summary>The network the experiment studies: 2-H-1 tanh, squared error, on XOR with the given seed.</summary>
    public static Mlp Network(CriticalPointIndexParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var data = Synthetic.Xor(parameters.Examples, parameters.Seed);
        var targets = Matrix<double>.Build.Dense(data.Count, 1, (i, _) => data.Labels![i]);
        return new Mlp([2, parameters.Hidden, 1], Activation.Tanh, LossFunction.SquaredError, data.Inputs, targets, parameters.L2);
    }

    /// <inheritdoc />
    public override CriticalPointIndexResult Run(CriticalPointIndexParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(parameters.Checkpoints, nameof(parameters.Checkpoints));

        var net = Network(parameters);
        var checkpoints = parameters.Checkpoints.Distinct().Order().ToArray();
        var found = new List<FoundCriticalPoint>();
        int searches = 0;
        for (int r = 0; r < parameters.Runs; r++)
        {
            var theta = net.Initialize(Initialization.Gaussian(parameters.InitialScale), parameters.Seed + r);
            var starts = new List<Vector<double>>();
            var run = Trainer.Run(net, Optimizers.GradientDescent(parameters.LearningRate), theta, new TrainingOptions
            {
                MaxSteps = checkpoints[^1],
                RecordThetaEvery = 0,
                OnStep = s => { if (Array.BinarySearch(checkpoints, s.Step) >= 0) { starts.Add(s.Theta.Clone()); } },
            }, cancellationToken);
            foreach (var start in starts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                searches++;
                var point = CriticalPointSearch.Run(net, start, maxIterations: 80);
                if (point.Converged)
                {
                    found.Add(point);
                }
            }
            progress?.Report((r + 1.0) / parameters.Runs);
        }
        return new CriticalPointIndexResult(found, searches, net.Dimension);
    }
}
