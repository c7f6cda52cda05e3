namespace Descent.Optimization;

/// <summary>η(t) = learningRate for every t.</summary>
public sealed record ConstantSchedule : LearningRateSchedule
{
    /// <summary>Creates a constant learning rate.</summary>
    /// <param name="learningRate">η ≥ 0, finite.</param>
    public ConstantSchedule(double learningRate) => LearningRate = Guard.NonNegative(learningRate, nameof(learningRate));

    /// <summary>η.</summary>
    public double LearningRate { get; }

    /// <inheritdoc />
    protected override double AtCore(int step) => LearningRate;

    /// <inheritdoc />
    public override string ToString() => Text.Num(LearningRate);
}
