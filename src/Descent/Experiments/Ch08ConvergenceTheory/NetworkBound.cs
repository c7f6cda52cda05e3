using Descent.Curvature;
using Descent.Data;
using Descent.Models;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="NetworkBound"/>.</summary>
public sealed record NetworkBoundParameters
{
    /// <summary>Hidden layer widths of the tanh MLP 64-…-10 (each ≥ 1).</summary>
    public int[] Hidden { get; init => field = Guard.AllAtLeast(value, 1, nameof(Hidden)); } = [32];

    /// <summary>Full-batch gradient-descent steps (≥ 1).</summary>
    public int Steps { get; init => field = Guard.AtLeast(value, 1, nameof(Steps)); } = 300;

    /// <summary>The learning rate that trains this network fast (&gt; 0); it lies above 2/M.</summary>
    public double LearningRate { get; init => field = Guard.Positive(value, nameof(LearningRate)); } = 2.0;

    /// <summary>Half-width r of the box θ₀ ± r (per coordinate) over which M is estimated (&gt; 0).</summary>
    public double BoxRadius { get; init => field = Guard.Positive(value, nameof(BoxRadius)); } = 0.1;

    /// <summary>Hessian samples and gradient pairs for the box estimate of M (≥ 0; 0 skips the box and uses λmax at θ₀ alone).</summary>
    public int Samples { get; init => field = Guard.AtLeast(value, 0, nameof(Samples)); } = 4;

    /// <summary>Lanczos steps per sharpness estimate λmax(∇²L(θₖ)) (2 … 100).</summary>
    public int LanczosSteps { get; init => field = Guard.InRange(value, 2, 100, nameof(LanczosSteps)); } = 20;

    /// <summary>Record the local sharpness λmax(H) every this many steps (≥ 1).</summary>
    public int RecordEvery { get; init => field = Guard.AtLeast(value, 1, nameof(RecordEvery)); } = 50;

    /// <summary>ε of the stopping rule whose guaranteed step count is compared (&gt; 0).</summary>
    public double Tolerance { get; init => field = Guard.Positive(value, nameof(Tolerance)); } = 0.05;

