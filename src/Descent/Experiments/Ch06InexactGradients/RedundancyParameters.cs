namespace Descent.Experiments;

/// <summary>Parameters of <see cref="Redundancy"/>.</summary>
public sealed record RedundancyParameters
{
    /// <summary>Hidden-layer widths of the digits MLP.</summary>
    public int[] Hidden { get; init; } = [32];

    /// <summary>Distinct training digits K (≥ 1) that are copied.</summary>
    public int DistinctExamples { get; init; } = 10;

    /// <summary>Copy factors r (each ≥ 1): the data set holds every distinct digit r times, N = K·r.</summary>
    public int[] Copies { get; init; } = [1, 10, 100];

    /// <summary>Minibatch size n (≥ 1) whose error is measured.</summary>
    public int BatchSize { get; init; } = 5;

    /// <summary>Minibatches R (≥ 2) per data set.</summary>
    public int Draws { get; init; } = 200;

    /// <summary>Seed of the split, the initialization and the batches.</summary>
    public int Seed { get; init; } = 1;
}
