namespace Descent.Experiments;

/// <summary>Parameters of <see cref="ClippingComparison"/>: gradient descent on the single-unit RNN from a grid of starts
/// around its wall, for several clipping thresholds.</summary>
public sealed record ClippingComparisonParameters
{
    /// <summary>T ≥ 1 of the single-unit RNN.</summary>
    public int Steps { get; init; } = 50;

    /// <summary>Recurrent weights w of the starts.</summary>
    public double[] StartWeights { get; init; } = [6, 7, 8, 9, 10, 11];

    /// <summary>Start biases relative to the wall, b₀ = b*(w) + offset.</summary>
    public double[] StartOffsets { get; init; } = [-0.6, -0.3, -0.1, 0.1, 0.3, 0.6];

    /// <summary>Thresholds v of clipping by norm; 0 means no clipping.</summary>
    public double[] Thresholds { get; init; } = [0, 1, 3, 10, 30, 100];

    /// <summary>Constant learning rate ε &gt; 0.</summary>
    public double LearningRate { get; init => field = Guard.Positive(value, nameof(LearningRate)); } = 0.01;

    /// <summary>Gradient-descent steps per run, ≥ 1.</summary>
    public int TrainingSteps { get; init => field = Guard.AtLeast(value, 1, nameof(TrainingSteps)); } = 1000;

    /// <summary>A run succeeds when its final loss is below this.</summary>
    public double SuccessLoss { get; init; } = 0.01;

    /// <summary>A step longer than this counts as a jump.</summary>
    public double JumpLength { get; init; } = 1.0;

    /// <summary>Index into the starts (row-major over weights × offsets) whose training curves are kept for plotting.</summary>
    public int ShowcaseStart { get; init; } = 21;
}
