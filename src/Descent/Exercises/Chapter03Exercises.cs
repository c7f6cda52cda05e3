using Descent.Curvature;
using Descent.Experiments;
using Descent.Functions;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Exercises;

/// <summary>Exercises of chapter 03 (saddle points, plateaus and flat regions). Every reference answer is computed by the library.</summary>
public sealed class Chapter03Exercises : IExerciseCatalog
{
    /// <summary>The critical point of <see cref="Surface"/>.</summary>
    public static Vector<double> Critical { get; } = Vector<double>.Build.DenseOfArray([1.0, -1.0, 0.5, 0.0, 2.0, -0.5]);

    /// <summary>Exercise 03.1's surface: a quadratic in six dimensions, A = Q diag(2, 1, 0.5, 0.8, −0.3, −1.5) Qᵀ with a random
    /// rotation Q (seed 4), whose only critical point is <see cref="Critical"/>.</summary>
    public static Quadratic Surface { get; } = Quadratic.FromEigenvalues([2.0, 1.0, 0.5, 0.8, -0.3, -1.5], 4, Critical);

    /// <summary>Exercise 03.2's start, near the saddle of <see cref="SaddleAttraction.Surface"/> (½x² − ½y² + ¼y⁴).</summary>
    public static Vector<double> NearSaddle { get; } = Vector<double>.Build.DenseOfArray([0.5, 0.3]);

