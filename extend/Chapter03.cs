using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Extend;

/// <summary>Chapter 03 — escape along negative curvature: when ‖u‖ &lt; tolerance and H has a negative eigenvalue,
/// replace the update by a step of length radius along its eigenvector. Task: implement Apply (docs/extend.md,
/// chapter 03), then run  dotnet test extend --filter Chapter03</summary>
public sealed class NegativeCurvatureStep(double tolerance = 1e-6, double radius = 0.1) : StatelessTransform
{
    /// <inheritdoc />
    public override bool UsesHessian => true;

    /// <inheritdoc />
    protected override Vector<double> Apply(Vector<double> update, StepContext context) =>
        throw new NotImplementedException("Chapter 03: step along the most negative eigenvector when the gradient vanishes");

    /// <inheritdoc />
    public override string ToString() => $"negative-curvature step (‖u‖ < {tolerance:G3} → {radius:G3}·vmin)";
}
