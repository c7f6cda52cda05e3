using Descent.Curvature;
using Descent.Functions;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Exercises;

/// <summary>Exercises of chapter 08 (convergence theory and its limits). Every reference answer is computed by the library.</summary>
public sealed class Chapter08Exercises : IExerciseCatalog
{
    /// <summary>The surface of exercise 08.1: <see cref="RampedDoubleWell"/> with a = 3, b = 0.5, so M = max(1, a − 1, b) = 2
    /// comes from the saddle's negative curvature 1 − a = −2.</summary>
    public static RampedDoubleWell DeepWell { get; } = new(3.0, 0.5);

    /// <summary>The surface of exercises 08.2 and 08.3: <see cref="RampedDoubleWell"/> with a = 2, b = 1 (M = 1).</summary>
    public static RampedDoubleWell Surface { get; } = new();

    /// <summary>The learning rate of exercise 08.2.</summary>
    public const double SaddleLearningRate = 0.5;

    /// <summary>Steps exercise 08.2 runs from the learner's start.</summary>
    public const int SaddleSteps = 200;

    /// <summary>The start of exercise 08.3: (0.5, 20), far up the ramp.</summary>
    public static Vector<double> RampStart { get; } = Vector<double>.Build.DenseOfArray([0.5, 20.0]);

    /// <summary>The chain of exercise 08.4: n = 21, M = 1.</summary>
    public static NesterovChain Chain { get; } = new(21, 1.0);

    /// <inheritdoc />
    public IEnumerable<Exercise> Exercises
    {
        get
        {
            yield return new NumericExercise(
                "08.1", "The best learning rate given M",
                "Yarotsky (Optimization of neural networks, section Proof): each gradient step lowers L by at least c‖∇L‖² with c = α(1 − Mα/2), and the bound on min‖∇L‖ "
                + "is c^{−1/2}N^{−1/2}(L(W₁) − min L)^{1/2}. For `Chapter08Exercises.DeepWell` (L = ½x² − 3·log cosh x + 0.5·log cosh y), "
                + "find M = sup‖∇²L‖₂ and the learning rate α that makes the bound smallest.",
                () => GradientDescentGuarantee.OptimalLearningRate(DeepWell.GradientLipschitzConstant),
                ["The bound shrinks as c grows: maximize c(α) = α − Mα²/2. The Hessian is diag(1 − a·sech²x, b·sech²y).",
                 "c′(α) = 1 − Mα = 0 gives α = 1/M, with M = max(1, a − 1, b) — the saddle's curvature 1 − a counts through its absolute value."],
                relativeTolerance: 1e-6,
                mistakes:
                [
                    new(() => 2 / DeepWell.GradientLipschitzConstant, "2/M is where the guarantee vanishes (c = 0); the best α is half of it."),
                    new(() => 1.0, "That is 1/M with M = 1, the curvature far out in x; at the saddle |1 − a| = 2 is larger, so M = 2."),
                    new(() => 2.0, "That is 2/M with M = 1: both the wrong M (|1 − a| = 2 at the saddle) and the edge where c = 0."),
                ]);

            yield return new CodeExercise<double[]>(
                "08.2", "Gradient descent converging to a stationary point that is not a minimum",
                $"Yarotsky (Optimization of neural networks, section Formulation in terms of stopping condition) asks for an example of gradient descent converging to a stationary point which is not a (local or global) minimum. "
                + $"Give a start θ₀ = (x, y) (a `double[]` of two numbers, not itself a stationary point) from which gradient descent with "
                + $"α = {SaddleLearningRate} on `Chapter08Exercises.Surface` converges, within {SaddleSteps} steps, to a point that is not a minimum.",
                CheckSaddleStart,
                () => [0.0, 1.0],
                () => [[0.1, 1.0], [0.0, 0.0], [1.0, 0.0]],
                ["The surface has a saddle at (0, 0): curvature 1 − a = −1 along x, b = 1 along y. Which starts never feel the negative curvature?",
                 "∂L/∂x = x − a·tanh x vanishes on the whole line x = 0, so a start (0, y) keeps x = 0 forever while y → 0."]);

            yield return new NumericExercise(
                "08.3", "Steps the bound guarantees",
                "Gradient descent with α = 0.5/M on `Chapter08Exercises.Surface` (M = `Surface.GradientLipschitzConstant`, "
                + "min L = `Surface.MinimumValue`) starts at `Chapter08Exercises.RampStart`. With the stopping rule ‖∇L‖ < ε, ε = 0.1, "
                + "at most how many steps does Yarotsky's bound allow before it fires? (Give the bound itself, not rounded.)",
                () => Guarantee().StepsBound(0.1),
                ["Every step with ‖∇L‖ ≥ ε lowers L by at least cε², c = α(1 − Mα/2), and L can fall by at most L(θ₀) − min L in total.",
                 "N ≤ (L(θ₀) − min L)/(cε²): use new GradientDescentGuarantee(M, α, gap).StepsBound(0.1)."],
                relativeTolerance: 1e-6,
                mistakes:
                [
                    new(() => Guarantee().InitialGap / (0.1 * 0.1), "You left out c = α(1 − Mα/2): the decrease per step is c‖∇L‖², not ‖∇L‖²."),
                    new(() => Guarantee().InitialGap / (Guarantee().StepFactor * 0.1), "The bound divides by ε², not ε: the decrease per step is cε²."),
                    new(() => Surface.Value(RampStart) / (Guarantee().StepFactor * 0.01), "Use the gap L(θ₀) − min L; min L = Surface.MinimumValue is negative here, not 0."),
                ]);

            yield return new NumericExercise(
                "08.4", "The limit of first-order methods",
                "On `Chapter08Exercises.Chain` (Nesterov's chain, n = 21, M = 1) every first-order method started at 0 has its k-th iterate in "
                + "span{e₁, …, e_k}. What is the smallest gap f(x₅) − f* that any such method can reach after k = 5 gradient evaluations?",
                () => Chain.KrylovGap(5),
                ["Minimize f over vectors whose entries beyond the 5th are 0: that is the same chain with n = 5.",
                 "min over span{e₁…e_k} is (M/8)(−1 + 1/(k+1)) and f* = (M/8)(−1 + 1/(n+1)); subtract."],
                relativeTolerance: 1e-6,
                mistakes:
                [
                    new(() => Chain.Smoothness / 8 / 6, "(M/8)/(k+1) is the gap to −M/8; f* = (M/8)(−1 + 1/(n+1)) is a little higher, subtract 1/(n+1) too."),
                    new(() => 3 * Chain.Smoothness * Chain.SquaredDistanceFromOrigin / (32.0 * 36), "3M‖x*‖²/(32(k+1)²) is Nesterov's bound for the chain with n = 2k + 1 = 11; on this n = 21 chain compute the Krylov minimum directly."),
                ]);
        }
    }

