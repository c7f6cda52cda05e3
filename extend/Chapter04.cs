using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Extend;

/// <summary>Chapter 04 — adaptive clipping: clip ‖u‖ to factor × the running mean of the norms seen so far (the first
/// update passes and starts the mean). Task: implement InitCore and UpdateCore (docs/extend.md, chapter 04), then run
/// dotnet test extend --filter Chapter04</summary>
public sealed class ClipByAdaptiveNorm(double factor = 2.0) : GradientTransform<ClipByAdaptiveNorm.State>
{
    /// <summary>The state: how many norms were seen and their mean.</summary>
    public sealed record State(int Count, double MeanNorm) : TransformState;

    /// <inheritdoc />
    protected override State InitCore(Vector<double> theta) => throw new NotImplementedException("Chapter 04: the initial state");

    /// <inheritdoc />
    protected override (Vector<double> Update, State State) UpdateCore(Vector<double> update, State state, StepContext context) =>
        throw new NotImplementedException("Chapter 04: clip to factor × the running mean norm");

    /// <inheritdoc />
    public override string ToString() => $"clip(‖g‖ ≤ {factor:G3}·mean‖g‖)";
}