    /// <inheritdoc />
    public IEnumerable<Exercise> Exercises
    {
        get
        {
            yield return new NumericExercise(
                "03.1", "The index of a critical point",
                "`Chapter03Exercises.Surface` is a quadratic in six dimensions whose gradient vanishes at `Chapter03Exercises.Critical`. "
                + "What is the index of that critical point — the number of directions in which the loss goes *down*?",
                () => Spectrum.At(Surface, Critical).NegativeCount,
                ["Check first that `Surface.Gradient(Critical)` is zero; then look at the Hessian's eigenvalues there.",
                 "`Spectrum.At(Surface, Critical)` has `Eigenvalues` and `NegativeCount`; the diagonal of H is not its spectrum."],
                relativeTolerance: 1e-9,
                mistakes:
                [
                    new(() => Spectrum.At(Surface, Critical).PositiveCount, "That counts the directions where the loss goes *up* (positive eigenvalues)."),
                    new(() => Surface.Hessian(Critical).Diagonal().Count(d => d < 0),
                        "You counted negative diagonal entries of H; the index counts negative *eigenvalues* (H is not diagonal here)."),
                    new(() => (double)Spectrum.At(Surface, Critical).NegativeCount / Surface.Dimension,
                        "That is the index as a fraction of n (Dauphin's α); the question asks for the count."),
                ]);

            yield return new NumericExercise(
                "03.2", "Where Newton's step goes from near a saddle",
                "On `SaddleAttraction.Surface`, L(x, y) = ½x² − ½y² + ¼y⁴ (saddle at the origin, minima at (0, ±1)), take one pure Newton "
                + "step θ − H⁻¹g from `Chapter03Exercises.NearSaddle` = (0.5, 0.3). How far from the saddle does it land (Euclidean distance)?",
                () => NewtonStep(SaddleAttraction.Surface, NearSaddle).L2Norm(),
                ["g = `Surface.Gradient(θ)`, H = `Surface.Hessian(θ)`; the step solves HΔ = −g (`H.Solve(g)`).",
                 "Along y the curvature −1 + 3y² is negative at y = 0.3, so Newton moves *towards* the critical point of the local model: the saddle."],
                relativeTolerance: 1e-6,
                mistakes:
                [
                    new(() => NearSaddle.L2Norm(), "That is the distance before the step."),
                    new(() => SaddleFreeStep(SaddleAttraction.Surface, NearSaddle).L2Norm(),
                        "That is the saddle-free Newton step θ − |H|⁻¹g, which flees the saddle; plain Newton uses H itself."),
                    new(() => (NearSaddle - SaddleAttraction.Surface.Gradient(NearSaddle)).L2Norm(),
                        "That is a gradient step with ε = 1, not a Newton step."),
                ]);

            yield return new NumericExercise(
                "03.3", "Escaping along negative curvature",
                "Gradient descent with ε = 0.1 on x₁² − x₂² (`new SaddleQuadratic()`) starts at (0, 10⁻⁶), a millionth off the "
                + "stable manifold x₂ = 0. After how many steps is |x₂| ≥ 1 for the first time?",
                () => StableManifold.PredictedEscapeSteps(1e-6, 1.0, 0.1, -new SaddleQuadratic().HessianEigenvalues[0]),
                ["Each step multiplies x₂ by 1 − ελ with λ the Hessian eigenvalue along x₂ (`HessianEigenvalues`).",
                 "The Hessian of x₁² − x₂² is diag(2, −2): x₂ grows by (1 + 0.1·2) per step; solve 1.2ᵏ·10⁻⁶ ≥ 1 and round up."],
                relativeTolerance: 1e-9,
                mistakes:
                [
                    new(() => Math.Ceiling(Math.Log(1e6) / Math.Log(1.1)),
                        "You used the coefficient 1 of x₂² as the curvature; the second derivative of −x₂² is −2."),
                    new(() => Math.Ceiling(Math.Log(1e6) / 0.2),
                        "That is gradient flow, e^{ε|λ|k}; discrete steps grow by (1 + ε|λ|) each, slightly slower."),
                ]);

            yield return new NumericExercise(
                "03.4", "Saxe's time to learn a mode",
                "In a two-layer linear network started small and decoupled, a mode of strength s grows as "
                + "u(t) = s / (1 + (s/u₀ − 1)e^{−2st}). For s = 2 and u₀ = 10⁻³, at what time t is half the mode learned (u = s/2)?",
                () => SaxeLearningCurve.HalfTime(2.0, 1e-3),
                ["Set u(t) = s/2 and solve for the exponential.",
                 "t½ = ln(s/u₀ − 1)/(2s); `SaxeLearningCurve.ModeStrength(2, 1e-3, t)` lets you check your answer."],
                relativeTolerance: 1e-4,
                mistakes:
                [
                    new(() => Math.Log(2.0 / 1e-3 - 1) / 2.0, "You lost the factor 2 in the exponent e^{−2st}."),
                    new(() => 1 / 2.0, "1/s gives the scaling with s, but the plateau also lasts ln(s/u₀) — it depends on how small the start is."),
                ]);

            yield return new NumericExercise(
                "03.5", "What a random perturbation costs at a sharp minimum",
                "At the sharp minimum b of `new FlatAndSharpMinima(dimension: 10)` the weights are moved by a random ξ of length δ = 0.05 "
                + "(uniform direction). Using the second-order model, what is the expected loss increase E[L(b + ξ)] − L(b)?",
                () => 0.05 * 0.05 * Spectrum.At(Sharp, Sharp.SharpMinimizer).Trace / (2 * Sharp.Dimension),
                ["L(b + ξ) − L(b) ≈ ½ξᵀHξ at a minimum; for a uniform direction E[ξξᵀ] = δ²I/n.",
                 "E[½ξᵀHξ] = δ²·tr H/(2n): use `Spectrum.At(f, f.SharpMinimizer).Trace` (or `SharpHessianTrace`) and n = 10."],
                relativeTolerance: 1e-4,
                mistakes:
                [
                    new(() => 0.05 * 0.05 * Spectrum.At(Sharp, Sharp.SharpMinimizer).Trace / 2,
                        "You forgot the 1/n: a unit direction puts only 1/n of its weight on each eigenvector on average."),
                    new(() => 0.05 * 0.05 * Spectrum.At(Sharp, Sharp.FlatMinimizer).Trace / (2 * Sharp.Dimension),
                        "That is the flat minimum's trace; the question asks about the sharp one (b = SharpMinimizer)."),
                ]);
        }
    }

    private static FlatAndSharpMinima Sharp { get; } = new(dimension: 10);

    /// <summary>θ − H⁻¹g.</summary>
    private static Vector<double> NewtonStep(Objective f, Vector<double> theta) =>
        theta - f.Hessian(theta).Solve(f.Gradient(theta));

    /// <summary>θ − |H|⁻¹g with |H| = Q|Λ|Qᵀ.</summary>
    private static Vector<double> SaddleFreeStep(Objective f, Vector<double> theta) =>
        theta - Spectrum.At(f, theta).Apply(l => 1 / Math.Abs(l)) * f.Gradient(theta);
}
