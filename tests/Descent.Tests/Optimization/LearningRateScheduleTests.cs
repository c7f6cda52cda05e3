using Descent.Optimization;

namespace Descent.Tests.Optimization;

public sealed class LearningRateScheduleTests
{
    [Fact]
    public void Schedules_give_their_hand_computed_values()
    {
        LearningRateSchedule constant = 0.1;
        Assert.Equal(0.1, constant.At(1000));
        var step = LearningRateSchedule.StepDecay(1.0, 0.5, every: 10);
        Assert.Equal(1.0, step.At(9));
        Assert.Equal(0.5, step.At(10));
        Assert.Equal(0.25, step.At(25));
        Assert.Equal(0.1 * 0.9 * 0.9 * 0.9, LearningRateSchedule.Exponential(0.1, 0.9).At(3), 15);
        Assert.Equal(1.0 / (1 + 0.5 * 4), LearningRateSchedule.InverseTime(1.0, 0.5).At(4), 15);
        var cosine = LearningRateSchedule.Cosine(1.0, steps: 100, final: 0.1);
        Assert.Equal(1.0, cosine.At(0), 15);
        Assert.Equal(0.55, cosine.At(50), 14);     // halfway: final + ½(η₀ − final)(1 + cos π/2)
        Assert.Equal(0.1, cosine.At(100), 15);
        Assert.Equal(0.1, cosine.At(1000), 15);
        var warm = LearningRateSchedule.Warmup(4, LearningRateSchedule.Exponential(1.0, 0.5));
        Assert.Equal(0.2, warm.At(0), 15);         // 1·(0 + 1)/(4 + 1)
        Assert.Equal(0.8, warm.At(3), 15);
        Assert.Equal(1.0, warm.At(4), 15);
        Assert.Equal(0.5, warm.At(5), 15);
    }

    [Fact]
    public void A_schedule_drives_the_learning_rate_of_each_step()
    {
        // Gradient descent on L = ½θ² (g = θ) with η(t) = 0.5·0.5^t: θₖ = θ₀ Πₜ(1 − 0.5^{t+1}).
        var f = new Descent.Functions.Quadratic(MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(1));
        var r = Trainer.Run(f, Optimizers.GradientDescent(LearningRateSchedule.Exponential(0.5, 0.5)),
            MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray([1.0]), new TrainingOptions { MaxSteps = 3 });
        Assert.Equal((1 - 0.5) * (1 - 0.25) * (1 - 0.125), r.Theta[0], 15);
    }

    [Fact]
    public void Bad_schedule_arguments_name_the_argument()
    {
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Constant(double.NaN)).ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.StepDecay(1, 1.5, 10)).ParamName);
        Assert.Equal("every", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.StepDecay(1, 0.5, 0)).ParamName);
        Assert.Equal("rate", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Exponential(1, 0)).ParamName);
        Assert.Equal("decay", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.InverseTime(1, -1)).ParamName);
        Assert.Equal("final", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Cosine(0.1, 10, final: 0.2)).ParamName);
        Assert.Equal("warmupSteps", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Warmup(0, 0.1)).ParamName);
        Assert.Equal("step", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Constant(0.1).At(-1)).ParamName);
    }
}
