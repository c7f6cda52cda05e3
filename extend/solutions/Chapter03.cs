using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Extend;

/// <summary>Chapter 03 — escape along negative curvature: when ‖u‖ &lt; tolerance and H has a negative eigenvalue
/// λmin, replace the update by a step of length <c>radius</c> along its eigenvector vmin (a descent direction of the
/// quadratic model in both signs); otherwise pass the update through.</summary>
public sealed class NegativeCurvatureStep(double tolerance = 1e-6, double radius = 0.1) : StatelessTransform
{
    /// <inheritdoc />
    public override bool UsesHessian => true;

    /// <inheritdoc />
    protected override Vector<double> Apply(Vector<double> update, StepContext context)
    {
        if (update.L2Norm() >= tolerance)
        {
            return update;
        }

        var evd = context.Hessian().Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        var lowest = Enumerable.Range(0, update.Count).MinBy(i => evd.EigenValues[i].Real);
        return evd.EigenValues[lowest].Real < 0
            ? evd.EigenVectors.Column(lowest).Normalize(2) * radius
            : update;
    }

    /// <inheritdoc />
    public override string ToString() => $"negative-curvature step (‖u‖ < {tolerance:G3} → {radius:G3}·vmin)";
}
