using Descent.Curvature;
using Descent.Experiments;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Exercises;

/// <summary>Exercises of chapter 02 (local minima). Every reference answer is computed by the library.</summary>
public sealed class Chapter02Exercises : IExerciseCatalog
{
    /// <summary>Hidden widths of the network in exercise 02.1: three hidden layers of 6 units.</summary>
    public static int[] Widths { get; } = [6, 6, 6];

    /// <summary>The teacher–student problem of exercise 02.3: k = n = 4.</summary>
    public static ReluTeacherStudent Problem { get; } = new(4, 4);

    /// <summary>The critical point of exercise 02.3: every student equal to a·𝟙/√k (<see cref="SafranShamir.SymmetricCriticalPoint"/>).</summary>
    public static Vector<double> SymmetricPoint { get; } = SafranShamir.SymmetricCriticalPoint(4, 4);

    /// <summary>The small ReLU network of exercise 02.2: 3 inputs, 4 hidden units, 2 outputs, with fixed weights θ
    /// (θᵢ = sin(1.3i + 0.4) for the first layer, 0.5·cos(0.7i) for the second).</summary>
    public static Mlp Network { get; } = new([3, 4, 2], Activation.Relu, LossFunction.SquaredError,
        Matrix<double>.Build.Dense(5, 3, (i, j) => Math.Sin(i + 2.0 * j)), Matrix<double>.Build.Dense(5, 2, (i, j) => Math.Cos(i - j)));

    /// <summary>θ of <see cref="Network"/>.</summary>
    public static Vector<double> NetworkTheta { get; } = Vector<double>.Build.Dense(Network.Dimension,
        i => i < Network.BiasOffset(0) + 4 ? Math.Sin(1.3 * i + 0.4) : 0.5 * Math.Cos(0.7 * i));

    /// <inheritdoc />
    public IEnumerable<Exercise> Exercises
    {
        get
        {
            yield return new NumericExercise(
                "02.1", "How many equivalent networks?",
                "A network has three hidden layers of 6 units each (`Chapter02Exercises.Widths`). How many different parameter vectors "
                + "θ compute exactly the same function by reordering hidden units alone (count the original too)?",
                () => WeightSymmetry.PermutationCount(Widths),
                ["Each hidden layer's units can be put in any order, independently of the other layers.",
                 "One layer of n units has n! orderings; m independent layers give n!^m. `WeightSymmetry.PermutationCount` checks you."],
                relativeTolerance: 1e-9,
                mistakes:
                [
                    new(() => 3 * Factorial(6), "n!·m adds the layers' orderings; they combine independently, so multiply: n!^m."),
                    new(() => Factorial(18), "(m·n)! lets units move between layers — but a unit cannot change layer."),
                    new(() => Math.Pow(6, 3), "n^m counts choices of one unit per layer, not orderings: each layer has n! orderings."),
                ]);

            yield return new NumericExercise(
                "02.2", "The rescaling that weight decay prefers",
                "In `Chapter02Exercises.Network` (ReLU), scaling the hidden layer's incoming weights and biases by α and its outgoing "
                + "weights by 1/α leaves the loss unchanged for every α > 0. Which α makes the rescaled parameters smallest in the "
                + "L2 norm, i.e. minimizes α²‖(W₀, b₀)‖² + ‖W₁‖²/α²? Use `Network.Weights(NetworkTheta, layer)` and `Network.Biases`.",
                () => WeightSymmetry.MinimumNormAlpha(Network, NetworkTheta, 1),
                ["Set the derivative of α²A + B/α² with respect to α to zero (A = ‖(W₀, b₀)‖², B = ‖W₁‖²).",
                 "α⁴ = B/A, so α* = (‖W₁‖_F / ‖(W₀, b₀)‖_F)^{1/2}; the Frobenius norm of W₀ and b₀ together is √(‖W₀‖² + ‖b₀‖²)."],
                relativeTolerance: 1e-6,
                mistakes:
                [
                    new(() => Math.Pow(WeightSymmetry.MinimumNormAlpha(Network, NetworkTheta, 1), 2),
                        "That is α*² = ‖W₁‖/‖(W₀, b₀)‖: the optimum balances α²A against B/α², so take the square root."),
                    new(() => 1 / WeightSymmetry.MinimumNormAlpha(Network, NetworkTheta, 1),
                        "That is 1/α*: α multiplies the incoming weights, so the larger outgoing norm pushes α up, not down."),
                    new(() => 1.0, "α = 1 is the network as given; the norm is smallest where α²‖(W₀, b₀)‖² = ‖W₁‖²/α²."),
                ]);

            yield return new NumericExercise(
                "02.3", "Classify a critical point from its Hessian",
                "`Chapter02Exercises.SymmetricPoint` — all four students equal — is a critical point of `Chapter02Exercises.Problem` "
                + "(check that its gradient vanishes). How many negative eigenvalues does the exact Hessian have there (its index)? "
                + "A minimum has index 0.",
                () => Spectrum.At(Problem, SymmetricPoint).NegativeCount,
                ["`Spectrum.At(Problem, SymmetricPoint)` gives the Hessian's eigenvalues; count those below 0.",
                 "Use `.NegativeCount` (it ignores eigenvalues within rounding of 0); a positive index means a saddle, not a minimum."],
                relativeTolerance: 1e-9,
                mistakes:
                [
                    new(() => 0, "Index 0 would make it a minimum: look at the smallest eigenvalues — some are negative."),
                    new(() => Spectrum.At(Problem, SymmetricPoint).PositiveCount, "That counts the positive eigenvalues; the index counts the negative ones."),
                    new(() => Problem.Dimension, "That is the number of parameters; count only the eigenvalues below 0."),
                ]);

            yield return new NumericExercise(
                "02.4", "The error bar of a spurious-minimum rate",
                "Safran & Shamir report 12.6 % of 1000 runs converging to spurious minima for k = n = 8. What is the binomial "
                + "standard error of that percentage, in percentage points?",
                () => SafranShamirPaper.Find(8, 8)!.StandardError,
                ["A proportion p̂ from N independent runs has standard error √(p̂(1 − p̂)/N).",
                 "p̂ = 0.126, N = 1000: 100·√(0.126·0.874/1000) percentage points."],
                relativeTolerance: 1e-3,
                mistakes:
                [
                    new(() => 100 * 0.126 * 0.874 / 1000, "That is the variance p̂(1 − p̂)/N; the standard error is its square root."),
                    new(() => 100 * Math.Sqrt(0.126 / 1000), "√(p̂/N) is the Poisson approximation; the binomial error has the factor (1 − p̂) too."),
                    new(() => 100 * Math.Sqrt(0.126 * 0.874 / 100), "That uses N = 100; the paper ran 1000 runs per k."),
                ]);
        }
    }

    private static double Factorial(int n) => Enumerable.Range(1, n).Aggregate(1.0, (p, j) => p * j);
}
