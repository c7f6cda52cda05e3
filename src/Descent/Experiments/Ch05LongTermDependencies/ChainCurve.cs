namespace Descent.Experiments;

/// <summary>ln‖x_l‖ through a deep linear chain x_l = W_l x_{l−1} (‖x₀‖ = 1), averaged over repeats.</summary>
/// <param name="Kind">"shared" (the same W at every layer, like an RNN) or "independent" (a fresh W_l per layer).</param>
/// <param name="Scale">σ: entries N(0, σ²/n).</param>
/// <param name="MeanLogNorms">Average of ln‖x_l‖ over the repeats, l = 0 … L.</param>
/// <param name="Rate">Measured growth per layer: for "independent" ln‖x_L‖/L averaged over repeats; for "shared" the
/// least-squares slope of ln‖x_l‖ over the second half of the layers, averaged over repeats.</param>
/// <param name="PredictedRate">For "independent": ln σ + ½(ψ(n/2) + ln(2/n)) (ψ the digamma function), exact in expectation
/// because ‖W x‖²/‖x‖² ~ σ²χ²ₙ/n for any fixed x; for "shared": the average of ln ρ(W) over the repeats (Gelfand's formula).</param>
public sealed record ChainCurve(string Kind, double Scale, double[] MeanLogNorms, double Rate, double PredictedRate)
{
    /// <summary>Legend name.</summary>
    public string Name => $"{Kind} weights, σ = {Scale:G3}";

    /// <inheritdoc />
    public override string ToString() => $"{Name}: growth per layer {Rate:F4} (predicted {PredictedRate:F4}); mean ln‖x_L‖ = {MeanLogNorms[^1]:F2}";
}
