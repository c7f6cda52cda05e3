using MathNet.Numerics.LinearAlgebra;

namespace Descent.Curvature;

/// <summary>
/// Sampled estimates of the Lipschitz constant M of ∇L over a box (chapter 08: GD with ε &lt; 2/M decreases L):
/// curvature bounds from Hessians at sampled points, and a lower bound from sampled pairs of gradients.
/// </summary>
/// <param name="MaxCurvature">max over samples of λmax(∇²L): the one-sided smoothness constant the descent lemma needs
/// (L(θ − εg) ≤ L(θ) − ε(1 − εM/2)‖g‖²); an estimate from below of the supremum over the box.</param>
/// <param name="MaxSpectralNorm">max over samples of ‖∇²L‖₂ = max |λ|: the Lipschitz constant of ∇L if the samples found the supremum.</param>
/// <param name="SampledLowerBound">max over pairs of ‖∇L(a) − ∇L(b)‖/‖a − b‖: a guaranteed lower bound on the true constant.</param>
/// <param name="ArgMaxCurvature">The sampled point where λmax was largest.</param>
/// <param name="Samples">Number of Hessian samples (and of gradient pairs).</param>
/// <param name="Lower">Lower corner of the box.</param>
/// <param name="Upper">Upper corner of the box.</param>
/// <param name="Source">Exact or finite-difference Hessians.</param>
/// <param name="Seed">Seed of the samples.</param>
public sealed record LipschitzEstimate(
    double MaxCurvature, double MaxSpectralNorm, double SampledLowerBound, Vector<double> ArgMaxCurvature,
    int Samples, double[] Lower, double[] Upper, HessianProductSource Source, int Seed)
{
    /// <summary>2/M with M = <see cref="MaxCurvature"/>: the step size below which the descent lemma guarantees decrease (+∞ if M ≤ 0).</summary>
    public double SafeStepLimit => MaxCurvature > 0 ? 2 / MaxCurvature : double.PositiveInfinity;

    /// <inheritdoc />
    public override string ToString()
    {
        string box = string.Join(" × ", Lower.Zip(Upper, (a, b) => $"[{a:G3}, {b:G3}]").Take(3)) + (Lower.Length > 3 ? " × …" : "");
        return $"Lipschitz estimate of ∇L over {box} from {Samples} samples (seed {Seed}{(Source == HessianProductSource.FiniteDifference ? ", finite-difference Hessians" : "")}): " +
               $"max λmax(H) = {MaxCurvature:G5}, max ‖H‖₂ = {MaxSpectralNorm:G5}, pairs give ≥ {SampledLowerBound:G5}; GD safe for ε < {SafeStepLimit:G4}";
    }
}
