using Descent.Functions;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="CliffJump"/>: gradient descent on the <see cref="Functions.ProductCliff"/> from above
/// the wall and from the plateau below it, with and without clipping by norm.</summary>
public sealed record CliffJumpParameters
{
    /// <summary>k ≥ 1: layers per shared weight (the chain has 2k layers).</summary>
    public int LayersPerWeight { get; init; } = 5;

    /// <summary>Start on the face of the wall, (a, b).</summary>
    public double[] AboveStart { get; init; } = [1.3, 1.3];

    /// <summary>ε for the start above: stable on the ledge (below 1/(k²y^(2−1/k)) = 0.04 for k = 5).</summary>
    public double AboveLearningRate { get; init; } = 0.03;

    /// <summary>Start on the plateau, (a, b).</summary>
    public double[] BelowStart { get; init; } = [0.2, 1.2];

    /// <summary>ε for the start below: large enough to cross the plateau in a few dozen steps.</summary>
    public double BelowLearningRate { get; init; } = 0.1;

    /// <summary>Threshold v &gt; 0 of clipping by norm: every step has length ≤ ε·v.</summary>
    public double ClipNorm { get; init; } = 1.0;

    /// <summary>Gradient-descent steps per run, ≥ 1.</summary>
    public int Steps { get; init => field = Guard.AtLeast(value, 1, nameof(Steps)); } = 200;
}

/// <summary>
/// Srihari, "Challenges in Neural Network Optimization", §4, and Harakeh, "Optimization for Training Deep Models", "Cliffs And Exploding Gradients": "on the face of an extremely steep cliff the gradient update step can move the parameters extremely far,
/// usually jumping off the cliff altogether"; "very dangerous when approached from above or below". Gradient descent on
/// <see cref="ProductCliff"/> L(a, b) = ½(aᵏbᵏ − y)² started on the wall (above) and on the plateau (below), each plain
/// and with clipping by norm (Pascanu et al. 2013): Δθ = −ε·g·min(1, v/‖g‖), so every step has length ≤ εv.
/// </summary>
public sealed class CliffJump : Experiment<CliffJumpParameters, CliffJumpResult>
{
    /// <inheritdoc />
    public override string Name => "cliff-jump";

    /// <inheritdoc />
    public override string Chapter => "04";

    /// <inheritdoc />
    public override string Summary => "Gradient descent jumps off a cliff made by multiplying weights, from above and from below; clipping by norm keeps it on.";

    /// <inheritdoc />
    public override CliffJumpResult Run(CliffJumpParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var cliff = new ProductCliff(parameters.LayersPerWeight);
        var above = Start(parameters.AboveStart, nameof(parameters.AboveStart));
        var below = Start(parameters.BelowStart, nameof(parameters.BelowStart));
        var options = new TrainingOptions { MaxSteps = parameters.Steps };
        var clip = new ClipByGlobalNorm(parameters.ClipNorm);
        TrainingResult Go(Vector<double> start, double lr, bool clipped, double done)
        {
            var optimizer = Optimizers.GradientDescent(Rate(lr));
            var r = Trainer.Run(cliff, clipped ? optimizer.Prepend(clip) : optimizer, start, options, cancellationToken);
            progress?.Report(done);
            return r;
        }
        return new CliffJumpResult(
            Go(above, parameters.AboveLearningRate, false, 0.25), Go(above, parameters.AboveLearningRate, true, 0.5),
            Go(below, parameters.BelowLearningRate, false, 0.75), Go(below, parameters.BelowLearningRate, true, 1.0), parameters);
    }

    private static double Rate(double lr) =>
        lr > 0 && double.IsFinite(lr) ? lr : throw new ArgumentOutOfRangeException("parameters", lr, "learning rates must be finite and > 0.");

    private static Vector<double> Start(double[]? xy, string name) =>
        xy is { Length: 2 } && xy.All(double.IsFinite)
            ? Vector<double>.Build.DenseOfArray((double[])xy.Clone())
            : throw new ArgumentException($"{name} must hold two finite numbers (a, b).", "parameters");
}

/// <summary>Result of <see cref="CliffJump"/>: four runs on the product cliff — from above and from below, plain and clipped.</summary>
/// <param name="AbovePlain">Plain gradient descent started on the wall.</param>
/// <param name="AboveClipped">The same with clipping by norm.</param>
/// <param name="BelowPlain">Plain gradient descent started on the plateau.</param>
/// <param name="BelowClipped">The same with clipping by norm.</param>
/// <param name="Parameters">The parameters used.</param>
public sealed record CliffJumpResult(TrainingResult AbovePlain, TrainingResult AboveClipped, TrainingResult BelowPlain,
    TrainingResult BelowClipped, CliffJumpParameters Parameters) : IExperimentResult
{
    /// <summary>The runs in the order above-plain, above-clipped, below-plain, below-clipped.</summary>
    public IReadOnlyList<TrainingResult> Runs => [AbovePlain, AboveClipped, BelowPlain, BelowClipped];

    /// <summary>Legend names of <see cref="Runs"/>.</summary>
    public IReadOnlyList<string> Names =>
    [
        $"from above, plain GD (ε = {Parameters.AboveLearningRate:G3})", $"from above, clipped ‖g‖ ≤ {Parameters.ClipNorm:G3}",
        $"from below, plain GD (ε = {Parameters.BelowLearningRate:G3})", $"from below, clipped ‖g‖ ≤ {Parameters.ClipNorm:G3}",
    ];

    /// <summary>Largest step ‖θₖ₊₁ − θₖ‖ of a run.</summary>
    public static double LargestStep(TrainingResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.StepLengths.Length == 0 ? 0 : run.StepLengths.Max();
    }

    /// <inheritdoc />
    public string Summary =>
        string.Join("\n", Runs.Zip(Names, (r, n) =>
            $"{n}: largest step {LargestStep(r):G3}, final loss {r.Loss:G3} after {r.Steps} steps{(r.Diverged ? " (diverged)" : "")}, θ = ({r.Theta[0]:G3}, {r.Theta[1]:G3})"));

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["run", "first_step", "largest_step", "final_loss", "steps", "diverged"],
        Runs.Zip(Names, (r, n) => (IReadOnlyList<object>)[n, r.StepLengths.Length == 0 ? 0.0 : r.StepLengths[0], LargestStep(r), r.Loss, r.Steps, r.Diverged]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}
