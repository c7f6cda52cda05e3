namespace Descent.Optimization;

/// <summary>Piecewise-constant decay: η(t) = learningRate · factor^⌊t / every⌋
/// (e.g. halve the rate every 100 steps).</summary>
public sealed record StepDecaySchedule : LearningRateSchedule
{
    /// <summary>Creates a step-decay schedule.</summary>
    /// <param name="learningRate">η₀ ≥ 0.</param>
    /// <param name="factor">Multiplier per stage, in (0, 1].</param>
    /// <param name="every">Stage length in steps, ≥ 1.</param>
    public StepDecaySchedule(double learningRate, double factor, int every)
    {
        LearningRate = Guard.NonNegative(learningRate, nameof(learningRate));
        if (!(factor > 0 && factor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "factor must be in (0, 1].");
        }

        Factor = factor;
        Every = Guard.AtLeast(every, 1, nameof(every));
    }

    /// <summary>η₀.</summary>
    public double LearningRate { get; }

    /// <summary>Multiplier per stage.</summary>
    public double Factor { get; }

    /// <summary>Stage length in steps.</summary>
    public int Every { get; }

    /// <inheritdoc />
    protected override double AtCore(int step) => LearningRate * Math.Pow(Factor, step / Every);

    /// <inheritdoc />
    public override string ToString() => $"step({Text.Num(LearningRate)} × {Text.Num(Factor)} every {Every})";
}
