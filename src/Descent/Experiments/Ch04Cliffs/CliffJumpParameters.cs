namespace Descent.Experiments;

/// <summary>Parameters of <see cref="CliffJump"/>: gradient descent on the <see cref="Functions.ProductCliff"/> from above
/// the wall and from the plateau below it, with and without clipping by norm.</summary>
public sealed record CliffJumpParameters
{
    /// <summary>k ≥ 1: layers per shared weight (the chain has 2k layers).</summary>
    public int LayersPerWeight { get; init; } = 5;

    /// <summary>Start on the face of the wall, (a, b).</summary>
    public double[] AboveStart { get; init; } = [1.3, 1.3];

    /// <summary>ε for the start above: stable on the ledge (below 1/(k²y^(2−1/k)) = 0.04 for k = 5).</summary>
    public double AboveLearningRate { get; init; } = 0.03;

    /// <summary>Start on the plateau, (a, b).</summary>
    public double[] BelowStart { get; init; } = [0.2, 1.2];

    /// <summary>ε for the start below: large enough to cross the plateau in a few dozen steps.</summary>
    public double BelowLearningRate { get; init; } = 0.1;

    /// <summary>Threshold v &gt; 0 of clipping by norm: every step has length ≤ ε·v.</summary>
    public double ClipNorm { get; init; } = 1.0;

    /// <summary>Gradient-descent steps per run, ≥ 1.</summary>
    public int Steps { get; init => field = Guard.AtLeast(value, 1, nameof(Steps)); } = 200;
}
