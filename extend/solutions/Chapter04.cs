using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Extend;

/// <summary>Chapter 04 — adaptive clipping: clip ‖u‖ to <c>factor</c> × the running mean of the norms seen so far
/// (the first update passes unclipped and starts the mean). The mean is updated with the unclipped norm.</summary>
public sealed class ClipByAdaptiveNorm(double factor = 2.0) : GradientTransform<ClipByAdaptiveNorm.State>
{
    /// <summary>The state: how many norms were seen and their mean.</summary>
    public sealed record State(int Count, double MeanNorm) : TransformState;

    /// <inheritdoc />
    protected override State InitCore(Vector<double> theta) => new State(0, 0.0);

    /// <inheritdoc />
    protected override (Vector<double> Update, State State) UpdateCore(Vector<double> update, State state, StepContext context)
    {
        var norm = update.L2Norm();
        var next = new State(state.Count + 1, state.MeanNorm + (norm - state.MeanNorm) / (state.Count + 1));
        var limit = factor * state.MeanNorm;
        return state.Count > 0 && norm > limit ? (update * (limit / norm), next) : (update.Clone(), next);
    }

    /// <inheritdoc />
    public override string ToString() => $"clip(‖g‖ ≤ {factor:G3}·mean‖g‖)";
}
