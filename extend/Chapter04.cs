using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Extend;

/// <summary>Chapter 04 — adaptive clipping: clip ‖u‖ to factor × the running mean of the norms seen so far (the first
/// update passes and starts the mean). Task: implement Init and Update (docs/extend.md, chapter 04), then run
/// dotnet test extend --filter Chapter04</summary>
public sealed class ClipByAdaptiveNorm(double factor = 2.0) : GradientTransform
{
    /// <summary>The state: how many norms were seen and their mean.</summary>
    public sealed record State(int Count, double MeanNorm) : TransformState;

    /// <inheritdoc />
    public override TransformState Init(Vector<double> theta) => throw new NotImplementedException("Chapter 04: the initial state");

    /// <inheritdoc />
    public override (Vector<double> Update, TransformState State) Update(Vector<double> update, TransformState state, StepContext context) =>
        throw new NotImplementedException("Chapter 04: clip to factor × the running mean norm");

    /// <inheritdoc />
    public override string ToString() => $"clip(‖g‖ ≤ {factor:G3}·mean‖g‖)";
}
