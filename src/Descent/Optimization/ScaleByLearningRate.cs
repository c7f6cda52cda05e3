using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// The descent step: Δθ = −η(t) · u with η from a <see cref="LearningRateSchedule"/>
/// (optax's <c>scale_by_learning_rate</c>). With u = g this is gradient descent θ ← θ − εg
/// (Goodfellow et al. 2016, §4.3). Stateless: t comes from the step context.
/// </summary>
public sealed class ScaleByLearningRate : StatelessTransform
{
    /// <summary>Creates the step Δθ = −η(t)·u.</summary>
    /// <param name="learningRate">η: a number ≥ 0 or a schedule.</param>
    public ScaleByLearningRate(LearningRateSchedule learningRate) =>
        LearningRate = learningRate ?? throw new ArgumentNullException(nameof(learningRate));

    /// <summary>The learning-rate schedule η(t).</summary>
    public LearningRateSchedule LearningRate { get; }

    /// <inheritdoc />
    protected override Vector<double> Apply(Vector<double> update, StepContext context) =>
        update * -LearningRate.At(context.Step);

    /// <inheritdoc />
    public override string ToString() => LearningRate is ConstantSchedule c
        ? $"scale({Text.Num(-c.LearningRate)})"
        : $"scale(−η(t)), η = {LearningRate}";
}
