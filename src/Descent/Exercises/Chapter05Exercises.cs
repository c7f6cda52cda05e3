using Descent.Experiments;
using MathNet.Numerics;

namespace Descent.Exercises;

/// <summary>Exercises of chapter 05 (long-term dependencies). Every reference answer is computed by the library.</summary>
public sealed class Chapter05Exercises : IExerciseCatalog
{
    /// <summary>Width of the deep chain in exercise 05.3.</summary>
    public const int Width = 32;

    /// <inheritdoc />
    public IEnumerable<Exercise> Exercises
    {
        get
        {
            double middle = MatrixPowers.ComplexEigen(MatrixPowers.HandBuiltMatrix()).Eigenvalues.Select(z => z.Magnitude).Order().ElementAt(1);
            yield return new NumericExercise(
                "05.1", "How fast does a component vanish?",
                "For `MatrixPowers.HandBuiltMatrix()` (eigenvalues 1.1, 0.9 and 0.5), after how many multiplications by W has the "
                + "component of x along the eigenvector of λ = 0.9 shrunk below 1 % of its starting size? (The smallest whole t.)",
                () => Math.Ceiling(Math.Log(0.01) / Math.Log(middle)),
                ["The component along vᵢ is multiplied by λᵢ at every step: after t steps it is λᵢᵗ times its start.",
                 "Solve 0.9ᵗ < 0.01: t > ln 0.01 / ln 0.9, rounded up."],
                relativeTolerance: 1e-9,
                mistakes:
                [
                    new(() => Math.Ceiling(Math.Log(100) / 0.1), "ln 0.9 ≈ −0.1 is too rough here: it is −0.1054, which changes the answer."),
                    new(() => Math.Ceiling(Math.Log(0.01) / Math.Log(0.5)), "That is the component of λ = 0.5; the question asks about λ = 0.9."),
                    new(() => Math.Floor(Math.Log(0.01) / Math.Log(middle)), "At that t the component is still just above 1 %: round up."),
                ]);

            yield return new NumericExercise(
                "05.2", "The spectral radius that keeps a signal",
                "In a linear RNN with W = ρQ (Q orthogonal), ‖∂h_T/∂h_{T−k}‖ = ρᵏ exactly. Which ρ makes the gradient from 50 steps "
                + "back exactly 10⁻³ of the gradient at the last step?",
                () => Math.Pow(1e-3, 1.0 / 50),
                ["Solve ρ⁵⁰ = 10⁻³.", "ρ = 10^(−3/50) = exp(ln(10⁻³)/50)."],
                relativeTolerance: 1e-9,
                mistakes:
                [
                    new(() => 1 - 3.0 / 50, "That is a linearization; solve ρ⁵⁰ = 10⁻³ exactly: ρ = 10^(−3/50)."),
                    new(() => Math.Pow(1e-3, 50), "The exponent is 1/50: ρ = (10⁻³)^(1/50)."),
                    new(() => Math.Exp(-3.0 / 50), "That uses ln 10⁻³ = −3; the natural log of 10⁻³ is −3·ln 10 ≈ −6.9."),
                ]);

            yield return new NumericExercise(
                "05.3", "The scale at the edge of chaos",
                "A deep chain of independent linear layers of width n = `Chapter05Exercises.Width` with entries N(0, σ²/n) grows per "
                + "layer by γ = ln σ + ½(ψ(n/2) + ln(2/n)) on average (`DeepChain.IndependentRate`). Which σ makes γ = 0, so that signals "
                + "neither explode nor vanish?",
                () => Math.Exp(-0.5 * (SpecialFunctions.DiGamma(Width / 2.0) + Math.Log(2.0 / Width))),
                ["γ is ln σ plus a constant that depends on n only.",
                 "σ* = exp(−½(ψ(n/2) + ln(2/n))); ψ is MathNet.Numerics.SpecialFunctions.DiGamma."],
                relativeTolerance: 1e-6,
                mistakes:
                [
                    new(() => 1.0, "σ = 1 keeps the *mean square* E‖Wx‖² = ‖x‖², but the typical (log) growth is γ = ½(ψ(n/2) + ln(2/n)) < 0: slightly larger σ is needed."),
                    new(() => Math.Sqrt(2), "√2 is He et al.'s gain for ReLU layers; these layers are linear."),
                    new(() => Math.Exp(0.5 * (SpecialFunctions.DiGamma(Width / 2.0) + Math.Log(2.0 / Width))), "Check the sign: ln σ must cancel the negative constant, so σ* > 1."),
                ]);
        }
    }
}
