namespace Descent.Optimization;

/// <summary>Cosine decay (Loshchilov &amp; Hutter 2017, without restarts):
/// η(t) = final + ½(learningRate − final)(1 + cos(π·min(t, steps)/steps)); constant at final after
/// <c>steps</c>.</summary>
public sealed record CosineDecaySchedule : LearningRateSchedule
{
    /// <summary>Creates a cosine decay.</summary>
    /// <param name="learningRate">η₀ ≥ 0.</param>
    /// <param name="steps">Length of the decay, ≥ 1.</param>
    /// <param name="final">Final rate in [0, learningRate].</param>
    public CosineDecaySchedule(double learningRate, int steps, double final = 0.0)
    {
        LearningRate = Guard.NonNegative(learningRate, nameof(learningRate));
        Steps = Guard.AtLeast(steps, 1, nameof(steps));
        if (!(final >= 0 && final <= learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(final), final, $"final must be in [0, learningRate = {learningRate}].");
        }

        Final = final;
    }

    /// <summary>η₀.</summary>
    public double LearningRate { get; }

    /// <summary>Length of the decay in steps.</summary>
    public int Steps { get; }

    /// <summary>Rate reached at t = steps.</summary>
    public double Final { get; }

    /// <inheritdoc />
    protected override double AtCore(int step) =>
        Final + 0.5 * (LearningRate - Final) * (1 + Math.Cos(Math.PI * Math.Min(step, Steps) / Steps));

    /// <inheritdoc />
    public override string ToString() => $"cosine({Text.Num(LearningRate)} → {Text.Num(Final)} over {Steps})";
}
