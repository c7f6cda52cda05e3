namespace Descent.Experiments;

/// <summary>Parameters of <see cref="LossSpread"/>.</summary>
public sealed record LossSpreadParameters
{
    /// <summary>Hidden widths to compare (each ≥ 1): one ReLU hidden layer, 64 → width → 10.</summary>
    public int[] Widths { get; set; } = [4, 16, 64, 256];

    /// <summary>Independently seeded runs per width (≥ 2).</summary>
    public int Runs { get; set; } = 24;

    /// <summary>SGD steps per run (≥ 1).</summary>
    public int Steps { get; set; } = 1500;

    /// <summary>Minibatch size (≥ 1).</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Constant learning rate ε &gt; 0.</summary>
    public double LearningRate { get; set; } = 0.05;

    /// <summary>Master seed: run r draws its He initialization and minibatch order from Seed·1000 + r; the data split is fixed by Seed.</summary>
    public int Seed { get; set; }

    /// <summary>Worker threads (0 = all cores). Results do not depend on it.</summary>
    public int Threads { get; set; }
}
