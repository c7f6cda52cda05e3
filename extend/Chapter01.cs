using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Extend;

/// <summary>Chapter 01 — a Jacobi (diagonal) preconditioner: uᵢ ↦ uᵢ / Hᵢᵢ with the Hessian's diagonal at θ
/// (context.Hessian()). Task: implement Update (docs/extend.md, chapter 01), then run  dotnet test extend --filter Chapter01</summary>
public sealed class ScaleByInverseDiagonal : GradientTransform
{
    /// <inheritdoc />
    public override bool UsesHessian => true;

    /// <inheritdoc />
    public override TransformState Init(Vector<double> theta) => TransformState.None;

    /// <inheritdoc />
    public override (Vector<double> Update, TransformState State) Update(Vector<double> update, TransformState state, StepContext context) =>
        throw new NotImplementedException("Chapter 01: divide each entry of the update by the Hessian's diagonal");

    /// <inheritdoc />
    public override string ToString() => "scale(1/diag H)";
}
