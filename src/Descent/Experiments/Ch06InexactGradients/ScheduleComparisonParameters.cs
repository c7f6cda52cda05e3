namespace Descent.Experiments;

/// <summary>Parameters of <see cref="ScheduleComparison"/>.</summary>
public sealed record ScheduleComparisonParameters
{
    /// <summary>Eigenvalues λᵢ &gt; 0 of the diagonal quadratic.</summary>
    public double[] Curvatures { get; init; } = [1.0, 10.0];

    /// <summary>s &gt; 0, the standard deviation of the gradient noise per coordinate and step.</summary>
    public double NoiseStandardDeviation { get; init; } = 1.0;

    /// <summary>The initial (and, for the constant schedule, the only) learning rate ε₀ with ε₀λmax &lt; 2.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Step decay: multiply ε by this factor in (0, 1) …</summary>
    public double StepDecayFactor { get; init => field = Guard.Between(value, 0, 1, nameof(StepDecayFactor)); } = 0.5;

    /// <summary>… every this many steps (≥ 1).</summary>
    public int StepDecayEvery { get; init; } = 500;

    /// <summary>Inverse-time decay εₖ = ε₀/(1 + d·k): the rate d &gt; 0.</summary>
    public double InverseTimeDecay { get; init; } = 0.01;

    /// <summary>SGD steps (≥ 1).</summary>
    public int Steps { get; init; } = 3000;

    /// <summary>Independent chains M ≥ 2 (the excess loss is averaged over them).</summary>
    public int Chains { get; init; } = 400;

    /// <summary>Every coordinate starts at this value.</summary>
    public double Start { get; init; } = 3.0;

    /// <summary>Record the mean excess loss every this many steps (≥ 1).</summary>
    public int RecordEvery { get; init; } = 10;

    /// <summary>Seed of the noise.</summary>
    public int Seed { get; init; } = 6;
}
