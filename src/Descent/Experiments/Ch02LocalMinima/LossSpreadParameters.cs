namespace Descent.Experiments;

/// <summary>Parameters of <see cref="LossSpread"/>.</summary>
public sealed record LossSpreadParameters
{
    /// <summary>Hidden widths to compare (each ≥ 1): one ReLU hidden layer, 64 → width → 10.</summary>
    public int[] Widths { get; init => field = Guard.AllAtLeast(value, 1, nameof(Widths)); } = [4, 16, 64, 256];

    /// <summary>Independently seeded runs per width (≥ 2).</summary>
    public int Runs { get; init => field = Guard.AtLeast(value, 2, nameof(Runs)); } = 24;

    /// <summary>SGD steps per run (≥ 1).</summary>
    public int Steps { get; init => field = Guard.AtLeast(value, 1, nameof(Steps)); } = 1500;

    /// <summary>Minibatch size (≥ 1).</summary>
    public int BatchSize { get; init => field = Guard.AtLeast(value, 1, nameof(BatchSize)); } = 32;

    /// <summary>Constant learning rate ε &gt; 0.</summary>
    public double LearningRate { get; init => field = Guard.Positive(value, nameof(LearningRate)); } = 0.05;

    /// <summary>Master seed: run r draws its He initialization and minibatch order from Seed·1000 + r; the data split is fixed by Seed.</summary>
    public int Seed { get; init; }

    /// <summary>Worker threads (0 = all cores). Results do not depend on it.</summary>
    public int Threads { get; init => field = Guard.AtLeast(value, 0, nameof(Threads)); }
}
