using Descent.Experiments;
using Descent.Functions;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Exercises;

/// <summary>Exercises of chapter 04 (cliffs and exploding gradients). Every reference answer is computed by the library.</summary>
public sealed class Chapter04Exercises : IExerciseCatalog
{
    /// <summary>The product cliff ½(a⁵b⁵ − 1)² of the chapter.</summary>
    public static ProductCliff Cliff { get; } = new();

    /// <summary>A point on the face of the wall.</summary>
    public static Vector<double> OnTheWall { get; } = Vector<double>.Build.DenseOfArray([1.25, 1.1]);

    /// <summary>The learning rate of exercises 04.1 and 04.2.</summary>
    public const double LearningRate = 0.03;

    /// <summary>The single-unit RNN of Pascanu et al. (2013): T = 50, h₀ = 0.5, target 0.7, sigmoid.</summary>
    public static SingleUnitRnn Rnn { get; } = new();

    /// <inheritdoc />
    public IEnumerable<Exercise> Exercises
    {
        get
        {
            double gradientNorm = Cliff.Gradient(OnTheWall).L2Norm();
            yield return new NumericExercise(
                "04.1", "How far does one step jump?",
                "On `Chapter04Exercises.Cliff` at θ = `Chapter04Exercises.OnTheWall`, how long is one plain gradient-descent step "
                + "‖θₖ₊₁ − θₖ‖ with ε = `Chapter04Exercises.LearningRate`? Compare it with the size of the plotted region (about 1.8).",
                () => LearningRate * gradientNorm,
                ["The step is −εg, so its length is ε‖g‖.", "Chapter04Exercises.LearningRate * Chapter04Exercises.Cliff.Gradient(Chapter04Exercises.OnTheWall).L2Norm()"],
                relativeTolerance: 1e-6,
                mistakes:
                [
                    new(() => gradientNorm, "That is ‖g‖ itself; the step is scaled by the learning rate ε."),
                    new(() => LearningRate * Cliff.Gradient(OnTheWall).Sum(), "Adding the components is not a length: use the Euclidean norm ‖g‖ = √(g₁² + g₂²)."),
                ]);

            yield return new NumericExercise(
                "04.2", "The clip threshold that makes the step safe",
                "With clipping by norm, the step is −ε·g·min(1, v/‖g‖). Which threshold v makes the step from "
                + "`Chapter04Exercises.OnTheWall` (ε = `Chapter04Exercises.LearningRate`) exactly 0.05 long — short enough to stay "
                + "within the ledge's width?",
                () => 0.05 / LearningRate,
                ["A clipped step has length ε·v whenever ‖g‖ > v.", "Solve ε·v = 0.05 (check that ‖g‖ > v, so the clip is active)."],
                relativeTolerance: 1e-6,
                mistakes:
                [
                    new(() => 0.05, "v bounds ‖g‖, not the step: the step is ε·v long."),
                    new(() => 0.05 * LearningRate, "The step is ε·v, so v = 0.05/ε, not 0.05·ε."),
                    new(() => 0.05 / (LearningRate * gradientNorm), "That is the factor the gradient is scaled by, min(1, v/‖g‖), not v itself."),
                ]);

            yield return new NumericExercise(
                "04.3", "Where is the wall?",
                "For `Chapter04Exercises.Rnn` (hₜ = w·σ(hₜ₋₁) + b, h₀ = 0.5), at which bias b does the loss surface have its wall "
                + "when w = 10? Use the fixed-point argument of section 3, then check it with `RnnCliff.LocateWall`.",
                () => RnnCliff.PredictedWall(Rnn, 10),
                ["The orbit h₀, h₁, … goes up for ever when h₁ > h₀ and down when h₁ < h₀ (the map is increasing).",
                 "The wall is where h₁ = h₀: h₀ = 10·σ(h₀) + b, so b = h₀ − 10·σ(h₀) with σ(0.5) = 1/(1 + e^−0.5)."],
                relativeTolerance: 1e-9,
                mistakes:
                [
                    new(() => -10 * Elementwise.Sigmoid(Rnn.InitialState), "You dropped h₀: the condition is h₀ = wσ(h₀) + b."),
                    new(() => Rnn.InitialState - 10 * Rnn.InitialState, "σ(h₀) is the sigmoid of h₀ = 0.5, about 0.6225, not h₀ itself."),
                    new(() => Rnn.Target - 10 * Elementwise.Sigmoid(Rnn.Target), "The wall is where the start h₀ = 0.5 is a fixed point, not the target 0.7."),
                ]);

            var g = Cliff.Gradient(OnTheWall);
            var clipped = g.Map(x => Math.Clamp(x, -1.0, 1.0));
            yield return new NumericExercise(
                "04.4", "Clipping by value turns the step",
                "Clip the gradient at `Chapter04Exercises.OnTheWall` by value with c = 1 (each component clamped to [−1, 1]). By how many "
                + "degrees does its direction differ from the gradient's? (Clipping by norm would give 0.)",
                () => Math.Acos(g.DotProduct(clipped) / (g.L2Norm() * clipped.L2Norm())) * 180 / Math.PI,
                ["Clamp each component, then compare directions with cos∠ = g·ĝ / (‖g‖‖ĝ‖).",
                 "var g = Chapter04Exercises.Cliff.Gradient(Chapter04Exercises.OnTheWall); var c = g.Map(x => Math.Clamp(x, -1.0, 1.0)); "
                 + "then Math.Acos(g.DotProduct(c) / (g.L2Norm() * c.L2Norm())) * 180 / Math.PI."],
                relativeTolerance: 1e-4,
                mistakes:
                [
                    new(() => Math.Acos(g.DotProduct(clipped) / (g.L2Norm() * clipped.L2Norm())), "That is in radians; the question asks for degrees."),
                    new(() => Math.Atan2(g[1], g[0]) * 180 / Math.PI, "That is the angle of g with the a axis; compare g with the clipped vector instead."),
                ]);
        }
    }
}