    private static GradientDescentGuarantee Guarantee()
    {
        double m = Surface.GradientLipschitzConstant;
        return new GradientDescentGuarantee(m, 0.5 / m, Surface.Value(RampStart) - Surface.MinimumValue);
    }

    /// <summary>Runs GD from the learner's start and classifies where it ended.</summary>
    private static CodeCheck CheckSaddleStart(double[] start)
    {
        if (start is null || start.Length != 2 || start.Any(v => !double.IsFinite(v)))
        {
            return new CodeCheck(false, "the start must be two finite numbers, e.g. new[] { 0.3, -1.0 }.");
        }

        var theta0 = Vector<double>.Build.DenseOfArray(start);
        if (Surface.Gradient(theta0).L2Norm() < 1e-12)
        {
            return new CodeCheck(false, $"({start[0]:G4}, {start[1]:G4}) is already a stationary point: gradient descent does not move, so it does not converge *to* it.",
                "Start somewhere with ∇L ≠ 0 from which the iterates still end at the saddle.");
        }

        var run = Trainer.Run(Surface, Optimizers.GradientDescent(SaddleLearningRate), theta0, new TrainingOptions { MaxSteps = SaddleSteps, RecordThetaEvery = 0 });
        var limit = CriticalPoint.Classify(Surface, run.Theta, gradientTolerance: 1e-8);
        string where = $"after {run.Steps} steps θ = ({run.Theta[0]:G4}, {run.Theta[1]:G4}), ‖∇L‖ = {run.GradientNorm:G3}";
        if (!limit.IsCritical)
        {
            return new CodeCheck(false, $"{where}: not converged to a stationary point.");
        }

        if (limit.Kind == CriticalPointKind.Minimum)
        {
            return new CodeCheck(false, $"{where}: that is a minimum.",
                Math.Abs(start[0]) > 0 ? "Any x ≠ 0, however small, grows like (1 + α(a − 1))ⁿ near the saddle: start with x exactly 0." : null);
        }

        return new CodeCheck(true, $"{where}: a {limit.Kind.ToString().ToLowerInvariant()} with Hessian eigenvalues ({limit.Eigenvalues[0]:G3}, {limit.Eigenvalues[1]:G3}) — a stationary point that is not a minimum, reached from the measure-zero line x = 0.");
    }
}
