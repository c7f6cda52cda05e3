using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Extend;

/// <summary>Chapter 01 — a Jacobi (diagonal) preconditioner: uᵢ ↦ uᵢ / Hᵢᵢ, with the Hessian's diagonal at θ.
/// On an axis-aligned quadratic it undoes the ill-conditioning completely; on a rotated one it cannot.</summary>
public sealed class ScaleByInverseDiagonal : StatelessTransform
{
    /// <inheritdoc />
    public override bool UsesHessian => true;

    /// <inheritdoc />
    protected override Vector<double> Apply(Vector<double> update, StepContext context)
    {
        var diagonal = context.Hessian().Diagonal();
        return update.MapIndexed((i, u) => u / Math.Max(Math.Abs(diagonal[i]), 1e-12));
    }

    /// <inheritdoc />
    public override string ToString() => "scale(1/diag H)";
}
