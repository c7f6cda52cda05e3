namespace Descent.Experiments;

/// <summary>Parameters of <see cref="GradientPropagation"/>.</summary>
public sealed record GradientPropagationParameters
{
    /// <summary>Hidden size H of the RNN.</summary>
    public int Hidden { get; init => field = Guard.AtLeast(value, 1, nameof(Hidden)); } = 16;

    /// <summary>Sequence length T (lags 0 … T are measured).</summary>
    public int Length { get; init => field = Guard.AtLeast(value, 2, nameof(Length)); } = 100;

    /// <summary>Spectral radii ρ of the recurrent matrix.</summary>
    public double[] SpectralRadii { get; init => field = Guard.AllPositive(value, nameof(SpectralRadii)); } = [0.9, 1.0, 1.1];

    /// <summary>Standard deviation of the input weights U for the unsaturated runs (inputs xₜ ~ N(0, 1)).</summary>
    public double InputScale { get; init; } = 0.01;

    /// <summary>Standard deviation of U for the saturated tanh runs: large inputs push tanh into its flat tails.</summary>
    public double SaturatingInputScale { get; init; } = 2.0;

    /// <summary>Seed of the matrices and the inputs.</summary>
    public int Seed { get; init; } = 1;
}
