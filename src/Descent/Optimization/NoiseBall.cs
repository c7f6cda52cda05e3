namespace Descent.Optimization;

/// <summary>
/// Closed forms for SGD with a constant learning rate ε on a quadratic ½λx² (one eigen-direction of a Hessian) whose
/// gradient carries additive zero-mean noise of variance s²: xₖ₊₁ = xₖ − ε(λxₖ + ξₖ), Var ξₖ = s².
/// </summary>
/// <remarks>
/// <para>The mean contracts, E xₖ = (1 − ελ)ᵏ x₀, but the variance obeys Vₖ₊₁ = (1 − ελ)² Vₖ + ε²s², whose fixed
/// point is the <b>stationary variance</b> of the noise ball
/// V = ε²s² / (1 − (1 − ελ)²) = ε s² / (λ(2 − ελ)), reached as Vₖ = V(1 − (1 − ελ)²ᵏ) from V₀ = 0.
/// It needs 0 &lt; ελ &lt; 2 (the deterministic stability condition). The stationary excess loss is
/// E[½λx²] = ½λV = ε s² / (2(2 − ελ)) ≈ εs²/4 for small ελ: independent of the curvature λ, proportional to ε.</para>
/// <para>With a minibatch of B examples whose per-example gradient noise has variance s₁², s² = s₁²/B, so the ball
/// shrinks like ε/B: halving ε or doubling B give the same stationary variance (to first order in ελ).</para>
/// </remarks>
public static class NoiseBall
{
    /// <summary>V = ε s² / (λ(2 − ελ)).</summary>
    /// <param name="curvature">λ &gt; 0.</param>
    /// <param name="learningRate">ε with 0 &lt; ελ &lt; 2.</param>
    /// <param name="noiseVariance">s² ≥ 0, the variance of the gradient noise per step (s₁²/B for a batch of B).</param>
    public static double StationaryVariance(double curvature, double learningRate, double noiseVariance)
    {
        Check(curvature, learningRate, noiseVariance);
        return learningRate * noiseVariance / (curvature * (2 - learningRate * curvature));
    }

    /// <summary>Vₖ = V(1 − (1 − ελ)²ᵏ): the variance after k steps from a deterministic start.</summary>
    public static double VarianceAfter(int steps, double curvature, double learningRate, double noiseVariance)
    {
        if (steps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be ≥ 0.");
        }

        double v = StationaryVariance(curvature, learningRate, noiseVariance);
        return v * (1 - Math.Pow(1 - learningRate * curvature, 2.0 * steps));
    }

    /// <summary>E[½λx²] at stationarity: ε s² / (2(2 − ελ)).</summary>
    public static double StationaryExcessLoss(double curvature, double learningRate, double noiseVariance) =>
        0.5 * curvature * StationaryVariance(curvature, learningRate, noiseVariance);

    /// <summary>The learning rate whose noise ball has stationary variance V: solving V = εs²/(λ(2 − ελ)) for ε gives
    /// ε = 2λV / (s² + λ²V).</summary>
    /// <param name="curvature">λ &gt; 0.</param>
    /// <param name="variance">Target V &gt; 0.</param>
    /// <param name="noiseVariance">s² &gt; 0.</param>
    public static double LearningRateFor(double curvature, double variance, double noiseVariance)
    {
        if (!(curvature > 0) || !double.IsFinite(curvature))
        {
            throw new ArgumentOutOfRangeException(nameof(curvature), curvature, "curvature must be a finite number > 0.");
        }

        if (!(variance > 0) || !double.IsFinite(variance))
        {
            throw new ArgumentOutOfRangeException(nameof(variance), variance, "variance must be a finite number > 0.");
        }

        if (!(noiseVariance > 0) || !double.IsFinite(noiseVariance))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseVariance), noiseVariance, "noiseVariance must be a finite number > 0.");
        }

        return 2 * curvature * variance / (noiseVariance + curvature * curvature * variance);
    }

    private static void Check(double curvature, double learningRate, double noiseVariance)
    {
        if (!(curvature > 0) || !double.IsFinite(curvature))
        {
            throw new ArgumentOutOfRangeException(nameof(curvature), curvature, "curvature must be a finite number > 0.");
        }

        if (!(learningRate > 0) || !(learningRate * curvature < 2))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate,
                $"learningRate must be in (0, 2/λ) = (0, {2 / curvature:G4}); beyond it the iteration diverges and there is no stationary variance.");
        }

        if (!(noiseVariance >= 0) || !double.IsFinite(noiseVariance))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseVariance), noiseVariance, "noiseVariance must be a finite number ≥ 0.");
        }
    }
}
