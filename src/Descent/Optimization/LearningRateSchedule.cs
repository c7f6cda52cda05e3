namespace Descent.Optimization;

/// <summary>
/// A learning rate η(t) as a function of the step index t = 0, 1, 2, … (optax's <c>Schedule</c>).
/// A plain number converts implicitly to a <see cref="ConstantSchedule"/>, so every optimizer takes
/// either <c>0.1</c> or a schedule such as <c>LearningRateSchedule.Cosine(0.1, 1000)</c>.
/// </summary>
/// <remarks>Every schedule validates its arguments on construction and returns a finite η(t) ≥ 0
/// for every t ≥ 0.</remarks>
public abstract record LearningRateSchedule
{
    /// <summary>η(t) at step t ≥ 0.</summary>
    public double At(int step)
    {
        if (step < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "step must be ≥ 0.");
        }

        return AtCore(step);
    }

    /// <summary>Implements <see cref="At"/> for a validated step.</summary>
    protected abstract double AtCore(int step);

    /// <summary>A constant learning rate: <c>0.1</c> converts to <c>Constant(0.1)</c>.</summary>
    public static implicit operator LearningRateSchedule(double learningRate) => new ConstantSchedule(learningRate);

    /// <summary>η(t) = learningRate.</summary>
    public static ConstantSchedule Constant(double learningRate) => new(learningRate);

    /// <summary>η(t) = learningRate · factor^⌊t / every⌋.</summary>
    public static StepDecaySchedule StepDecay(double learningRate, double factor, int every) => new(learningRate, factor, every);

    /// <summary>η(t) = learningRate · rate^t.</summary>
    public static ExponentialDecaySchedule Exponential(double learningRate, double rate) => new(learningRate, rate);

    /// <summary>η(t) = learningRate / (1 + decay·t).</summary>
    public static InverseTimeSchedule InverseTime(double learningRate, double decay) => new(learningRate, decay);

    /// <summary>η(t) = final + ½(learningRate − final)(1 + cos(π·min(t, steps)/steps)).</summary>
    public static CosineDecaySchedule Cosine(double learningRate, int steps, double final = 0.0) => new(learningRate, steps, final);

    /// <summary>Linear warm-up from 0 to the schedule's start over <paramref name="warmupSteps"/> steps, then <paramref name="after"/>.</summary>
    public static WarmupSchedule Warmup(int warmupSteps, LearningRateSchedule after) => new(warmupSteps, after);
}
