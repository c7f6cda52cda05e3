using Descent.Functions;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Plots;

/// <summary>
/// A named path of 2-D points (θ₀, θ₁, …) to draw over a contour or a surface, optionally with the loss at each point.
/// </summary>
/// <param name="Name">Legend name, e.g. "GD, α = 0.01".</param>
/// <param name="Points">The points in order; the first is marked as the start, the last as the end.</param>
/// <param name="Loss">L at each point (same length as <paramref name="Points"/>), needed to lift the path onto a sampled surface.</param>
/// <param name="Steps">The optimizer step of each point (same length; increasing) when the points are a thinned record;
/// null means point k is step k. Shown on hover and on step sliders.</param>
public sealed record Trajectory(string Name, IReadOnlyList<(double X, double Y)> Points, IReadOnlyList<double>? Loss = null,
    IReadOnlyList<int>? Steps = null)
{
    /// <summary>Number of points.</summary>
    public int Count => Points.Count;

    /// <summary>The optimizer step of point <paramref name="index"/>: <see cref="Steps"/>[index], or the index itself.</summary>
    public int StepOf(int index) => Steps is { } s ? s[index] : index;

    /// <summary>A trajectory from parameter vectors, taking coordinates <paramref name="xIndex"/> and <paramref name="yIndex"/> of each θ.</summary>
    public static Trajectory From(string name, IEnumerable<Vector<double>> thetas, int xIndex = 0, int yIndex = 1)
    {
        ArgumentNullException.ThrowIfNull(thetas);
        var points = new List<(double, double)>();
        foreach (var theta in thetas)
        {
            ArgumentNullException.ThrowIfNull(theta, nameof(thetas));
            if (xIndex < 0 || xIndex >= theta.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(xIndex), xIndex, $"xIndex must be in [0, {theta.Count - 1}] for points of length {theta.Count}.");
            }

            if (yIndex < 0 || yIndex >= theta.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(yIndex), yIndex, $"yIndex must be in [0, {theta.Count - 1}] for points of length {theta.Count}.");
            }

            points.Add((theta[xIndex], theta[yIndex]));
        }
        return new Trajectory(name, points);
    }

    /// <summary>A trajectory of 2-D parameter vectors with L(θ) evaluated at each finite point (NaN elsewhere).</summary>
    public static Trajectory From(string name, IEnumerable<Vector<double>> thetas, Objective objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (objective.Dimension != 2)
        {
            throw new ArgumentException($"objective has dimension {objective.Dimension}; a loss-annotated trajectory needs a 2-D objective.", nameof(objective));
        }

        var list = thetas?.ToList() ?? throw new ArgumentNullException(nameof(thetas));
        var t = From(name, list);
        var loss = list.Select(th => th.ForAll(double.IsFinite) ? objective.Value(th) : double.NaN).ToArray();
        return t with { Loss = loss };
    }

    /// <summary>
    /// The recorded iterates θₖ of a training run (coordinates <paramref name="xIndex"/>, <paramref name="yIndex"/>) with the
    /// loss L(θₖ) at each; a diverged run keeps its last values, which the charts draw as far as they are finite.
    /// </summary>
    /// <param name="result">The run.</param>
    /// <param name="name">Legend name; null = the optimizer's description.</param>
    /// <param name="xIndex">Coordinate on the x axis.</param>
    /// <param name="yIndex">Coordinate on the y axis.</param>
    public static Trajectory From(TrainingResult result, string? name = null, int xIndex = 0, int yIndex = 1)
    {
        ArgumentNullException.ThrowIfNull(result);
        var t = From(name ?? result.Optimizer, result.Thetas, xIndex, yIndex);
        var loss = result.ThetaSteps.Select(k => k >= 0 && k < result.Losses.Length ? result.Losses[k] : double.NaN).ToArray();
        return loss.Length == t.Count ? t with { Loss = loss, Steps = result.ThetaSteps.ToArray() } : t;
    }

    /// <summary>A trajectory from (x, y) pairs.</summary>
    public static Trajectory From(string name, IEnumerable<(double X, double Y)> points) =>
        new(name, points?.ToList() ?? throw new ArgumentNullException(nameof(points)));

    /// <inheritdoc />
    public override string ToString() => Points.Count == 0
        ? $"{Name}: empty"
        : $"{Name}: {Points.Count} points from ({Points[0].X:G4}, {Points[0].Y:G4}) to ({Points[^1].X:G4}, {Points[^1].Y:G4})";

    internal void Validate(string paramName)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("every trajectory needs a non-empty Name.", paramName);
        }

        if (Points is null || Points.Count == 0)
        {
            throw new ArgumentException($"trajectory '{Name}' has no points; it needs at least one.", paramName);
        }

        if (Loss is not null && Loss.Count != Points.Count)
        {
            throw new ArgumentException($"trajectory '{Name}' has {Points.Count} points but {Loss.Count} loss values; the counts must match.", paramName);
        }

        if (Steps is not null && Steps.Count != Points.Count)
        {
            throw new ArgumentException($"trajectory '{Name}' has {Points.Count} points but {Steps.Count} step numbers; the counts must match.", paramName);
        }
    }
}
