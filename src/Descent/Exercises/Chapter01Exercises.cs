using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Exercises;

/// <summary>Exercises of chapter 01 (ill-conditioning). Every reference answer is computed by the library.</summary>
public sealed class Chapter01Exercises : IExerciseCatalog
{
    /// <summary>The quadratic the exercises use: eigenvalues 0.5 and 8 rotated by 30°, minimizer (1, −1).</summary>
    public static Quadratic Bowl { get; } = Quadratic.FromEigenvalues2D(0.5, 8.0, Math.PI / 6, Vector<double>.Build.DenseOfArray([1.0, -1.0]));

    /// <summary>The point where exercise 01.1 evaluates the gradient.</summary>
    public static Vector<double> Start { get; } = Vector<double>.Build.DenseOfArray([-2.0, 1.5]);

    /// <inheritdoc />
    public IEnumerable<Exercise> Exercises
    {
        get
        {
            yield return new NumericExercise(
                "01.1", "The optimal step along −g",
                "For `Chapter01Exercises.Bowl` at θ = `Chapter01Exercises.Start`, compute the step ε* that minimizes the "
                + "second-order Taylor model along −g, using `Gradient` and `HessianVectorProduct`.",
                () => OptimalStep(Bowl, Start),
                ["Differentiate −εgᵀg + ½ε²gᵀHg with respect to ε and set it to zero.",
                 "ε* = gᵀg / gᵀHg with g = Bowl.Gradient(Start) and Hg = Bowl.HessianVectorProduct(Start, g)."],
                relativeTolerance: 1e-6,
                mistakes:
                [
                    new(() => 1 / OptimalStep(Bowl, Start), "You inverted the ratio: the curvature gᵀHg belongs in the denominator."),
                    new(() => 1 / Bowl.Eigenvalues[^1], "1/λmax is the step for the worst-case direction; ε* uses the curvature along g itself."),
                ]);

            yield return new NumericExercise(
                "01.2", "The largest stable learning rate",
                "Gradient descent with a constant learning rate ε on `Chapter01Exercises.Bowl` converges from every start "
                + "exactly when ε is below a threshold. Compute that threshold from the Hessian's eigenvalues.",
                () => 2 / Bowl.Eigenvalues[^1],
                ["Along eigenvector i the error is multiplied by (1 − ελᵢ) each step.",
                 "|1 − ελᵢ| < 1 for every i ⇔ ε < 2/λmax; use Bowl.Eigenvalues."],
                relativeTolerance: 1e-6,
                mistakes:
                [
                    new(() => 2 / Bowl.Eigenvalues[0], "That uses λmin: the stiffest direction (λmax) is the one that blows up first."),
                    new(() => 1 / Bowl.Eigenvalues[^1], "1/λmax is stable but not the largest: |1 − ελ| < 1 allows ε up to 2/λ."),
                ]);

            yield return new NumericExercise(
                "01.3", "Iterations from the condition number",
                "With the optimal constant step 2/(λ₁ + λₙ), the error ‖θₖ − θ*‖ shrinks by (κ − 1)/(κ + 1) per step. "
                + "How many steps does it take to shrink it by a factor 10⁶ on `Chapter01Exercises.Bowl`? (Round up.)",
                () => Math.Ceiling(Math.Log(1e6) / -Math.Log(Rate(Bowl.ConditionNumber))),
                ["Solve ((κ − 1)/(κ + 1))ᵏ ≤ 10⁻⁶ for k.",
                 "k = ⌈ln 10⁶ / −ln((κ − 1)/(κ + 1))⌉ with κ = Bowl.ConditionNumber."],
                relativeTolerance: 1e-9,
                mistakes:
                [
                    new(() => Math.Ceiling(Math.Log(1e6) / -Math.Log(1 - 1 / Bowl.ConditionNumber)),
                        "(1 − 1/κ) is the rate with step 1/λmax; the optimal step 2/(λ₁ + λₙ) gives (κ − 1)/(κ + 1)."),
                    new(() => Math.Ceiling(Math.Log(1e6) / -Math.Log(Rate(Math.Sqrt(Bowl.ConditionNumber)))),
                        "(√κ − 1)/(√κ + 1) is the rate of tuned momentum, not of plain gradient descent."),
                ]);
        }
    }

    /// <summary>ε* = gᵀg / gᵀHg at θ (Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions").</summary>
    private static double OptimalStep(Objective f, Vector<double> theta)
    {
        var g = f.Gradient(theta);
        return g.DotProduct(g) / g.DotProduct(f.HessianVectorProduct(theta, g));
    }

    private static double Rate(double kappa) => (kappa - 1) / (kappa + 1);
}
