using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>One SGD run of a <see cref="DigitsNetwork"/>: start, end, the recorded iterates and the losses at the end.</summary>
/// <param name="Start">θ₀.</param>
/// <param name="Theta">θ* (the last iterate).</param>
/// <param name="Snapshots">θ every few steps, θ₀ first and θ* last.</param>
/// <param name="SnapshotSteps">The SGD step of each snapshot.</param>
/// <param name="StepLength">Σₖ ‖θₖ₊₁ − θₖ‖ over every SGD step (minibatch noise included).</param>
/// <param name="InitialTrainLoss">L(θ₀) on the training split.</param>
/// <param name="TrainLoss">L(θ*) on the training split.</param>
/// <param name="ValidationLoss">L(θ*) on the validation split.</param>
/// <param name="TrainError">0-1 loss (error rate) of θ* on the training split.</param>
/// <param name="ValidationError">0-1 loss of θ* on the validation split.</param>
public sealed record DigitsTrainingRun(
    Vector<double> Start,
    Vector<double> Theta,
    IReadOnlyList<Vector<double>> Snapshots,
    int[] SnapshotSteps,
    double StepLength,
    double InitialTrainLoss,
    double TrainLoss,
    double ValidationLoss,
    double TrainError,
    double ValidationError)
{
    /// <summary>‖θ* − θ₀‖: the length of the straight line from start to end.</summary>
    public double StraightDistance => (Theta - Start).L2Norm();

    /// <summary>Σ ‖θ_{s+1} − θ_s‖ over consecutive snapshots: the trajectory's length with most of the minibatch
    /// jitter averaged out (snapshots are several steps apart).</summary>
    public double PathLength
    {
        get
        {
            double length = 0;
            for (int s = 1; s < Snapshots.Count; s++)
            {
                length += (Snapshots[s] - Snapshots[s - 1]).L2Norm();
            }

            return length;
        }
    }

    /// <summary>Path length over straight distance (1 for a straight path).</summary>
    public double PathToDistanceRatio => PathLength / StraightDistance;

    /// <inheritdoc />
    public override string ToString() =>
        $"{SnapshotSteps[^1]} SGD steps: train loss {InitialTrainLoss:G4} → {TrainLoss:G4} (error {TrainError:P1}), validation loss {ValidationLoss:G4} (error {ValidationError:P1}); "
        + $"path {PathLength:G4} vs straight distance {StraightDistance:G4} (×{PathToDistanceRatio:G3})";
}
