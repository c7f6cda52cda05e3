namespace Descent.Optimization;

/// <summary>
/// The optimizers of the course, each a chain of transforms (optax's <c>alias.py</c>). Every
/// learning rate is a number ≥ 0 or a <see cref="LearningRateSchedule"/>; bad arguments throw an
/// <see cref="ArgumentOutOfRangeException"/> naming the argument and its valid range.
/// </summary>
public static class Optimizers
{
    /// <summary>Gradient descent θ ← θ − εg (Harakeh, "Optimization for Training Deep Models"): scale(−ε).</summary>
    public static Optimizer GradientDescent(LearningRateSchedule learningRate) =>
        new($"GradientDescent(learningRate={learningRate})", new ScaleByLearningRate(Check(learningRate)));

    /// <summary>Heavy-ball momentum θ ← θ − εg + β(θ − θ_prev) (Polyak 1964): momentum(β) → scale(−ε).</summary>
    public static Optimizer Momentum(LearningRateSchedule learningRate, double momentum = 0.9) =>
        new($"Momentum(learningRate={learningRate}, momentum={Text.Num(momentum)})",
            new ScaleByMomentum(momentum), new ScaleByLearningRate(Check(learningRate)));

    /// <summary>Nesterov momentum (Sutskever et al. 2013 form): nesterov(β) → scale(−ε).</summary>
    public static Optimizer Nesterov(LearningRateSchedule learningRate, double momentum = 0.9) =>
        new($"Nesterov(learningRate={learningRate}, momentum={Text.Num(momentum)})",
            new ScaleByMomentum(momentum, nesterov: true), new ScaleByLearningRate(Check(learningRate)));

    /// <summary>AdaGrad (Duchi et al. 2011): adagrad(δ) → scale(−ε).</summary>
    public static Optimizer AdaGrad(LearningRateSchedule learningRate, double epsilon = 1e-7) =>
        new($"AdaGrad(learningRate={learningRate})", new ScaleByAdaGrad(epsilon), new ScaleByLearningRate(Check(learningRate)));

    /// <summary>RMSProp (Hinton 2012): rms(ρ, δ) → scale(−ε).</summary>
    public static Optimizer RmsProp(LearningRateSchedule learningRate, double decay = 0.9, double epsilon = 1e-6) =>
        new($"RmsProp(learningRate={learningRate}, decay={Text.Num(decay)})",
            new ScaleByRms(decay, epsilon), new ScaleByLearningRate(Check(learningRate)));

    /// <summary>Adam (Kingma &amp; Ba 2015): adam(β₁, β₂, ε) → scale(−learningRate).</summary>
    public static Optimizer Adam(LearningRateSchedule learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) =>
        new($"Adam(learningRate={learningRate}, beta1={Text.Num(beta1)}, beta2={Text.Num(beta2)})",
            new ScaleByAdam(beta1, beta2, epsilon), new ScaleByLearningRate(Check(learningRate)));

    /// <summary>Newton's method θ ← θ − ε H⁻¹g (ε = 1 is the pure method): newton → scale(−ε).</summary>
    public static Optimizer Newton(double learningRate = 1.0) =>
        new($"Newton(learningRate={Text.Num(learningRate)})", new ScaleByNewton(), new ScaleByLearningRate(learningRate));

    /// <summary>Damped Newton θ ← θ − ε (H + λI)⁻¹g: damped-newton(λ) → scale(−ε).</summary>
    public static Optimizer DampedNewton(double damping, double learningRate = 1.0) =>
        new($"DampedNewton(damping={Text.Num(damping)}, learningRate={Text.Num(learningRate)})",
            new ScaleByDampedNewton(damping), new ScaleByLearningRate(learningRate));

    /// <summary>Saddle-free Newton θ ← θ − ε |H|⁻¹g (Dauphin et al. 2014): saddle-free-newton → scale(−ε).</summary>
    public static Optimizer SaddleFreeNewton(double learningRate = 1.0, double minimumCurvature = 1e-3) =>
        new($"SaddleFreeNewton(learningRate={Text.Num(learningRate)}, minimumCurvature={Text.Num(minimumCurvature)})",
            new ScaleBySaddleFreeNewton(minimumCurvature), new ScaleByLearningRate(learningRate));

    /// <summary>Perturbed gradient descent (Jin et al. 2017): scale(−ε) → perturb(r when ‖g‖ ≤ g_thres, t_thres quiet steps).</summary>
    public static Optimizer PerturbedGradientDescent(LearningRateSchedule learningRate, double radius, double gradientThreshold, int quietSteps, int seed) =>
        new($"PerturbedGradientDescent(learningRate={learningRate}, radius={Text.Num(radius)}, gradientThreshold={Text.Num(gradientThreshold)}, quietSteps={quietSteps}, seed={seed})",
            new ScaleByLearningRate(Check(learningRate)), new AddPerturbation(radius, gradientThreshold, quietSteps, seed));

    /// <summary>Gradient descent with additive Gaussian gradient noise, a seeded stand-in for SGD:
    /// noise(σ) → scale(−ε).</summary>
    public static Optimizer NoisyGradientDescent(LearningRateSchedule learningRate, double standardDeviation, int seed, double decayPower = 0.0) =>
        new($"NoisyGradientDescent(learningRate={learningRate}, standardDeviation={Text.Num(standardDeviation)}, seed={seed})",
            new AddGaussianNoise(standardDeviation, seed, decayPower), new ScaleByLearningRate(Check(learningRate)));

    /// <summary>Gradient descent with the optimal step ε* = gᵀg / gᵀHg of the Taylor model (Harakeh, "Optimization for Training Deep Models"; Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions"),
    /// maxStep when gᵀHg ≤ 0: optimal-step → scale(−1).</summary>
    public static Optimizer OptimalStep(double maxStep = 10.0) =>
        new($"OptimalStep(maxStep={Text.Num(maxStep)})", new ScaleByOptimalStep(maxStep), new Scale(-1.0));

    private static LearningRateSchedule Check(LearningRateSchedule learningRate) =>
        learningRate ?? throw new ArgumentNullException(nameof(learningRate));
}
