namespace Descent.Optimization;

/// <summary>Exponential decay: η(t) = learningRate · rate^t.</summary>
public sealed record ExponentialDecaySchedule : LearningRateSchedule
{
    /// <summary>Creates an exponential decay.</summary>
    /// <param name="learningRate">η₀ ≥ 0.</param>
    /// <param name="rate">Per-step multiplier in (0, 1].</param>
    public ExponentialDecaySchedule(double learningRate, double rate)
    {
        LearningRate = Guard.NonNegative(learningRate, nameof(learningRate));
        if (!(rate > 0 && rate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "rate must be in (0, 1].");
        }

        Rate = rate;
    }

    /// <summary>η₀.</summary>
    public double LearningRate { get; }

    /// <summary>Per-step multiplier.</summary>
    public double Rate { get; }

    /// <inheritdoc />
    protected override double AtCore(int step) => LearningRate * Math.Pow(Rate, step);

    /// <inheritdoc />
    public override string ToString() => $"exp({Text.Num(LearningRate)} × {Text.Num(Rate)}^t)";
}
