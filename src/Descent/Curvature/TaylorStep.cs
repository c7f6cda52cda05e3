namespace Descent.Curvature;

/// <summary>
/// One gradient step θ → θ − εg compared with its second-order Taylor prediction (Srihari, "Challenges in Neural Network Optimization"; Harakeh, "Optimization for Training Deep Models"; Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions"):
/// predicted ΔL = −εgᵀg + ½ε²gᵀHg, actual ΔL = L(θ − εg) − L(θ).
/// </summary>
/// <param name="Epsilon">Step size ε ≥ 0.</param>
/// <param name="LinearTerm">−εgᵀg, the first-order decrease.</param>
/// <param name="CurvatureTerm">½ε²gᵀHg, the correction from directional curvature.</param>
/// <param name="Actual">L(θ − εg) − L(θ); may be +∞ or NaN when the step overflows (see <see cref="ActualIsFinite"/>).</param>
public sealed record TaylorStep(double Epsilon, double LinearTerm, double CurvatureTerm, double Actual)
{
    /// <summary>Predicted change −εgᵀg + ½ε²gᵀHg.</summary>
    public double Predicted => LinearTerm + CurvatureTerm;

    /// <summary>Actual − predicted: zero (to rounding) for a quadratic, O(ε³) otherwise.</summary>
    public double Error => Actual - Predicted;

    /// <summary>False when L(θ − εg) overflowed (the step jumped off a cliff): <see cref="Actual"/> is then not a number to plot.</summary>
    public bool ActualIsFinite => double.IsFinite(Actual);

    /// <summary>The quadratic model says the step goes uphill: ½ε²gᵀHg &gt; εgᵀg.</summary>
    public bool PredictedHarmful => Predicted > 0;

    /// <summary>The step really went uphill (or overflowed).</summary>
    public bool ActuallyHarmful => !(Actual <= 0);

    /// <inheritdoc />
    public override string ToString() =>
        $"ε = {Epsilon:G4}: predicted ΔL = {LinearTerm:G5} + {CurvatureTerm:G5} = {Predicted:G6}, actual ΔL = " +
        (ActualIsFinite ? $"{Actual:G6} (error {Error:G3})" : $"{Actual} (the step overflowed)") +
        (ActuallyHarmful ? ", uphill" : "");
}
