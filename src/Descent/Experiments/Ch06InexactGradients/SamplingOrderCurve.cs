using Descent.Data;

namespace Descent.Experiments;

/// <summary>The training curve of one sampling order in <see cref="SamplingOrderComparison"/>.</summary>
/// <param name="Order">How the minibatches were formed.</param>
/// <param name="Steps">SGD step of each record.</param>
/// <param name="Epochs">The same steps in epochs.</param>
/// <param name="TrainLoss">Full training loss L(θₖ).</param>
/// <param name="ValidationError">Validation 0-1 error at θₖ.</param>
/// <param name="LastEpochStart">Index of the first record in the last epoch.</param>
public sealed record SamplingOrderCurve(SamplingOrder Order, int[] Steps, double[] Epochs, double[] TrainLoss, double[] ValidationError, int LastEpochStart)
{
    /// <summary>Mean training loss over the records of the last epoch.</summary>
    public double LastEpochLoss => TrainLoss[LastEpochStart..].Average();

    /// <summary>Largest training loss over the records of the last epoch (the top of the saw-tooth).</summary>
    public double LastEpochPeakLoss => TrainLoss[LastEpochStart..].Max();

    /// <summary>Mean validation error over the records of the last epoch.</summary>
    public double LastEpochValidationError => ValidationError[LastEpochStart..].Average();

    /// <inheritdoc />
    public override string ToString() =>
        $"{Order}: training loss {TrainLoss[0]:G3} → {TrainLoss[^1]:G3} (last-epoch mean {LastEpochLoss:G3}), validation error over the last epoch {LastEpochValidationError:P1}";
}
