using Descent.Data;
using Descent.Experiments;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Experiments;

public sealed class MinibatchTrainingTests
{
    [Fact]
    public void Sgd_through_the_trainer_equals_the_hand_written_loop_bit_for_bit()
    {
        // The experiments' SGD used to be a hand-written loop; it now runs through Trainer.Run. The stored chapter
        // outputs stay the same only if every record and the final θ are identical to the last bit, so equality is exact.
        var split = Digits.Load(seed: 3);
        var mlp = new Mlp([64, 16, 10], Activation.Tanh, LossFunction.SoftmaxCrossEntropy, split.Train.Inputs, split.Train.Labels!);
        var theta0 = mlp.Initialize(Initialization.Glorot, 3);
        const double learningRate = 0.2;
        const int steps = 45, every = 10;

        var handRecords = new List<(int, double)>();
        var theta = theta0.Clone();
        var handSampler = MinibatchSampler.ShuffledEachEpoch(mlp.ExampleCount, 32, 3);
        for (int k = 0; k <= steps; k++)
        {
            if (k % every == 0 || k == steps)
            {
                handRecords.Add((k, mlp.Value(theta)));
            }

            if (k == steps)
            {
                break;
            }

            var (_, g) = mlp.ValueAndGradient(theta, handSampler.Next());
            theta -= learningRate * g;
        }

        var records = new List<(int, double)>();
        var viaTrainer = MinibatchTraining.Sgd(mlp, theta0, learningRate, steps, MinibatchSampler.ShuffledEachEpoch(mlp.ExampleCount, 32, 3),
            every, (k, at) => records.Add((k, mlp.Value(at))), CancellationToken.None);

        Assert.Equal(handRecords, records);                              // steps 0, 10, 20, 30, 40 and 45
        Assert.Equal(theta.ToArray(), viaTrainer.ToArray());
        Assert.Equal(theta0.ToArray(), mlp.Initialize(Initialization.Glorot, 3).ToArray()); // the start is not modified
    }

    [Fact]
    public void A_diverging_run_throws_with_the_hint_and_a_cancelled_one_throws_cancelled()
    {
        var split = Digits.Load(seed: 3);
        var mlp = new Mlp([64, 4, 10], Activation.Relu, LossFunction.SoftmaxCrossEntropy, split.Train.Inputs, split.Train.Labels!);
        var theta0 = mlp.Initialize(Initialization.He, 3);
        var ex = Assert.Throws<InvalidOperationException>(() => MinibatchTraining.Sgd(mlp, theta0, 1e200, 20,
            MinibatchSampler.ShuffledEachEpoch(mlp.ExampleCount, 8, 1), 5, (_, _) => { }, CancellationToken.None, "; lower LearningRate"));
        Assert.Contains("lower LearningRate", ex.Message);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => MinibatchTraining.Sgd(mlp, theta0, 0.1, 20,
            MinibatchSampler.ShuffledEachEpoch(mlp.ExampleCount, 8, 1), 5, (_, _) => { }, cancelled.Token));
    }
}
