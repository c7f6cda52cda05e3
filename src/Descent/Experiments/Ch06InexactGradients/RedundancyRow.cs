namespace Descent.Experiments;

/// <summary>One data set of <see cref="Redundancy"/>: K distinct digits, each copied r times.</summary>
/// <param name="DistinctExamples">K.</param>
/// <param name="Copies">r.</param>
/// <param name="ExampleCount">N = K·r, the cost (example gradients) of one exact gradient.</param>
/// <param name="Sigma">σ of the per-example gradients (depends on the K distinct examples only, not on r).</param>
/// <param name="BatchSize">n, the cost of one minibatch gradient.</param>
/// <param name="Measured">√E‖ĝₙ − g‖² measured (batches with replacement).</param>
/// <param name="Predicted">σ/√n.</param>
public sealed record RedundancyRow(int DistinctExamples, int Copies, int ExampleCount, double Sigma, int BatchSize, double Measured, double Predicted)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"K = {DistinctExamples} × r = {Copies} (N = {ExampleCount}): σ = {Sigma:G4}, error of a {BatchSize}-example batch {Measured:G4} (σ/√n = {Predicted:G4})";
}
