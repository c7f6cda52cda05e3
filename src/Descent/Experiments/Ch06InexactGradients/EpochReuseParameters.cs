namespace Descent.Experiments;

/// <summary>Parameters of <see cref="EpochReuse"/>.</summary>
public sealed record EpochReuseParameters
{
    /// <summary>Hidden-layer widths of the digits MLP.</summary>
    public int[] Hidden { get; init; } = [32];

    /// <summary>Training examples used, 10 … 1078: the first rows of the (shuffled, class-interleaved) training split; few, so
    /// that re-use shows quickly.</summary>
    public int TrainCount { get; init; } = 200;

    /// <summary>Minibatch size B.</summary>
    public int BatchSize { get; init; } = 10;

    /// <summary>Constant learning rate ε &gt; 0.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Epochs (≥ 2).</summary>
    public int Epochs { get; init; } = 25;

    /// <summary>Measure the full training and validation losses every this many steps (≥ 1).</summary>
    public int MonitorEvery { get; init; } = 1;

    /// <summary>Seed of the split, the initialization and the minibatch order.</summary>
    public int Seed { get; init; } = 1;
}
