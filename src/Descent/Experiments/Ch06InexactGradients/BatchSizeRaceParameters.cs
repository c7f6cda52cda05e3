namespace Descent.Experiments;

/// <summary>Parameters of <see cref="BatchSizeRace"/>.</summary>
public sealed record BatchSizeRaceParameters
{
    /// <summary>Hidden-layer widths of the digits MLP.</summary>
    public int[] Hidden { get; init; } = [32];

    /// <summary>Batch sizes B (each in 1 … 1078; 1078 is full-batch gradient descent).</summary>
    public int[] BatchSizes { get; init; } = [1, 4, 16, 64, 256, 1078];

    /// <summary>Learning rate ε per batch size (same length as <see cref="BatchSizes"/>, each &gt; 0). The defaults are, per
    /// batch size, the ε of the grid 0.025·2ʲ (j = 0 … 10) that reached the target with the fewest examples (seed 1, at most
    /// 100 epochs; the smaller ε on a tie): ε grows in proportion to B up to B = 64, then saturates.</summary>
    public double[] LearningRates { get; init; } = [0.05, 0.2, 0.8, 3.2, 3.2, 6.4];

    /// <summary>The race ends when the full training loss is at most this (&gt; 0).</summary>
    public double TargetLoss { get; init; } = 0.1;

    /// <summary>Give up after this many epochs (≥ 1).</summary>
    public int MaxEpochs { get; init; } = 300;

    /// <summary>Check the full training loss after every step that completes another this-many examples (≥ 1).</summary>
    public int CheckEvery { get; init; } = 128;

    /// <summary>Seed of the split, the initialization and the minibatch order.</summary>
    public int Seed { get; init; } = 1;
}
