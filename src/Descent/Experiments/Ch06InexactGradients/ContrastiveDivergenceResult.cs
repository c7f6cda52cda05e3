namespace Descent.Experiments;

/// <summary>Result of <see cref="ContrastiveDivergenceBias"/>.</summary>
/// <param name="Rows">Bias and variance per k at the parameters where CD-1 training ended.</param>
/// <param name="GradientNorm">‖∇L‖ there (the exact gradient CD-k estimates).</param>
/// <param name="Steps">Training step of each record (0 … TrainSteps).</param>
/// <param name="Exact">Exact mean negative log-likelihood along training with the exact gradient.</param>
/// <param name="CdOne">The same along training with CD-1.</param>
/// <param name="CdK">The same along training with CD-k.</param>
/// <param name="TrainingK">k of <paramref name="CdK"/>.</param>
/// <param name="Entropy">Entropy of the data's empirical distribution −Σ q log q: the lowest possible mean negative log-likelihood.</param>
/// <param name="LogPartition">log Z there (a sum of 2^V terms).</param>
public sealed record ContrastiveDivergenceResult(IReadOnlyList<ContrastiveDivergenceRow> Rows, double GradientNorm, int[] Steps,
    double[] Exact, double[] CdOne, double[] CdK, int TrainingK, double Entropy, double LogPartition) : IExperimentResult
{
    /// <inheritdoc />
    public string Summary =>
        $"where CD-1 training ended (‖∇L‖ = {GradientNorm:G3}, log Z = {LogPartition:G4}): bias of CD-k "
        + string.Join(", ", Rows.Select(r => $"k={r.K} {r.Bias:G2}")) + "; noise " + string.Join(", ", Rows.Select(r => $"{r.Noise:G2}"))
        + $". Training, final NLL: exact {Exact[^1]:G4}, CD-{TrainingK} {CdK[^1]:G4}, CD-1 {CdOne[^1]:G4} (data entropy {Entropy:G4})";

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["k", "bias", "noise", "monte_carlo_bias", "cosine"],
        Rows.Select(r => (IReadOnlyList<object>)[r.K, r.Bias, r.Noise, r.MonteCarloBias, r.Cosine]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + ToTable();
}
