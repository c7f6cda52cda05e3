using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// Additive Gaussian gradient noise (Neelakantan et al. 2015), optax's <c>add_noise</c>:
/// output u + σₜ·ξ with ξ ~ N(0, I) and σₜ = standardDeviation / (1 + t)^decayPower.
/// A stand-in for the minibatch noise of stochastic gradients (Harakeh, "Optimization for Training Deep Models", "inexact gradients").
/// </summary>
/// <remarks>Seeded: ξ at step t depends only on (seed, t), so the transform stays a pure function
/// and a rerun with the same seed adds exactly the same noise.</remarks>
public sealed class AddGaussianNoise : StatelessTransform
{
    /// <summary>Creates additive Gaussian noise.</summary>
    /// <param name="standardDeviation">σ ≥ 0 at t = 0.</param>
    /// <param name="seed">Seed of the noise.</param>
    /// <param name="decayPower">γ ≥ 0 (0: constant σ; 0.55 in Neelakantan et al.).</param>
    public AddGaussianNoise(double standardDeviation, int seed, double decayPower = 0.0)
    {
        StandardDeviation = Guard.NonNegative(standardDeviation, nameof(standardDeviation));
        DecayPower = Guard.NonNegative(decayPower, nameof(decayPower));
        Seed = seed;
    }

    /// <summary>σ at t = 0.</summary>
    public double StandardDeviation { get; }

    /// <summary>γ.</summary>
    public double DecayPower { get; }

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <inheritdoc />
    protected override Vector<double> Apply(Vector<double> update, StepContext context)
    {
        double sigma = StandardDeviation / Math.Pow(1 + context.Step, DecayPower);
        var stream = new SeededStream(Seed, context.Step, 0x6E6F697365UL);
        return update + stream.Gaussian(update.Count) * sigma;
    }

    /// <inheritdoc />
    public override string ToString() => DecayPower == 0
        ? $"noise(σ={Text.Num(StandardDeviation)}, seed {Seed})"
        : $"noise(σ={Text.Num(StandardDeviation)}/(1+t)^{Text.Num(DecayPower)}, seed {Seed})";
}
