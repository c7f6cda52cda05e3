using Descent.Functions;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="RandomSearchComparison"/>.</summary>
public sealed record RandomSearchParameters
{
    /// <summary>Dimensions n to compare.</summary>
    public int[] Dimensions { get; init; } = [2, 10, 100];

    /// <summary>Loss evaluations each method may spend (random search: points; gradient descent: steps).</summary>
    public int Budget { get; init; } = 200;

    /// <summary>Half-width of the search box [−r, r]ⁿ, which also holds the start of gradient descent.</summary>
    public double Radius { get; init => field = Guard.Positive(value, nameof(Radius)); } = 3.0;

    /// <summary>Seed of the rotation, the random points and the start.</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>One dimension's outcome.</summary>
/// <param name="Dimension">n.</param>
/// <param name="RandomSearchBest">The lowest L among the random points.</param>
/// <param name="GradientDescentLoss">L after the same number of gradient steps from the first random point.</param>
/// <param name="StartLoss">L at that start.</param>
public sealed record RandomSearchRow(int Dimension, double RandomSearchBest, double GradientDescentLoss, double StartLoss);

/// <summary>The rows of <see cref="RandomSearchComparison"/>.</summary>
public sealed record RandomSearchResult(IReadOnlyList<RandomSearchRow> Rows, int Budget) : IExperimentResult
{
    /// <inheritdoc />
    public string Summary => $"Best loss after {Budget} evaluations on L = ½θᵀHθ with eigenvalues 1 … 10: " + string.Join("; ",
        Rows.Select(r => $"n = {r.Dimension}: random search {r.RandomSearchBest:G3}, gradient descent {r.GradientDescentLoss:G3} (start {r.StartLoss:G3})"));

    /// <inheritdoc />
    public ResultTable ToTable() => new(["dimension", "random_search_best", "gradient_descent", "start"],
        [.. Rows.Select(r => new object[] { r.Dimension, r.RandomSearchBest, r.GradientDescentLoss, r.StartLoss })]);

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>
/// Goodfellow's opening list — exhaustive search, random search, analytical solutions, model-based search, and the
/// gradient-based search neural networks use — made concrete: on a rotated quadratic with eigenvalues 1 … 10, the best of
/// B random points in [−r, r]ⁿ against B steps of gradient descent (ε = 1/λmax) from the first of them. Random search
/// is as good as anything in 2-D and hopeless in 100-D; gradient descent barely notices the dimension.
/// </summary>
public sealed class RandomSearchComparison : Experiment<RandomSearchParameters, RandomSearchResult>
{
    /// <inheritdoc />
    public override string Name => "random-search";

    /// <inheritdoc />
    public override string Chapter => "00";

    /// <inheritdoc />
    public override string Summary => "Random search vs gradient descent with the same number of evaluations, as the dimension grows.";

    /// <summary>The test function in n dimensions: ½θᵀHθ, eigenvalues evenly spaced in [1, 10], seeded rotation.</summary>
    public static Quadratic Bowl(int dimension, int seed) =>
        Quadratic.FromEigenvalues([.. Enumerable.Range(0, dimension).Select(i => 1 + 9.0 * i / Math.Max(1, dimension - 1))], seed);

    /// <inheritdoc />
    public override RandomSearchResult Run(RandomSearchParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Dimensions is not { Length: > 0 } || parameters.Dimensions.Any(n => n < 1 || n > 2000))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "Dimensions must list values in [1, 2000].");
        }

        if (parameters.Budget < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.Budget, "Budget must be at least 1.");
        }

        var rows = new List<RandomSearchRow>();
        foreach (var n in parameters.Dimensions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var bowl = Bowl(n, parameters.Seed);
            var random = new Random(parameters.Seed + n);
            Vector<double> Point() => Vector<double>.Build.Dense(n, _ => parameters.Radius * (2 * random.NextDouble() - 1));
            var start = Point();
            var best = bowl.Value(start);
            for (int k = 1; k < parameters.Budget; k++)
            {
                best = Math.Min(best, bowl.Value(Point()));
            }

            var run = Trainer.Run(bowl, Optimizers.GradientDescent(1.0 / 10.0), start, new TrainingOptions { MaxSteps = parameters.Budget }, cancellationToken);
            rows.Add(new RandomSearchRow(n, best, run.Loss, bowl.Value(start)));
            progress?.Report(rows.Count / (double)parameters.Dimensions.Length);
        }

        return new RandomSearchResult(rows, parameters.Budget);
    }
}
