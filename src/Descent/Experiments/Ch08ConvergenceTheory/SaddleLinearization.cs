using Descent.Curvature;
using Descent.Functions;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="SaddleLinearization"/>.</summary>
public sealed record SaddleLinearizationParameters
{
    /// <summary>a of <see cref="RampedDoubleWell"/> (&gt; 1): curvature 1 − a at the saddle.</summary>
    public double Depth { get; init; } = 2.0;

    /// <summary>b of <see cref="RampedDoubleWell"/> (&gt; 0): curvature b at the saddle.</summary>
    public double Slope { get; init; } = 1.0;

    /// <summary>α, in (0, 2/M).</summary>
    public double LearningRate { get; init; } = 0.5;

    /// <summary>Steps per run (≥ 1).</summary>
    public int Steps { get; init; } = 120;

    /// <summary>y of the start (0, y) on the stable manifold x = 0 of the saddle (a set of measure zero).</summary>
    public double StableStart { get; init; } = 0.5;

    /// <summary>x-offset of the perturbed start (δ, y): tiny but not zero.</summary>
    public double Perturbation { get; init; } = 1e-8;

    /// <summary>Offset from the minimum (x*, 0) of the run that shows contraction at a minimum.</summary>
    public double[] MinimumOffset { get; init; } = [0.2, 0.2];
}

/// <summary>Errors W⁽ⁿ⁾ − W* of one run next to the linearized prediction (1 − αD²L(W*))ⁿ(W⁽⁰⁾ − W*), per eigen-direction.</summary>
/// <param name="Name">What the run shows.</param>
/// <param name="StationaryPoint">W*.</param>
/// <param name="Eigenvalues">Eigenvalues λᵢ of D²L(W*) (here the Hessian is diagonal: λ₁ along x, λ₂ along y).</param>
/// <param name="Factors">1 − αλᵢ: |factor| &lt; 1 contracts, &gt; 1 diverges.</param>
/// <param name="Run">The gradient-descent run.</param>
/// <param name="Measured">|W⁽ⁿ⁾ − W*| per coordinate: Measured[i][n].</param>
/// <param name="Predicted">|(1 − αλᵢ)ⁿ (W⁽⁰⁾ − W*)ᵢ| from <see cref="LinearizedFlow.AfterSteps"/>.</param>
public sealed record LinearizedRun(string Name, Vector<double> StationaryPoint, double[] Eigenvalues, double[] Factors,
    TrainingResult Run, double[][] Measured, double[][] Predicted)
{
    /// <summary>Where the run ended, classified from the exact Hessian (minimum, saddle, or not critical).</summary>
    public CriticalPoint Limit { get; init; } = null!;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: W* = ({StationaryPoint[0]:G4}, {StationaryPoint[1]:G4}), λ = ({Eigenvalues[0]:G4}, {Eigenvalues[1]:G4}), 1 − αλ = ({Factors[0]:G4}, {Factors[1]:G4}); " +
        $"after {Run.Steps} steps θ = ({Run.Theta[0]:G4}, {Run.Theta[1]:G4}), ‖g‖ = {Run.GradientNorm:G3} — {Limit.Kind}";
}

/// <summary>Result of <see cref="SaddleLinearization"/>.</summary>
/// <param name="Objective">The surface.</param>
/// <param name="LearningRate">α.</param>
/// <param name="OnStableManifold">Start (0, y): converges to the saddle, a stationary point that is not a minimum.</param>
/// <param name="Perturbed">Start (δ, y): the x-error grows like (1 + α(a − 1))ⁿ δ and GD leaves for a minimum.</param>
/// <param name="NearMinimum">Start near (x*, 0): both errors contract.</param>
/// <param name="EscapeStep">First step with |x| ≥ 0.1 in the perturbed run (−1 if never).</param>
/// <param name="PredictedEscapeStep">⌈ln(0.1/δ)/ln(1 + α(a − 1))⌉ from the linearization.</param>
public sealed record SaddleLinearizationResult(RampedDoubleWell Objective, double LearningRate, LinearizedRun OnStableManifold,
    LinearizedRun Perturbed, LinearizedRun NearMinimum, int EscapeStep, int PredictedEscapeStep) : IExperimentResult
{
    /// <summary>The runs for a contour plot: stable manifold, perturbed, near the minimum.</summary>
    public IReadOnlyList<TrainingResult> Runs => [OnStableManifold.Run, Perturbed.Run, NearMinimum.Run];

    /// <summary>Legend names for <see cref="Runs"/>.</summary>
    public IReadOnlyList<string> Names => ["start on x = 0 (measure zero)", $"start x = {Perturbed.Run.Thetas[0][0]:G2}", "near a minimum"];

    /// <inheritdoc />
    public string Summary =>
        $"α = {LearningRate:G3}: from x = 0 GD converges to the saddle ({OnStableManifold.Limit.Kind}, ‖θ − W*‖ = {OnStableManifold.Run.Theta.L2Norm():G3}); " +
        $"from x = {Perturbed.Run.Thetas[0][0]:G2} it leaves at step {EscapeStep} (linearization predicts {PredictedEscapeStep}) and ends at a {Perturbed.Limit.Kind}";

    /// <inheritdoc />
    public ResultTable ToTable()
    {
        var rows = new List<IReadOnlyList<object>>();
        foreach (var r in new[] { OnStableManifold, Perturbed, NearMinimum })
        {
            for (int n = 0; n < r.Measured[0].Length; n++)
            {
                rows.Add([r.Name, n, r.Measured[0][n], r.Predicted[0][n], r.Measured[1][n], r.Predicted[1][n]]);
            }
        }

        return new ResultTable(["run", "step", "x_error", "x_predicted", "y_error", "y_predicted"], rows);
    }

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + OnStableManifold + "\n" + Perturbed + "\n" + NearMinimum;
}

