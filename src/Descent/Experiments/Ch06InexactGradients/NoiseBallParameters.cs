namespace Descent.Experiments;

/// <summary>Parameters of <see cref="NoiseBallSimulation"/>.</summary>
public sealed record NoiseBallParameters
{
    /// <summary>Eigenvalues λᵢ &gt; 0 of the diagonal quadratic L(x) = Σᵢ ½λᵢxᵢ².</summary>
    public double[] Curvatures { get; init; } = [1.0, 10.0];

    /// <summary>Constant learning rates ε, each with ελmax &lt; 2.</summary>
    public double[] LearningRates { get; init; } = [0.01, 0.03, 0.1, 0.15];

    /// <summary>Batch sizes B ≥ 1: the gradient noise per step has variance s₁²/B.</summary>
    public int[] BatchSizes { get; init; } = [1, 4, 16];

    /// <summary>s₁ &gt; 0, the standard deviation of one example's gradient noise per coordinate.</summary>
    public double NoiseStandardDeviation { get; init; } = 1.0;

    /// <summary>Independent chains M ≥ 2 (the variance is averaged over them).</summary>
    public int Chains { get; init; } = 2000;

    /// <summary>Steps, in units of the slowest relaxation time 1/(ελmin) (&gt; 0): the chains run ⌈this/(ελmin)⌉ steps from x = 0.</summary>
    public double RelaxationTimes { get; init; } = 8;

    /// <summary>Seed of the noise.</summary>
    public int Seed { get; init; } = 6;
}
