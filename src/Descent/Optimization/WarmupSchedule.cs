namespace Descent.Optimization;

/// <summary>Linear warm-up (Goyal et al. 2017): η(t) = after(0)·(t + 1)/(warmupSteps + 1) for
/// t &lt; warmupSteps, then η(t) = after(t − warmupSteps).</summary>
/// <remarks>The ramp starts at after(0)/(warmupSteps + 1) rather than 0 so that the first step
/// already moves.</remarks>
public sealed record WarmupSchedule : LearningRateSchedule
{
    /// <summary>Creates a warm-up in front of <paramref name="after"/>.</summary>
    /// <param name="warmupSteps">Length of the ramp, ≥ 1.</param>
    /// <param name="after">The schedule that follows (a number converts to a constant).</param>
    public WarmupSchedule(int warmupSteps, LearningRateSchedule after)
    {
        WarmupSteps = Guard.AtLeast(warmupSteps, 1, nameof(warmupSteps));
        After = after ?? throw new ArgumentNullException(nameof(after));
    }

    /// <summary>Length of the ramp.</summary>
    public int WarmupSteps { get; }

    /// <summary>The schedule after the ramp.</summary>
    public LearningRateSchedule After { get; }

    /// <inheritdoc />
    protected override double AtCore(int step) =>
        step < WarmupSteps ? After.At(0) * (step + 1) / (WarmupSteps + 1) : After.At(step - WarmupSteps);

    /// <inheritdoc />
    public override string ToString() => $"warmup({WarmupSteps}) then {After}";
}
