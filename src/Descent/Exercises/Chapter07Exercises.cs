using Descent.Experiments;
using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Exercises;

/// <summary>Exercises of chapter 07 (local vs global structure). Every reference answer is computed by the library.</summary>
public sealed class Chapter07Exercises : IExerciseCatalog
{
    private static readonly Lazy<LinearInterpolationResult> Interpolation = new(() => new LinearInterpolation().Run());

    /// <summary>The surface of exercises 07.1 and 07.3: <see cref="WrongSideOfMountain"/> with its defaults (M = 3, d = 1).</summary>
    public static WrongSideOfMountain Mountain { get; } = new();

    /// <summary>The start of exercise 07.3.</summary>
    public static Vector<double> Start { get; } = Vector<double>.Build.DenseOfArray([-3.0, -2.0]);

    /// <inheritdoc />
    public IEnumerable<Exercise> Exercises
    {
        get
        {
            yield return new NumericExercise(
                "07.1", "The barrier of a path, from its loss curve",
                "Sample L of `Chapter07Exercises.Mountain` at 101 evenly spaced points t = 0, 0.01, …, 1 on the straight segment "
                + "from its local minimum (`LocalMinimizer`, t = 0) to its global minimum (`GlobalMinimizer`, t = 1), and compute the "
                + "segment's loss barrier B = maxₜ [L(t) − ((1 − t)L(0) + tL(1))].",
                () => LossBarrier.Height(SegmentLosses()),
                ["The barrier is measured from the chord joining the two end values, not from either end.",
                 "var a = Mountain.LocalMinimizer!; var b = Mountain.GlobalMinimizer; losses[k] = Mountain.Value(a + k / 100.0 * (b - a)); then LossBarrier.Height(losses)."],
                relativeTolerance: 1e-6,
                mistakes:
                [
                    new(() => SegmentLosses().Max() - SegmentLosses()[0], "That is the rise above the start (the higher end); the barrier is measured from the chord between both ends."),
                    new(() => SegmentLosses().Max() - SegmentLosses()[^1], "That is the rise above the lower end; the barrier is measured from the chord between both ends."),
                    new(() => SegmentLosses().Max(), "That is the highest loss itself; subtract the chord (1 − t)L(0) + tL(1) at each t first."),
                ]);

            yield return new NumericExercise(
                "07.2", "Where along the line is the validation loss lowest?",
                "Run `new LinearInterpolation().Run()` (the chapter's digits network, α ∈ [−0.5, 1.5] in steps of 0.05). At which α "
                + "on the grid is the **validation** loss lowest?",
                () => Interpolation.Value.AlphaOfMinimumValidationLoss,
                ["Look up the index of the smallest entry of `ValidationLosses`, then read `Alphas` at that index.",
                 "var r = new LinearInterpolation().Run(); r.Alphas[Array.IndexOf(r.ValidationLosses, r.ValidationLosses.Min())]."],
                relativeTolerance: 0.01,
                mistakes:
                [
                    new(() => 1.0, "α = 1 is SGD's solution θ*, but the validation loss keeps falling a little beyond it — read the curve."),
                    new(() => Interpolation.Value.AlphaOfMinimumTrainLoss, "That is where the *training* loss is lowest; the question asks for the validation loss."),
                ]);

            yield return new NumericExercise(
                "07.3", "Which basin does a start fall into?",
                "Run gradient descent with ε = 0.25 on `Chapter07Exercises.Mountain` from θ₀ = `Chapter07Exercises.Start` = (−3, −2) "
                + "until it stops moving (1,000 steps are plenty). What loss L does it reach?",
                () => FinalLoss(),
                ["Compare the end point with `Mountain.GlobalMinimizer` and `Mountain.LocalMinimizer`.",
                 "BasinMap.Descend(Mountain, -3, -2, 0.25, 1000) tells you the basin; or Trainer.Run(Mountain, Optimizers.GradientDescent(0.25), Start, new TrainingOptions { MaxSteps = 1000 }).Loss."],
                relativeTolerance: 1e-4,
                mistakes:
                [
                    new(() => OtherMinimumLoss(), "That is the other minimum's loss: follow the gradient from (−3, −2), not the straight line."),
                    new(() => Mountain.Value(Start), "That is the loss at the start; run gradient descent to the end."),
                ]);

            yield return new NumericExercise(
                "07.4", "How fast does the weight norm grow on separable data?",
                "On the chapter's separable data set, softmax cross-entropy has no minimizer and gradient descent from θ₀ = 0 follows "
                + "θ(t) ≈ θ̂·ln t/√2 + const, with θ̂ the unit max-margin direction (Soudry et al. 2018). Predict ‖θ(10⁵)‖ − ‖θ(10⁴)‖.",
                () => SeparableNormGrowthResult.PredictedSlope * Math.Log(10),
                ["One decade of steps adds ln 10 to ln t.",
                 "Δ‖θ‖ = (1/√2)·(ln 10⁵ − ln 10⁴) = ln 10 / √2."],
                relativeTolerance: 0.02,
                mistakes:
                [
                    new(() => SeparableNormGrowthResult.PredictedSlope, "That is the growth per unit of ln t; a decade adds ln 10 to ln t."),
                    new(() => Math.Log(10), "You dropped the 1/√2: the two class weight vectors share the margin direction (w₀ = −w₁)."),
                    new(() => 1.0, "ln(10⁵) − ln(10⁴) is ln 10 ≈ 2.30, not 1 — use natural logarithms."),
                ],
                absoluteFloor: 1e-9);
        }
    }

    private static double[] SegmentLosses()
    {
        var a = Mountain.LocalMinimizer!;
        var b = Mountain.GlobalMinimizer;
        return Enumerable.Range(0, 101).Select(k => Mountain.Value(a + k / 100.0 * (b - a))).ToArray();
    }

    private static double FinalLoss()
    {
        var (outcome, _) = BasinMap.Descend(Mountain, Start[0], Start[1], 0.25, 1000);
        return Mountain.Value(outcome == BasinOutcome.Global ? Mountain.GlobalMinimizer : Mountain.LocalMinimizer!);
    }

    private static double OtherMinimumLoss()
    {
        var (outcome, _) = BasinMap.Descend(Mountain, Start[0], Start[1], 0.25, 1000);
        return Mountain.Value(outcome == BasinOutcome.Global ? Mountain.LocalMinimizer! : Mountain.GlobalMinimizer);
    }
}
