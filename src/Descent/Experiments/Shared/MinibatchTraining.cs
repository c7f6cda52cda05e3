using Descent.Data;
using Descent.Models;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Minibatch SGD for the experiments, run by the one training loop (<see cref="Trainer.Run"/>) on a
/// <see cref="MinibatchObjective"/>: θₖ₊₁ = θₖ − ε∇L_Sₖ(θₖ), one fresh batch Sₖ per step.</summary>
internal static class MinibatchTraining
{
    /// <summary>Runs <paramref name="steps"/> SGD steps from <paramref name="theta0"/> and returns θ at the end.
    /// <paramref name="record"/> sees (k, θₖ) at every k that is a multiple of <paramref name="recordEvery"/> and at
    /// k = <paramref name="steps"/>, before the step from θₖ is taken.</summary>
    /// <remarks>The step is θ + (−ε)·g, bit for bit the θ − ε·g of a hand-written loop; the batches are drawn in the
    /// same order. Only non-finite values stop the run early (no explosion threshold), and they throw, naming
    /// <paramref name="hint"/>; cancellation throws <see cref="OperationCanceledException"/>.</remarks>
    public static Vector<double> Sgd(IRowObjective model, Vector<double> theta0, double learningRate, int steps,
        MinibatchSampler sampler, int recordEvery, Action<int, Vector<double>> record, CancellationToken cancellationToken,
        string hint = "")
    {
        var result = Trainer.Run(new MinibatchObjective(model, sampler.Next), Optimizers.GradientDescent(learningRate), theta0,
            new TrainingOptions
            {
                MaxSteps = steps,
                RecordThetaEvery = 0,
                DivergenceFactor = double.PositiveInfinity,
                CallbackEvery = recordEvery,
                OnStep = s => record(s.Step, s.Theta),
            },
            cancellationToken);
        return result.Reason switch
        {
            StopReason.MaxSteps => result.Theta,
            StopReason.Cancelled => throw new OperationCanceledException(result.Message, cancellationToken),
            _ => throw new InvalidOperationException($"training diverged: {result.Message}{hint}"),
        };
    }
}
