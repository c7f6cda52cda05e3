using Descent.Functions;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

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
