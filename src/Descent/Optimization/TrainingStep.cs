using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>What the per-step callback of <see cref="Trainer.Run"/> sees: the iterate θₖ (do not
/// modify it; clone it to keep it), its loss and gradient norm, and the time since the start.</summary>
/// <param name="Step">k, the number of updates taken so far.</param>
/// <param name="Theta">θₖ (owned by the trainer, read only).</param>
/// <param name="Loss">L(θₖ).</param>
/// <param name="GradientNorm">‖∇L(θₖ)‖.</param>
/// <param name="Elapsed">Wall-clock time since the run started.</param>
public readonly record struct TrainingStep(int Step, Vector<double> Theta, double Loss, double GradientNorm, TimeSpan Elapsed)
{
    /// <inheritdoc />
    public override string ToString() => $"step {Step}: loss {Loss:G6}, ‖g‖ {GradientNorm:G4} ({Elapsed.TotalMilliseconds:F0} ms)";
}
