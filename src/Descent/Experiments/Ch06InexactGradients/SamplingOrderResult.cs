using Descent.Data;

namespace Descent.Experiments;

/// <summary>Result of <see cref="SamplingOrderComparison"/>: one training curve per sampling order.</summary>
/// <param name="Curves">In the order of the parameters.</param>
public sealed record SamplingOrderResult(IReadOnlyList<SamplingOrderCurve> Curves) : IExperimentResult
{
    /// <summary>The curve of one order.</summary>
    public SamplingOrderCurve this[SamplingOrder order] => Curves.FirstOrDefault(c => c.Order == order)
        ?? throw new ArgumentOutOfRangeException(nameof(order), order, $"not run; the orders are {string.Join(", ", Curves.Select(c => c.Order))}.");

    /// <inheritdoc />
    public string Summary => "over the last epoch, mean (peak) training loss and mean validation error: "
        + string.Join("; ", Curves.Select(c => $"{c.Order} {c.LastEpochLoss:G3} ({c.LastEpochPeakLoss:G3}), {c.LastEpochValidationError:P1}"));

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["order", "step", "epoch", "train_loss", "validation_error"],
        Curves.SelectMany(c => c.Steps.Select((s, k) => (IReadOnlyList<object>)[c.Order.ToString(), s, c.Epochs[k], c.TrainLoss[k], c.ValidationError[k]])).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}
