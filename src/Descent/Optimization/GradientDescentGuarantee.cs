namespace Descent.Optimization;

/// <summary>
/// What Yarotsky's proposition guarantees for gradient descent W⁽ⁿ⁺¹⁾ = W⁽ⁿ⁾ − α∇L(W⁽ⁿ⁾) on an L with M-Lipschitz gradient,
/// bounded below: with c = α(1 − Mα/2) &gt; 0 (i.e. 0 &lt; α &lt; 2/M), each step lowers L by at least c‖∇L‖², so
/// Σₙ₌₁ᴺ ‖∇L(W⁽ⁿ⁾)‖² ≤ (L(W⁽¹⁾) − min L)/c and
/// min_{n ≤ N} ‖∇L(W⁽ⁿ⁾)‖ ≤ c^{−1/2} N^{−1/2} (L(W⁽¹⁾) − min L)^{1/2}; the stopping rule ‖∇L‖ &lt; ε fires within
/// (L(W⁽¹⁾) − min L)/(cε²) steps.
/// </summary>
/// <param name="LipschitzConstant">M &gt; 0 (any upper bound on the gradient's Lipschitz constant where the iterates go).</param>
/// <param name="LearningRate">α &gt; 0.</param>
/// <param name="InitialGap">L(W⁽¹⁾) − min L ≥ 0 (an upper bound works too, e.g. L(W⁽¹⁾) for a loss ≥ 0).</param>
/// <remarks>Indexing: the seed's W⁽¹⁾ is the trainer's θ₀, so "N iterates" are θ₀ … θ_{N−1} and
/// <see cref="TrainingResult.RunningMinimumGradientNorm"/>()[k] is bounded by <see cref="GradientNormBound"/>(k + 1).</remarks>
public sealed record GradientDescentGuarantee(double LipschitzConstant, double LearningRate, double InitialGap)
{
    /// <summary>M.</summary>
    public double LipschitzConstant { get; } = LipschitzConstant > 0 && double.IsFinite(LipschitzConstant)
        ? LipschitzConstant
        : throw new ArgumentOutOfRangeException(nameof(LipschitzConstant), LipschitzConstant, "LipschitzConstant M must be a finite number > 0.");

    /// <summary>α.</summary>
    public double LearningRate { get; } = LearningRate > 0 && double.IsFinite(LearningRate)
        ? LearningRate
        : throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate α must be a finite number > 0.");

    /// <summary>L(W⁽¹⁾) − min L.</summary>
    public double InitialGap { get; } = InitialGap >= 0 && double.IsFinite(InitialGap)
        ? InitialGap
        : throw new ArgumentOutOfRangeException(nameof(InitialGap), InitialGap, "InitialGap L(W1) − min L must be a finite number ≥ 0.");

    /// <summary>c = α(1 − Mα/2): the guaranteed decrease per unit ‖∇L‖² (≤ 0 when α ≥ 2/M, and then nothing is guaranteed).</summary>
    public double StepFactor => DecreaseFactor(LipschitzConstant, LearningRate);

    /// <summary>True when α &lt; 2/M, so c &gt; 0 and the bounds hold.</summary>
    public bool Applies => StepFactor > 0;

    /// <summary>c^{−1/2} N^{−1/2} (L(W⁽¹⁾) − min L)^{1/2}: bound on the smallest gradient norm among the first N iterates
    /// (+∞ when α ≥ 2/M).</summary>
    public double GradientNormBound(int iterates)
    {
        if (iterates < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(iterates), iterates, "iterates N must be ≥ 1.");
        }

        return Applies ? Math.Sqrt(InitialGap / (StepFactor * iterates)) : double.PositiveInfinity;
    }

    /// <summary>(L(W⁽¹⁾) − min L)/(cε²): at most this many iterates have ‖∇L‖ ≥ ε before the stopping rule ‖∇L‖ &lt; ε fires
    /// (+∞ when α ≥ 2/M).</summary>
    public double StepsBound(double tolerance)
    {
        if (!(tolerance > 0) || !double.IsFinite(tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "tolerance ε must be a finite number > 0.");
        }

        return Applies ? InitialGap / (StepFactor * tolerance * tolerance) : double.PositiveInfinity;
    }

    /// <summary>c(M, α) = α(1 − Mα/2).</summary>
    public static double DecreaseFactor(double lipschitzConstant, double learningRate) =>
        learningRate * (1 - lipschitzConstant * learningRate / 2);

    /// <summary>α = 1/M, which maximizes c(α) = α − Mα²/2 (c′(α) = 1 − Mα = 0), giving c = 1/(2M).</summary>
    public static double OptimalLearningRate(double lipschitzConstant) =>
        lipschitzConstant > 0 && double.IsFinite(lipschitzConstant)
            ? 1 / lipschitzConstant
            : throw new ArgumentOutOfRangeException(nameof(lipschitzConstant), lipschitzConstant, "lipschitzConstant M must be a finite number > 0.");

    /// <inheritdoc />
    public override string ToString() => Applies
        ? $"GD guarantee (M = {LipschitzConstant:G4}, α = {LearningRate:G4}, L(W₁) − min L = {InitialGap:G4}): c = {StepFactor:G4}, min‖∇L‖ ≤ {Math.Sqrt(InitialGap / StepFactor):G4}/√N, ‖∇L‖ < ε within {InitialGap / StepFactor:G4}/ε² steps"
        : $"GD guarantee (M = {LipschitzConstant:G4}, α = {LearningRate:G4}): none — α ≥ 2/M = {2 / LipschitzConstant:G4}, so c = {StepFactor:G4} ≤ 0";
}