    /// <summary>Seed of the data split, the initialization and the samples.</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>Result of <see cref="NetworkBound"/>.</summary>
/// <param name="Parameters">Number of weights.</param>
/// <param name="InitialLoss">L(θ₀), an upper bound on L(W₁) − min L because the cross-entropy is ≥ 0.</param>
/// <param name="BoxEstimate">Sampled M over θ₀ ± r (an estimate from below of the supremum over the box); null when no samples were asked for.</param>
/// <param name="SharpnessSteps">Steps where the local λmax was measured.</param>
/// <param name="Sharpness">λmax(∇²L(θₖ)) along the practical run (Lanczos).</param>
/// <param name="Practical">GD with the practical learning rate.</param>
/// <param name="Safe">GD with α = 1/M_box, the rate that maximizes the guarantee.</param>
/// <param name="PracticalGuarantee">Yarotsky's guarantee for the practical α (usually none: α ≥ 2/M).</param>
/// <param name="SafeGuarantee">The guarantee for α = 1/M_box.</param>
/// <param name="Tolerance">ε.</param>
public sealed record NetworkBoundResult(int Parameters, double InitialLoss, LipschitzEstimate? BoxEstimate, int[] SharpnessSteps, double[] Sharpness,
    TrainingResult Practical, TrainingResult Safe, GradientDescentGuarantee PracticalGuarantee, GradientDescentGuarantee SafeGuarantee, double Tolerance) : IExperimentResult
{
    /// <summary>M used for the guarantee: the larger of λmax(∇²L(θ₀)) and the box samples' max λmax — an estimate from below,
    /// so the "guarantee" computed from it is optimistic, which only strengthens the point that it is loose.</summary>
    public double BoxLipschitz => Math.Max(BoxEstimate?.MaxCurvature ?? double.NegativeInfinity, Sharpness[0]);

    /// <summary>What the bound promises for the safe run after all its iterates: c^{−1/2}N^{−1/2}L(θ₀)^{1/2}.</summary>
    public double BoundAfterRun => SafeGuarantee.GradientNormBound(Safe.GradientNorms.Length);

    /// <summary>The measured min‖∇L‖ of the safe run.</summary>
    public double SafeMinimumGradientNorm => Safe.RunningMinimumGradientNorm()[^1];

    /// <summary>The measured min‖∇L‖ of the practical run.</summary>
    public double PracticalMinimumGradientNorm => Practical.RunningMinimumGradientNorm()[^1];

    /// <summary>Steps the bound allows before ‖∇L‖ &lt; ε with the safe rate: L(θ₀)/(cε²).</summary>
    public double GuaranteedSteps => SafeGuarantee.StepsBound(Tolerance);

    /// <summary>First step where the practical run had ‖∇L‖ &lt; ε (−1 if never).</summary>
    public int PracticalStepsToTolerance => Array.FindIndex(Practical.GradientNorms, g => g < Tolerance);

    /// <inheritdoc />
    public string Summary =>
        $"MLP with {Parameters} weights: local λmax at θ₀ = {Sharpness[0]:G3}, at step {SharpnessSteps[^1]} {Sharpness[^1]:G3}, {(BoxEstimate is null ? "M ≈ λmax(θ₀)" : "M over θ₀ ± r ≥ " + BoxLipschitz.ToString("G3"))} (2/M = {2 / BoxLipschitz:G3}); " +
        $"practical α = {PracticalGuarantee.LearningRate:G3}: {(PracticalGuarantee.Applies ? "covered" : "NOT covered (α ≥ 2/M)")}, loss {Practical.Losses[0]:G3} → {Practical.Loss:G3}, min‖g‖ {PracticalMinimumGradientNorm:G3}" +
        (PracticalStepsToTolerance >= 0 ? $", ‖g‖ < {Tolerance:G2} at step {PracticalStepsToTolerance}" : "") + "; " +
        $"safe α = 1/M = {SafeGuarantee.LearningRate:G3}: loss → {Safe.Loss:G3}, min‖g‖ {SafeMinimumGradientNorm:G3} vs bound {BoundAfterRun:G3}; " +
        $"the bound allows {GuaranteedSteps:G3} steps before ‖g‖ < {Tolerance:G2}";

    /// <inheritdoc />
    public ResultTable ToTable() => new(["step", "sharpness", "practical_loss", "practical_gradient_norm", "safe_loss", "safe_gradient_norm", "safe_bound"],
        SharpnessSteps.Select((k, i) => (IReadOnlyList<object>)[k, Sharpness[i], Practical.Losses[Math.Min(k, Practical.Steps)], Practical.GradientNorms[Math.Min(k, Practical.Steps)],
            Safe.Losses[Math.Min(k, Safe.Steps)], Safe.GradientNorms[Math.Min(k, Safe.Steps)], SafeGuarantee.GradientNormBound(k + 1)]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>
/// What the convergence bounds say nothing about (Srihari, "Challenges in Neural Network Optimization", "theoretical limits"; Yarotsky, "Optimization of neural networks"): on a tanh MLP trained on the
/// digits, the Hessian's norm is unbounded over ℝⁿ, so Yarotsky's M exists only over a region. Estimated over a box around
/// θ₀ it makes 2/M smaller than the learning rate that trains the network well — the practical run is not covered at all —
/// and the rate the bound prefers (1/M) trains far more slowly, while its promise min‖∇L‖ ≤ c^{−1/2}N^{−1/2}L(θ₀)^{1/2} is
/// loose and says nothing about the loss or the accuracy reached.
/// </summary>
public sealed class NetworkBound : Experiment<NetworkBoundParameters, NetworkBoundResult>
{
    /// <inheritdoc />
    public override string Name => "bound-on-a-network";

    /// <inheritdoc />
    public override string Chapter => "08";

    /// <inheritdoc />
    public override string Summary => "Yarotsky's bound on a digits MLP: M over a box, the practical α outside the theorem, the bound's value vs progress.";

    /// <inheritdoc />
    public override NetworkBoundResult Run(NetworkBoundParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);

        var split = Digits.Load(seed: parameters.Seed);
        var mlp = new Mlp([Digits.PixelCount, .. parameters.Hidden, Digits.ClassCount], Activation.Tanh, LossFunction.SoftmaxCrossEntropy,
            split.Train.Inputs, split.Train.Labels!);
        var theta0 = mlp.Initialize(Initialization.Glorot, parameters.Seed);
        int n = theta0.Count;
        double loss0 = mlp.Value(theta0);
        var box = parameters.Samples == 0 ? null : Lipschitz.EstimateGradient(mlp, parameters.Samples, parameters.Seed,
            theta0.Select(t => t - parameters.BoxRadius).ToArray(), theta0.Select(t => t + parameters.BoxRadius).ToArray());
        double Sharpness(Vector<double> theta) =>
            Lanczos.Run(HessianOperator.ForObjective(mlp, theta), Math.Min(parameters.LanczosSteps, n), parameters.Seed).MaxEigenvalue;
        double sharp0 = Sharpness(theta0);
        progress?.Report(0.3);

        var sharpSteps = new List<int>();
        var sharpness = new List<double>();
        var practical = Trainer.Run(mlp, Optimizers.GradientDescent(parameters.LearningRate), theta0, new TrainingOptions
        {
            MaxSteps = parameters.Steps,
            RecordThetaEvery = parameters.RecordEvery,
        }, cancellationToken);
        for (int i = 0; i < practical.ThetaSteps.Length; i++)
        {
            sharpSteps.Add(practical.ThetaSteps[i]);
            sharpness.Add(i == 0 ? sharp0 : Sharpness(practical.Thetas[i]));
        }
        progress?.Report(0.6);
        double m = Math.Max(box?.MaxCurvature ?? double.NegativeInfinity, sharp0);
        var safeGuarantee = new GradientDescentGuarantee(m, GradientDescentGuarantee.OptimalLearningRate(m), loss0);
        var safe = Trainer.Run(mlp, Optimizers.GradientDescent(safeGuarantee.LearningRate), theta0,
            new TrainingOptions { MaxSteps = parameters.Steps, RecordThetaEvery = 0 }, cancellationToken);
        progress?.Report(1.0);
        return new NetworkBoundResult(n, loss0, box, [.. sharpSteps], [.. sharpness], practical, safe,
            new GradientDescentGuarantee(m, parameters.LearningRate, loss0), safeGuarantee, parameters.Tolerance);
    }
}
