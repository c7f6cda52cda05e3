using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// The optimal step of the second-order Taylor model along u (Harakeh, "Optimization for Training Deep Models"; Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions"): L(θ − εu) ≈
/// L − ε gᵀu + ½ε² uᵀHu is smallest at ε* = gᵀu / uᵀHu, i.e. ε* = gᵀg / gᵀHg when u = g.
/// Output ε·u with ε = min(ε*, maxStep), clamped at 0; H·u comes from the objective's
/// Hessian-vector product, so the Hessian is never formed.
/// </summary>
/// <remarks>
/// Fallback: when uᵀHu ≤ 0 the model predicts that every step size improves the loss (Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions"), so
/// ε* does not exist; the transform then takes ε = maxStep. The same cap applies when uᵀHu is tiny
/// and ε* would be huge. When gᵀu &lt; 0 (u points uphill) ε = 0. The ε used is kept in the state.
/// </remarks>
public sealed class ScaleByOptimalStep : GradientTransform<ScaleByOptimalStep.State>
{
    /// <summary>The step size used by the last update.</summary>
    /// <param name="LastStep">ε of the last update (NaN before the first).</param>
    /// <param name="UsedFallback">True when the last update took maxStep because uᵀHu ≤ 0 or ε* &gt; maxStep.</param>
    public sealed record State(double LastStep, bool UsedFallback) : TransformState
    {
        /// <inheritdoc />
        public override string ToString() => $"ε = {Text.Num(LastStep)}{(UsedFallback ? " (capped)" : "")}";
    }

    /// <summary>Creates the optimal-step transform.</summary>
    /// <param name="maxStep">Cap ε_max &gt; 0, used when gᵀHg ≤ 0.</param>
    public ScaleByOptimalStep(double maxStep) => MaxStep = Guard.Positive(maxStep, nameof(maxStep));

    /// <summary>ε_max.</summary>
    public double MaxStep { get; }

    /// <inheritdoc />
    public override bool UsesHessian => true;

    /// <inheritdoc />
    protected override State InitCore(Vector<double> theta) => new State(double.NaN, false);

    /// <inheritdoc />
    protected override (Vector<double> Update, State State) UpdateCore(Vector<double> update, State state, StepContext context)
    {
        double slope = context.Gradient.DotProduct(update);
        double curvature = update.DotProduct(context.HessianVectorProduct(update));
        double epsilon;
        bool fallback;
        if (slope <= 0)
        {
            (epsilon, fallback) = (0.0, false);
        }
        else if (curvature <= 0 || slope / curvature > MaxStep)
        {
            (epsilon, fallback) = (MaxStep, true);
        }
        else
        {
            (epsilon, fallback) = (slope / curvature, false);
        }

        return (update * epsilon, new State(epsilon, fallback));
    }

    /// <inheritdoc />
    public override string ToString() => $"optimal-step(ε*=gᵀg/gᵀHg ≤ {Text.Num(MaxStep)})";
}
