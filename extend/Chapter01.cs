using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Extend;

/// <summary>Chapter 01 — a Jacobi (diagonal) preconditioner: uᵢ ↦ uᵢ / Hᵢᵢ with the Hessian's diagonal at θ
/// (context.Hessian()). Task: implement UpdateCore (docs/extend.md, chapter 01), then run  dotnet test extend --filter Chapter01</summary>
public sealed class ScaleByInverseDiagonal : GradientTransform<TransformState>
{
    /// <inheritdoc />
    public override bool UsesHessian => true;

    /// <inheritdoc />
    protected override TransformState InitCore(Vector<double> theta) => TransformState.None;

    /// <inheritdoc />
    protected override (Vector<double> Update, TransformState State) UpdateCore(Vector<double> update, TransformState state, StepContext context) =>
        throw new NotImplementedException("Chapter 01: divide each entry of the update by the Hessian's diagonal");

    /// <inheritdoc />
    public override string ToString() => "scale(1/diag H)";
}
