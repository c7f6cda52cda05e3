namespace Descent.Experiments;

/// <summary>Parameters of <see cref="GradientNormTest"/>.</summary>
public sealed record GradientNormTestParameters
{
    /// <summary>Hidden-layer widths of the ReLU MLP on the digits (64 inputs, 10 softmax outputs around them).</summary>
    public int[] Hidden { get; init; } = [32];

    /// <summary>Constant learning rate ε &gt; 0 of SGD.</summary>
    public double LearningRate { get; init => field = Guard.Positive(value, nameof(LearningRate)); } = 0.1;

    /// <summary>SGD steps (≥ 1).</summary>
    public int Steps { get; init => field = Guard.AtLeast(value, 1, nameof(Steps)); } = 2000;

    /// <summary>Minibatch size (≥ 1).</summary>
    public int BatchSize { get; init => field = Guard.AtLeast(value, 1, nameof(BatchSize)); } = 32;

    /// <summary>Record the full training loss and ‖∇L‖ every this many steps (≥ 1).</summary>
    public int RecordEvery { get; init => field = Guard.AtLeast(value, 1, nameof(RecordEvery)); } = 100;

    /// <summary>Fraction of training labels replaced by a random class, in [0, 1): a hard task, as in Srihari's figure.</summary>
    public double LabelNoise { get; init; } = 0.2;

    /// <summary>Lanczos steps (exact Hessian-vector products) for λmin and λmax of the Hessian at the end point (≥ 2).</summary>
    public int LanczosSteps { get; init => field = Guard.AtLeast(value, 2, nameof(LanczosSteps)); } = 60;

    /// <summary>Seed of the split, the label noise, the He initialization and the minibatch order.</summary>
    public int Seed { get; init; } = 1;
}
