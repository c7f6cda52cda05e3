using Descent.Data;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="SamplingOrderComparison"/>.</summary>
public sealed record SamplingOrderParameters
{
    /// <summary>Hidden-layer widths of the digits MLP.</summary>
    public int[] Hidden { get; init; } = [32];

    /// <summary>The orders compared.</summary>
    public SamplingOrder[] Orders { get; init; } = [SamplingOrder.ShuffledEachEpoch, SamplingOrder.ShuffledOnce, SamplingOrder.SortedByClass];

    /// <summary>Minibatch size B (1 … 1078).</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>Constant learning rate ε &gt; 0.</summary>
    public double LearningRate { get; init; } = 0.5;

    /// <summary>Epochs (≥ 1).</summary>
    public int Epochs { get; init; } = 6;

    /// <summary>Record the full training loss and the validation error every this many steps (≥ 1).</summary>
    public int RecordEvery { get; init; } = 9;

    /// <summary>Seed of the split, the initialization (the same for every order) and the orders.</summary>
    public int Seed { get; init; } = 1;
}
