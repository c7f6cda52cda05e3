namespace Descent.Experiments;

/// <summary>The mean excess loss E[L(xₖ) − L(x*)] over the chains of one learning-rate schedule.</summary>
/// <param name="Schedule">The schedule's formula, e.g. "0.1/(1 + 0.01t)".</param>
/// <param name="Steps">Step k of each record.</param>
/// <param name="ExcessLoss">E[Σᵢ ½λᵢxᵢ²] at step k.</param>
public sealed record ScheduleCurve(string Schedule, int[] Steps, double[] ExcessLoss)
{
    /// <summary>The excess loss at the last step.</summary>
    public double Final => ExcessLoss[^1];

    /// <summary>The mean excess loss over the last quarter of the records (a time average of the plateau).</summary>
    public double LastQuarterMean => ExcessLoss[(3 * ExcessLoss.Length / 4)..].Average();

    /// <inheritdoc />
    public override string ToString() => $"{Schedule}: excess loss {ExcessLoss[0]:G3} → {Final:G3}";
}
