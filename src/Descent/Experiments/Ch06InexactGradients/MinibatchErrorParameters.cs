namespace Descent.Experiments;

/// <summary>Parameters of <see cref="MinibatchError"/>.</summary>
public sealed record MinibatchErrorParameters
{
    /// <summary>Hidden-layer widths of the digits MLP (64 inputs and 10 outputs around them).</summary>
    public int[] Hidden { get; init; } = [32];

    /// <summary>SGD steps (batch 32, ε = 0.1) taken from the Glorot start before measuring, so θ is a mid-training point (≥ 0).</summary>
    public int WarmupSteps { get; init; } = 100;

    /// <summary>Batch sizes n to measure (each ≥ 1 and ≤ the 1,078 training examples).</summary>
    public int[] BatchSizes { get; init; } = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

    /// <summary>Independent minibatches R per batch size, at least (≥ 2).</summary>
    public int Draws { get; init; } = 40;

    /// <summary>Small batches are cheap and noisy (per-example gradient norms are heavy-tailed), so each batch size n gets
    /// max(<see cref="Draws"/>, ⌈this/n⌉) minibatches: about this many examples per size for small n (≥ 0).</summary>
    public int ExamplesPerSize { get; init; } = 20_000;

    /// <summary>Also measure batches drawn without replacement (the finite-population correction).</summary>
    public bool WithoutReplacement { get; init; } = true;

    /// <summary>Seed of the split, the initialization, the warm-up batches and the measured batches.</summary>
    public int Seed { get; init; } = 1;
}
