namespace Descent.Optimization;

/// <summary>1/t decay: η(t) = learningRate / (1 + decay·t), the Robbins–Monro-type schedule for
/// which Σ η(t) = ∞ and Σ η(t)² &lt; ∞.</summary>
public sealed record InverseTimeSchedule : LearningRateSchedule
{
    /// <summary>Creates a 1/t schedule.</summary>
    /// <param name="learningRate">η₀ ≥ 0.</param>
    /// <param name="decay">Decay speed ≥ 0 (0 gives a constant rate).</param>
    public InverseTimeSchedule(double learningRate, double decay)
    {
        LearningRate = Guard.NonNegative(learningRate, nameof(learningRate));
        Decay = Guard.NonNegative(decay, nameof(decay));
    }

    /// <summary>η₀.</summary>
    public double LearningRate { get; }

    /// <summary>Decay speed.</summary>
    public double Decay { get; }

    /// <inheritdoc />
    protected override double AtCore(int step) => LearningRate / (1 + Decay * step);

    /// <inheritdoc />
    public override string ToString() => $"{Text.Num(LearningRate)}/(1 + {Text.Num(Decay)}t)";
}
