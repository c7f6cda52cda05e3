using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// Saddle-free Newton direction (Dauphin et al. 2014, "Identifying and attacking the saddle point
/// problem"): output |H|⁻¹u with H = QΛQᵀ and |H| = Q diag(max(|λᵢ|, minimumCurvature)) Qᵀ. Rescales
/// like Newton along each eigenvector but keeps the sign of descent, so negative curvature pushes
/// away from a saddle instead of towards it. Stateless.
/// </summary>
/// <remarks>The floor on |λ| (Dauphin et al. use a damping term to the same end) keeps the step
/// bounded along flat directions.</remarks>
public sealed class ScaleBySaddleFreeNewton : StatelessTransform
{
    /// <summary>Creates the saddle-free Newton direction.</summary>
    /// <param name="minimumCurvature">Floor μ &gt; 0 on |λᵢ|.</param>
    public ScaleBySaddleFreeNewton(double minimumCurvature = 1e-3) =>
        MinimumCurvature = Guard.Positive(minimumCurvature, nameof(minimumCurvature));

    /// <summary>μ.</summary>
    public double MinimumCurvature { get; }

    /// <inheritdoc />
    public override bool UsesHessian => true;

    /// <inheritdoc />
    protected override Vector<double> Apply(Vector<double> update, StepContext context) =>
        Spectral.Apply(context.Hessian(), update, l => 1.0 / Math.Max(Math.Abs(l), MinimumCurvature));

    /// <inheritdoc />
    public override string ToString() => $"saddle-free-newton(|H|⁻¹g, |λ|≥{Text.Num(MinimumCurvature)})";
}
