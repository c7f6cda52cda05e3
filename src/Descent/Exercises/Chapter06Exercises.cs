using Descent.Experiments;
using Descent.Models;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Exercises;

/// <summary>Exercises of chapter 06 (inexact gradients). Every reference answer is computed by the library.</summary>
public sealed class Chapter06Exercises : IExerciseCatalog
{
    private static readonly Lazy<double> s_sigma = new(() =>
    {
        var (mlp, theta) = MinibatchError.MeasurementPoint(new MinibatchErrorParameters());
        return GradientNoise.StandardDeviation(mlp, theta);
    });

    /// <summary>σ of the per-example gradients of the digits MLP at the θ of <see cref="MinibatchError"/> (default parameters).</summary>
    public static double Sigma => s_sigma.Value;

    /// <summary>Target standard error of exercise 06.1.</summary>
    public const double TargetError = 0.1;

    /// <summary>Curvature λ of the noisy quadratic of exercises 06.2 and 06.3.</summary>
    public const double Curvature = 4.0;

    /// <summary>Variance s₁² of one example's gradient noise in exercises 06.2 and 06.3.</summary>
    public const double ExampleNoiseVariance = 2.0;

    /// <summary>Batch size B of exercises 06.2 and 06.3.</summary>
    public const int BatchSize = 8;

    /// <summary>Learning rate ε of exercise 06.2.</summary>
    public const double LearningRate = 0.05;

    /// <summary>Radius (standard deviation of x) of the noise ball asked for in exercise 06.3.</summary>
    public const double Radius = 0.02;

    /// <summary>The RBM of exercise 06.4: 3 visible × 2 hidden units, no data.</summary>
    public static RestrictedBoltzmannMachine Rbm { get; } = new(3, 2);

    /// <summary>Its parameters θ = (W row-major, a, b).</summary>
    public static Vector<double> RbmTheta { get; } = Vector<double>.Build.DenseOfArray([1.0, -2.0, 0.5, 1.5, -1.0, 0.25, 0.3, -0.2, 0.1, -0.5, 0.4]);

    /// <inheritdoc />
    public IEnumerable<Exercise> Exercises
    {
        get
        {
            yield return new NumericExercise(
                "06.1", "Batch size for a target standard error",
                "At the chapter's digits θ (section 1) the per-example gradients have σ = `Chapter06Exercises.Sigma` (about 2.75). What is "
                + $"the smallest batch size n (drawn with replacement) whose standard error σ/√n is at most {TargetError} (`TargetError`)?",
                () => GradientNoise.BatchSizeFor(Sigma, TargetError),
                ["Solve σ/√n ≤ 0.1 for n and round up to a whole batch.",
                 "n = ⌈σ²/0.1²⌉: with σ ≈ 2.75 that is several hundred examples."],
                relativeTolerance: 1e-4,
                mistakes:
                [
                    new(() => Math.Ceiling(Sigma / TargetError), "The error falls like 1/√n, not 1/n: square the ratio σ/target."),
                    new(() => Math.Ceiling(Sigma * Sigma / TargetError), "Square the target too: n = σ²/target²."),
                ]);

            yield return new NumericExercise(
                "06.2", "The stationary variance of the noise ball",
                $"SGD with constant learning rate ε = {LearningRate} (`Chapter06Exercises.LearningRate`) on ½λx² with λ = {Curvature} "
                + $"(`Curvature`); each example's gradient carries independent noise of variance s₁² = {ExampleNoiseVariance} "
                + $"(`ExampleNoiseVariance`) and the batch has B = {BatchSize} (`BatchSize`) examples. What is the stationary variance of x?",
                () => NoiseBall.StationaryVariance(Curvature, LearningRate, ExampleNoiseVariance / BatchSize),
                ["Write Var xₖ₊₁ = (1 − ελ)² Var xₖ + ε² s² and find the fixed point; the batch mean has s² = s₁²/B.",
                 "V = ε s² / (λ(2 − ελ)) with s² = s₁²/B, or NoiseBall.StationaryVariance(λ, ε, s₁²/B)."],
                relativeTolerance: 1e-4,
                mistakes:
                [
                    new(() => NoiseBall.StationaryVariance(Curvature, LearningRate, ExampleNoiseVariance),
                        "That is the variance for B = 1: a batch of B examples divides the noise variance by B."),
                    new(() => LearningRate * ExampleNoiseVariance / BatchSize / (2 * Curvature),
                        "εs²/(2λ) is the small-step approximation; keep the exact factor 1/(2 − ελ)."),
                    new(() => LearningRate * LearningRate * ExampleNoiseVariance / BatchSize,
                        "ε²s² is the variance one step adds; the stationary variance is where adding and contracting by (1 − ελ)² balance."),
                ]);

            yield return new NumericExercise(
                "06.3", "The learning rate for a given noise-ball radius",
                "Same quadratic, noise and batch size as 06.2. Which constant learning rate ε makes the stationary standard deviation of x "
                + $"exactly {Radius} (`Chapter06Exercises.Radius`)?",
                () => NoiseBall.LearningRateFor(Curvature, Radius * Radius, ExampleNoiseVariance / BatchSize),
                ["Set V = radius² in V = εs²/(λ(2 − ελ)) and solve for ε (it is linear in ε after multiplying out).",
                 "ε = 2λV/(s² + λ²V) with V = 0.02² and s² = s₁²/B."],
                relativeTolerance: 1e-3,
                mistakes:
                [
                    new(() => 2 * Curvature * Radius * Radius / (ExampleNoiseVariance / BatchSize),
                        "2λV/s² drops the ελ in (2 − ελ): close, but not exact."),
                    new(() => NoiseBall.LearningRateFor(Curvature, Radius, ExampleNoiseVariance / BatchSize),
                        "The radius is a standard deviation: the variance is its square."),
                    new(() => NoiseBall.LearningRateFor(Curvature, Radius * Radius, ExampleNoiseVariance),
                        "Divide the per-example noise variance by the batch size B."),
                ]);

            yield return new NumericExercise(
                "06.4", "The partition function of a tiny RBM",
                "For `Chapter06Exercises.Rbm` (3 visible, 2 hidden units) at θ = `Chapter06Exercises.RbmTheta`, compute log Z by "
                + "enumerating the visible vectors v = 0 … 7 with `Rbm.FreeEnergy(theta, v)` (p(v) = e^{−F(v)}/Z).",
                () => Rbm.LogPartition(RbmTheta),
                ["Z = Σ_v e^{−F(v)} over all 2³ visible vectors (the hidden units are already summed out in F).",
                 "Math.Log(Enumerable.Range(0, 8).Sum(v => Math.Exp(-Rbm.FreeEnergy(RbmTheta, v))))."],
                relativeTolerance: 1e-6,
                mistakes:
                [
                    new(() => Math.Log(Enumerable.Range(0, Rbm.ConfigurationCount).Sum(v => Math.Exp(Rbm.FreeEnergy(RbmTheta, v)))),
                        "Sign: p(v) ∝ e^{−F(v)}, so Z sums e^{−F(v)}."),
                    new(() => Math.Log(Rbm.ConfigurationCount * (1 << Rbm.HiddenCount)),
                        "log(2^V·2^H) is log Z at θ = 0 only; use the energies at RbmTheta."),
                ]);
        }
    }
}
