using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Extend;

/// <summary>Chapter 01 — a Jacobi (diagonal) preconditioner: uᵢ ↦ uᵢ / Hᵢᵢ with the Hessian's diagonal at θ
/// (context.Hessian()). Task: implement Apply (docs/extend.md, chapter 01), then run  dotnet test extend --filter Chapter01</summary>
public sealed class ScaleByInverseDiagonal : StatelessTransform
{
    /// <inheritdoc />
    public override bool UsesHessian => true;

    /// <inheritdoc />
    protected override Vector<double> Apply(Vector<double> update, StepContext context) =>
        throw new NotImplementedException("Chapter 01: divide each entry of the update by the Hessian's diagonal");

    /// <inheritdoc />
    public override string ToString() => "scale(1/diag H)";
}
