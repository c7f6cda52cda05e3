using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Extend;

/// <summary>Chapter 04 — adaptive clipping: clip ‖u‖ to <c>factor</c> × the running mean of the norms seen so far
/// (the first update passes unclipped and starts the mean). The mean is updated with the unclipped norm.</summary>
public sealed class ClipByAdaptiveNorm(double factor = 2.0) : GradientTransform
{
    /// <summary>The state: how many norms were seen and their mean.</summary>
    public sealed record State(int Count, double MeanNorm) : TransformState;

    /// <inheritdoc />
    public override TransformState Init(Vector<double> theta) => new State(0, 0.0);

    /// <inheritdoc />
    public override (Vector<double> Update, TransformState State) Update(Vector<double> update, TransformState state, StepContext context)
    {
        CheckUpdateArguments(update, state, context);
        var s = StateAs<State>(state);
        var norm = update.L2Norm();
        var next = new State(s.Count + 1, s.MeanNorm + (norm - s.MeanNorm) / (s.Count + 1));
        var limit = factor * s.MeanNorm;
        return s.Count > 0 && norm > limit ? (update * (limit / norm), next) : (update.Clone(), next);
    }

    /// <inheritdoc />
    public override string ToString() => $"clip(‖g‖ ≤ {factor:G3}·mean‖g‖)";
}
