namespace Descent.Experiments;

/// <summary>Result of <see cref="ScheduleComparison"/>: one excess-loss curve per schedule and the constant step's
/// predicted plateau.</summary>
/// <param name="Curves">Constant, step decay and inverse-time decay, in that order.</param>
/// <param name="Plateau">Σᵢ ε s²/(2(2 − ελᵢ)), the stationary excess loss of the constant learning rate.</param>
public sealed record ScheduleComparisonResult(IReadOnlyList<ScheduleCurve> Curves, double Plateau) : IExperimentResult
{
    /// <summary>The constant-step curve.</summary>
    public ScheduleCurve Constant => Curves[0];

    /// <inheritdoc />
    public string Summary =>
        $"constant ε stalls at excess loss {Constant.LastQuarterMean:G3} (predicted noise-ball level {Plateau:G3}); "
        + string.Join("; ", Curves.Skip(1).Select(c => $"{c.Schedule} ends at {c.Final:G3} ({Plateau / c.Final:G3}× below)"));

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["step", .. Curves.Select(c => c.Schedule)],
        Enumerable.Range(0, Constant.Steps.Length).Select(k => (IReadOnlyList<object>)[Constant.Steps[k], .. Curves.Select(c => (object)c.ExcessLoss[k])]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}