/// <summary>
/// Yarotsky's linearization: near a stationary point W*, W⁽ⁿ⁺¹⁾ − W* = (1 − αD²L(W*))(W⁽ⁿ⁾ − W*) + o(|W⁽ⁿ⁾ − W*|), so the
/// eigenvalues of D²L(W*) decide: positive ones (with α &lt; 2/λ) contract, negative ones diverge. On
/// <see cref="RampedDoubleWell"/> the saddle (0, 0) has λ = 1 − a &lt; 0 along x and b &gt; 0 along y: started exactly on
/// x = 0 gradient descent converges to the saddle (Yarotsky's exercise: a stationary point that is not a minimum), but a
/// perturbation δ grows like (1 + α(a − 1))ⁿδ and GD leaves. Predictions come from <see cref="LinearizedFlow"/>.
/// </summary>
public sealed class SaddleLinearization : Experiment<SaddleLinearizationParameters, SaddleLinearizationResult>
{
    /// <inheritdoc />
    public override string Name => "linearization";

    /// <inheritdoc />
    public override string Chapter => "08";

    /// <inheritdoc />
    public override string Summary => "Iterate errors near a stationary point follow (1 − αH)ⁿ: GD converges to a saddle from x = 0 and leaves after a 1e-8 nudge.";

    /// <inheritdoc />
    public override SaddleLinearizationResult Run(SaddleLinearizationParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var f = new RampedDoubleWell(parameters.Depth, parameters.Slope);
        double alpha = parameters.LearningRate;
        if (!(alpha > 0 && alpha < 2 / f.GradientLipschitzConstant))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), alpha, $"LearningRate must be in (0, 2/M) = (0, {2 / f.GradientLipschitzConstant:G4}).");
        }

        if (parameters.Steps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.Steps, "Steps must be ≥ 1.");
        }

        if (!double.IsFinite(parameters.StableStart) || parameters.StableStart == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.StableStart, "StableStart must be a finite non-zero number.");
        }

        if (!(parameters.Perturbation != 0 && Math.Abs(parameters.Perturbation) < 0.1))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.Perturbation, "Perturbation must be non-zero with |δ| < 0.1.");
        }

        var offset = Chapter08Support.Point(parameters.MinimumOffset, 2, nameof(parameters.MinimumOffset));

        var saddle = f.Saddle;
        var minimum = f.KnownMinimizers[1];
        var stable = Linearize("on the stable manifold", f, saddle, Point.Of(0, parameters.StableStart), alpha, parameters.Steps, cancellationToken);
        var perturbed = Linearize("perturbed", f, saddle, Point.Of(parameters.Perturbation, parameters.StableStart), alpha, parameters.Steps, cancellationToken);
        var near = Linearize("near a minimum", f, minimum, minimum + offset, alpha, parameters.Steps, cancellationToken);
        int escape = Array.FindIndex(perturbed.Measured[0], e => e >= 0.1);
        int predicted = (int)Math.Ceiling(Math.Log(0.1 / Math.Abs(parameters.Perturbation)) / Math.Log(Math.Abs(perturbed.Factors[0])));
        return new SaddleLinearizationResult(f, alpha, stable, perturbed, near, escape, predicted);
    }

    private static LinearizedRun Linearize(string name, RampedDoubleWell f, Vector<double> wStar, Vector<double> start, double alpha, int steps,
        CancellationToken cancellationToken)
    {
        var run = Trainer.Run(f, Optimizers.GradientDescent(alpha), start, new TrainingOptions { MaxSteps = steps }, cancellationToken);
        var h = f.Hessian(wStar);
        // The model at W*: ∇L(W) ≈ H(W − W*), i.e. gradient H(W₀ − W*) at W₀ with Hessian H.
        var flow = new LinearizedFlow(start, h * (start - wStar), h);
        var eigen = new[] { h[0, 0], h[1, 1] };
        var measured = new double[2][];
        var predicted = new double[2][];
        for (int i = 0; i < 2; i++)
        {
            measured[i] = run.Thetas.Select(t => Math.Abs(t[i] - wStar[i])).ToArray();
            predicted[i] = new double[run.Thetas.Count];
        }
        for (int n = 0; n < run.Thetas.Count; n++)
        {
            var p = flow.AfterSteps(alpha, n);
            for (int i = 0; i < 2; i++)
            {
                predicted[i][n] = Math.Abs(p[i] - wStar[i]);
            }
        }
        return new LinearizedRun(name, wStar, eigen, eigen.Select(l => 1 - alpha * l).ToArray(), run, measured, predicted)
        {
            Limit = CriticalPoint.Classify(f, run.Theta, gradientTolerance: 1e-8),
        };
    }
}
