using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="BasinMap"/>.</summary>
public sealed record BasinMapParameters
{
    /// <summary>M &gt; 0: height of the mountain of <see cref="WrongSideOfMountain"/>.</summary>
    public double MountainHeight { get; init; } = 3.0;

    /// <summary>d ≥ 0: depth of the local basin behind the mountain (0 = none).</summary>
    public double LocalBasinDepth { get; init; } = 1.0;

    /// <summary>Constant learning rate ε of gradient descent (0 &lt; ε; stable below 2/λmax ≈ 0.97 on the default surface).</summary>
    public double LearningRate { get; init => field = Guard.Positive(value, nameof(LearningRate)); } = 0.25;

    /// <summary>Step budget per start (≥ 1).</summary>
    public int MaxSteps { get; init => field = Guard.AtLeast(value, 1, nameof(MaxSteps)); } = 1000;

    /// <summary>Starts per axis over the surface's plot box (3 … 400).</summary>
    public int Resolution { get; init => field = Guard.InRange(value, 3, 400, nameof(Resolution)); } = 41;
}

/// <summary>Result of <see cref="BasinMap"/>: for every start on a grid, where gradient descent ended and after how many steps.</summary>
/// <param name="Surface">The surface.</param>
/// <param name="X">Start abscissae.</param>
/// <param name="Y">Start ordinates.</param>
/// <param name="Outcomes">Outcomes[j][i] for the start (X[i], Y[j]).</param>
/// <param name="Steps">Steps[j][i]: steps until ‖g‖ &lt; 10⁻⁶ (the budget when it never happened).</param>
/// <param name="LearningRate">ε used.</param>
/// <param name="MaxSteps">The step budget.</param>
public sealed record BasinMapResult(WrongSideOfMountain Surface, double[] X, double[] Y, BasinOutcome[][] Outcomes, int[][] Steps,
    double LearningRate, int MaxSteps) : IExperimentResult
{
    /// <summary>Fraction of starts that reach the global minimum (the success rate).</summary>
    public double SuccessRate => Fraction(BasinOutcome.Global);

    /// <summary>Fraction of starts that end in the local basin behind the mountain.</summary>
    public double LocalRate => Fraction(BasinOutcome.Local);

    /// <summary>Fraction of starts still moving when the budget ran out.</summary>
    public double NotConvergedRate => Fraction(BasinOutcome.NotConverged);

    /// <summary>The fraction of starts with the given outcome.</summary>
    public double Fraction(BasinOutcome outcome) => Outcomes.Sum(r => r.Count(o => o == outcome)) / (double)(X.Length * Y.Length);

    /// <summary>The outcomes as numbers (0 global, 1 local, 2 not converged), for a heatmap.</summary>
    public double[][] OutcomeCodes => Outcomes.Select(r => r.Select(o => (double)(int)o).ToArray()).ToArray();

    /// <inheritdoc />
    public string Summary =>
        $"{Surface.Name}, GD with ε = {LearningRate:G3} from {X.Length}×{Y.Length} starts: {SuccessRate:P1} reach the global minimum, "
        + $"{LocalRate:P1} stop in the basin behind the mountain, {NotConvergedRate:P1} still moving after {MaxSteps} steps";

    /// <inheritdoc />
    public ResultTable ToTable() => new(["x", "y", "outcome", "steps"],
        Y.SelectMany((y, j) => X.Select((x, i) => (IReadOnlyList<object>)[x, y, Outcomes[j][i].ToString(), Steps[j][i]])).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>
/// The "wrong side of the mountain" as a map (Srihari, "Challenges in Neural Network Optimization"; Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions"): gradient descent with a constant step from every start of
/// a grid over <see cref="WrongSideOfMountain"/>'s plot box; each start is labelled by the minimum it reaches (global,
/// the worse local one behind the mountain, or none within the budget). The success rate is the fraction that reaches
/// the global minimum.
/// </summary>
public sealed class BasinMap : Experiment<BasinMapParameters, BasinMapResult>
{
    /// <summary>‖g‖ below this counts as converged.</summary>
    public const double GradientTolerance = 1e-6;

    /// <inheritdoc />
    public override string Name => "basin-map";

    /// <inheritdoc />
    public override string Chapter => "07";

    /// <inheritdoc />
    public override string Summary => "Which minimum gradient descent reaches from each start on the wrong-side-of-the-mountain surface.";

    /// <inheritdoc />
    public override BasinMapResult Run(BasinMapParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        cancellationToken = AmbientCancellation.Or(cancellationToken);
        var f = new WrongSideOfMountain(parameters.MountainHeight, parameters.LocalBasinDepth);
        var lo = f.Domain.PlotLower;
        var hi = f.Domain.PlotUpper;
        int n = parameters.Resolution;
        var xs = LinearInterpolation.Grid(lo[0], hi[0], n);
        var ys = LinearInterpolation.Grid(lo[1], hi[1], n);
        var outcomes = new BasinOutcome[n][];
        var steps = new int[n][];
        for (int j = 0; j < n; j++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            outcomes[j] = new BasinOutcome[n];
            steps[j] = new int[n];
            for (int i = 0; i < n; i++)
            {
                (outcomes[j][i], steps[j][i]) = Descend(f, xs[i], ys[j], parameters.LearningRate, parameters.MaxSteps);
            }

            progress?.Report((j + 1.0) / n);
        }
        return new BasinMapResult(f, xs, ys, outcomes, steps, parameters.LearningRate, parameters.MaxSteps);
    }

    /// <summary>Gradient descent θ ← θ − εg from (x, y) until ‖g‖ &lt; <see cref="GradientTolerance"/> or the budget is spent;
    /// the outcome is the known minimum within 10⁻³ of the end point, else <see cref="BasinOutcome.NotConverged"/>.</summary>
    public static (BasinOutcome Outcome, int Steps) Descend(WrongSideOfMountain surface, double x, double y, double learningRate, int maxSteps)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var theta = Vector<double>.Build.DenseOfArray([x, y]);
        int k = 0;
        for (; k < maxSteps; k++)
        {
            var g = surface.Gradient(theta);
            if (g.L2Norm() < GradientTolerance)
            {
                break;
            }

            theta.Subtract(learningRate * g, theta);
            if (!theta.ForAll(double.IsFinite))
            {
                return (BasinOutcome.NotConverged, maxSteps);
            }
        }
        return (Classify(surface, theta), k);
    }

    /// <summary>Which known minimum θ is within 10⁻³ of (<see cref="BasinOutcome.NotConverged"/> when none).</summary>
    public static BasinOutcome Classify(WrongSideOfMountain surface, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(theta);
        if ((theta - surface.GlobalMinimizer).L2Norm() < 1e-3)
        {
            return BasinOutcome.Global;
        }

        if (surface.LocalMinimizer is { } local && (theta - local).L2Norm() < 1e-3)
        {
            return BasinOutcome.Local;
        }

        return BasinOutcome.NotConverged;
    }
}
