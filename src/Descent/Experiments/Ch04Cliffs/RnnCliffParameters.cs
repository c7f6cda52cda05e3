namespace Descent.Experiments;

/// <summary>Parameters of <see cref="RnnCliff"/>: Pascanu, Mikolov &amp; Bengio (2013)'s single-unit RNN
/// hₜ = w·σ(hₜ₋₁) + b, L = (h_T − target)², and gradient descent near its wall.</summary>
public sealed record RnnCliffParameters
{
    /// <summary>T ≥ 1 (Pascanu et al. use 50).</summary>
    public int Steps { get; init; } = 50;

    /// <summary>Recurrent weights w at which the wall is located (each with w·σ'(h₀) &gt; 1, so the map is bistable).</summary>
    public double[] Weights { get; init => field = Guard.NonEmpty(value, nameof(Weights)); } = [5, 6, 7, 8, 9, 10, 11, 12];

    /// <summary>Recurrent weight w of the start of the gradient-descent runs.</summary>
    public double StartWeight { get; init; } = 9.0;

    /// <summary>Bias of the start relative to the wall: b₀ = b*(w) + offset, b*(w) = h₀ − wσ(h₀) (positive: above the wall).</summary>
    public double StartOffset { get; init; } = 0.6;

    /// <summary>Constant learning rate ε &gt; 0.</summary>
    public double LearningRate { get; init => field = Guard.Positive(value, nameof(LearningRate)); } = 0.01;

    /// <summary>Threshold of clipping by norm (‖Δθ‖ ≤ ε·v).</summary>
    public double ClipNorm { get; init; } = 10;

    /// <summary>Threshold of clipping by value (|Δθᵢ| ≤ ε·c).</summary>
    public double ClipValue { get; init; } = 10;

    /// <summary>Gradient-descent steps per run, ≥ 1.</summary>
    public int TrainingSteps { get; init => field = Guard.AtLeast(value, 1, nameof(TrainingSteps)); } = 300;
}
