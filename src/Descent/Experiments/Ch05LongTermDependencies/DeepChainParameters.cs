namespace Descent.Experiments;

/// <summary>Parameters of <see cref="DeepChain"/>.</summary>
public sealed record DeepChainParameters
{
    /// <summary>Width n of every layer.</summary>
    public int Width { get; init => field = Guard.AtLeast(value, 1, nameof(Width)); } = 32;

    /// <summary>Number of linear layers L.</summary>
    public int Depth { get; init => field = Guard.AtLeast(value, 2, nameof(Depth)); } = 100;

    /// <summary>Scales σ: weights have entries N(0, σ²/n).</summary>
    public double[] Scales { get; init => field = Guard.AllPositive(value, nameof(Scales)); } = [0.9, 1.0, 1.1];

    /// <summary>Independent repeats averaged per curve.</summary>
    public int Repeats { get; init => field = Guard.AtLeast(value, 1, nameof(Repeats)); } = 8;

    /// <summary>Seed of the weights and start vectors.</summary>
    public int Seed { get; init; } = 1;
}
