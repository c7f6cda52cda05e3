using System.Text;

namespace Descent.Curvature;

/// <summary>A sweep of gradient steps of several sizes at one point, for a chart of predicted against actual change.</summary>
/// <param name="Steps">One <see cref="TaylorStep"/> per ε, in the order given.</param>
/// <param name="GradientSquaredNorm">gᵀg.</param>
/// <param name="Curvature">gᵀHg.</param>
/// <param name="OptimalStep">ε* = gᵀg/gᵀHg, or +∞ when gᵀHg ≤ 0.</param>
/// <param name="HarmfulThreshold">2gᵀg/gᵀHg, beyond which the quadratic model predicts an increase; +∞ when gᵀHg ≤ 0.</param>
public sealed record TaylorSweep(IReadOnlyList<TaylorStep> Steps, double GradientSquaredNorm, double Curvature, double OptimalStep, double HarmfulThreshold)
{
    /// <summary>The ε values.</summary>
    public double[] Epsilons => Steps.Select(s => s.Epsilon).ToArray();

    /// <summary>Predicted changes, one per ε.</summary>
    public double[] Predicted => Steps.Select(s => s.Predicted).ToArray();

    /// <summary>Actual changes, one per ε (non-finite where the step overflowed).</summary>
    public double[] Actual => Steps.Select(s => s.Actual).ToArray();

    /// <summary>The sampled step with the lowest actual change (null when none is finite).</summary>
    public TaylorStep? BestActual => Steps.Where(s => s.ActualIsFinite).MinBy(s => s.Actual);

    /// <inheritdoc />
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append($"TaylorSweep({Steps.Count} steps): gᵀg = {GradientSquaredNorm:G5}, gᵀHg = {Curvature:G5}, ε* = {OptimalStep:G4}, harmful beyond ε = {HarmfulThreshold:G4}");
        int overflowed = Steps.Count(s => !s.ActualIsFinite);
        if (overflowed > 0)
        {
            sb.Append($"; {overflowed} step(s) overflowed");
        }

        if (BestActual is { } best)
        {
            sb.Append($"; best sampled ε = {best.Epsilon:G4} (ΔL = {best.Actual:G5})");
        }

        return sb.ToString();
    }
}
