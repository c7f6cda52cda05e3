namespace Descent.Experiments;

/// <summary>Result of <see cref="ClippingStatistics"/>.</summary>
/// <param name="Mlp">The digits MLP.</param>
/// <param name="Rnn">The adding-problem RNN.</param>
public sealed record ClippingStatisticsResult(ClippingTrace Mlp, ClippingTrace Rnn) : IExperimentResult
{
    /// <inheritdoc />
    public string Summary => $"{Mlp}\n{Rnn}";

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["step", "mlp_gradient_norm", "mlp_batch_loss", "rnn_gradient_norm", "rnn_batch_loss"],
        Enumerable.Range(0, Math.Min(Mlp.GradientNorms.Length, Rnn.GradientNorms.Length)).Select(k =>
            (IReadOnlyList<object>)[k, Mlp.GradientNorms[k], Mlp.BatchLosses[k], Rnn.GradientNorms[k], Rnn.BatchLosses[k]]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}
