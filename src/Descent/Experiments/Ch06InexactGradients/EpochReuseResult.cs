namespace Descent.Experiments;

/// <summary>Result of <see cref="EpochReuse"/>: per epoch, three estimates of the loss at the current parameters.</summary>
/// <param name="Epochs">1, 2, … .</param>
/// <param name="BatchLoss">Mean over the epoch's steps of the loss of the batch about to be used, before the step uses it.</param>
/// <param name="TrainLoss">Mean over the epoch's monitored steps of the full training loss.</param>
/// <param name="ValidationLoss">Mean over the same steps of the validation loss (an independent estimate of the generalization loss).</param>
/// <param name="TrainCount">N, the training examples.</param>
public sealed record EpochReuseResult(int[] Epochs, double[] BatchLoss, double[] TrainLoss, double[] ValidationLoss, int TrainCount) : IExperimentResult
{
    /// <summary>Validation loss minus batch loss per epoch: ≈ 0 in the first epoch (unbiased), positive and growing after.</summary>
    public double[] Gap => ValidationLoss.Zip(BatchLoss, (v, b) => v - b).ToArray();

    /// <inheritdoc />
    public string Summary =>
        $"N = {TrainCount}. Epoch 1 (every batch unseen): batch loss {BatchLoss[0]:G3} vs validation {ValidationLoss[0]:G3} (gap {Gap[0]:+0.000;-0.000}). "
        + $"Epoch {Epochs[^1]} (every batch seen {Epochs[^1] - 1}×): batch loss {BatchLoss[^1]:G3}, training {TrainLoss[^1]:G3}, validation {ValidationLoss[^1]:G3} (gap {Gap[^1]:+0.000;-0.000})";

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["epoch", "batch_loss", "train_loss", "validation_loss", "gap"],
        Epochs.Select((e, k) => (IReadOnlyList<object>)[e, BatchLoss[k], TrainLoss[k], ValidationLoss[k], Gap[k]]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}
