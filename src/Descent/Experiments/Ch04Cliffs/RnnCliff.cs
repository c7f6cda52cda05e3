using Descent.Models;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="RnnCliff"/>: Pascanu, Mikolov &amp; Bengio (2013)'s single-unit RNN
/// hₜ = w·σ(hₜ₋₁) + b, L = (h_T − target)², and gradient descent near its wall.</summary>
public sealed record RnnCliffParameters
{
    /// <summary>T ≥ 1 (Pascanu et al. use 50).</summary>
    public int Steps { get; init; } = 50;

    /// <summary>Recurrent weights w at which the wall is located (each with w·σ'(h₀) &gt; 1, so the map is bistable).</summary>
    public double[] Weights { get; init => field = Guard.NonEmpty(value, nameof(Weights)); } = [5, 6, 7, 8, 9, 10, 11, 12];

    /// <summary>Recurrent weight w of the start of the gradient-descent runs.</summary>
    public double StartWeight { get; init; } = 9.0;

    /// <summary>Bias of the start relative to the wall: b₀ = b*(w) + offset, b*(w) = h₀ − wσ(h₀) (positive: above the wall).</summary>
    public double StartOffset { get; init; } = 0.6;

    /// <summary>Constant learning rate ε &gt; 0.</summary>
    public double LearningRate { get; init => field = Guard.Positive(value, nameof(LearningRate)); } = 0.01;

    /// <summary>Threshold of clipping by norm (‖Δθ‖ ≤ ε·v).</summary>
    public double ClipNorm { get; init; } = 10;

    /// <summary>Threshold of clipping by value (|Δθᵢ| ≤ ε·c).</summary>
    public double ClipValue { get; init; } = 10;

    /// <summary>Gradient-descent steps per run, ≥ 1.</summary>
    public int TrainingSteps { get; init => field = Guard.AtLeast(value, 1, nameof(TrainingSteps)); } = 300;
}

/// <summary>
/// The cliff of Pascanu, Mikolov &amp; Bengio (2013, "On the difficulty of training recurrent neural networks",
/// arXiv:1211.5063, §3 and Fig. 6): the single-unit RNN hₜ = w·σ(hₜ₋₁) + b, h₀ = 0.5, L = (h_T − 0.7)².
/// For w·σ'(h₀) &gt; 1 the map h ↦ wσ(h) + b has two attractors separated by an unstable fixed point u(b); h_T lands on
/// the high attractor when h₀ &gt; u(b) and on the low one when h₀ &lt; u(b), so the loss jumps where u(b) = h₀, i.e. on the
/// line b*(w) = h₀ − w·σ(h₀). Near it ∂h_T/∂b grows like (w·σ'(h₀))^T: the wall. Gradient descent that reaches the wall
/// takes a huge step; clipping by norm or by value bounds it.
/// </summary>
public sealed class RnnCliff : Experiment<RnnCliffParameters, RnnCliffResult>
{
    /// <inheritdoc />
    public override string Name => "rnn-cliff";

    /// <inheritdoc />
    public override string Chapter => "04";

    /// <inheritdoc />
    public override string Summary => "Pascanu et al. (2013)'s single-unit RNN: where its loss wall is, and gradient descent with and without clipping near it.";

    /// <summary>b*(w) = h₀ − w·σ(h₀): the wall of the T → ∞ loss surface at recurrent weight w.</summary>
    public static double PredictedWall(SingleUnitRnn rnn, double weight)
    {
        ArgumentNullException.ThrowIfNull(rnn);
        return rnn.InitialState - weight * Elementwise.Apply(rnn.Activation, rnn.InitialState);
    }

    /// <summary>The bias where h_T − h₀ changes sign at recurrent weight w, by bisection on [b* − 1, b* + 1]
    /// (b* = <see cref="PredictedWall"/>); requires w·φ'(h₀) &gt; 1 so that h₀ can be an unstable fixed point.</summary>
    public static double LocateWall(SingleUnitRnn rnn, double weight)
    {
        ArgumentNullException.ThrowIfNull(rnn);
        double s = Elementwise.Apply(rnn.Activation, rnn.InitialState);
        double gain = weight * Elementwise.First(rnn.Activation, rnn.InitialState, s);
        if (!(gain > 1) || !double.IsFinite(weight))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight,
                $"the wall exists where w·φ'(h₀) > 1; here it is {gain:G4} (w must exceed {weight / gain:G4}).");
        }

        double Side(double b) => rnn.States(Vector<double>.Build.DenseOfArray([weight, b]))[^1] - rnn.InitialState;
        double center = PredictedWall(rnn, weight), lo = center - 1, hi = center + 1;
        if (Side(lo) >= 0 || Side(hi) <= 0)
        {
            throw new InvalidOperationException($"no sign change of h_T − h₀ in [{lo:G6}, {hi:G6}] at w = {weight:G4}.");
        }

        for (int i = 0; i < 200; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi)
            {
                break;
            }

            if (Side(mid) < 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /// <inheritdoc />
    public override RnnCliffResult Run(RnnCliffParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!double.IsFinite(parameters.StartWeight) || !double.IsFinite(parameters.StartOffset))
        {
            throw new ArgumentException("StartWeight and StartOffset must be finite.", nameof(parameters));
        }

        var rnn = new SingleUnitRnn(parameters.Steps);
        var walls = new List<WallLocation>();
        foreach (double w in parameters.Weights)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double b = LocateWall(rnn, w);
            Vector<double> At(double bias) => Vector<double>.Build.DenseOfArray([w, bias]);
            double bStar = PredictedWall(rnn, w);
            double sigma = Elementwise.Apply(rnn.Activation, rnn.InitialState);
            double gain = w * Elementwise.First(rnn.Activation, rnn.InitialState, sigma);
            double predictedSlope = 2 * Math.Abs(rnn.InitialState - rnn.Target) * (Math.Pow(gain, rnn.Steps) - 1) / (gain - 1);
            walls.Add(new WallLocation(w, bStar, b, rnn.Value(At(b - 1e-3)), rnn.Value(At(b + 1e-3)), gain, predictedSlope,
                Math.Abs(rnn.Gradient(At(bStar))[1]), Math.Abs(rnn.Gradient(At(bStar - 0.3))[1])));
        }
        progress?.Report(0.25);
        var start = Vector<double>.Build.DenseOfArray([parameters.StartWeight, PredictedWall(rnn, parameters.StartWeight) + parameters.StartOffset]);
        var options = new TrainingOptions { MaxSteps = parameters.TrainingSteps };
        var gd = Optimizers.GradientDescent(parameters.LearningRate);
        var plain = Trainer.Run(rnn, gd, start, options, cancellationToken);
        progress?.Report(0.5);
        var byNorm = Trainer.Run(rnn, gd.Prepend(new ClipByGlobalNorm(parameters.ClipNorm)), start, options, cancellationToken);
        progress?.Report(0.75);
        var byValue = Trainer.Run(rnn, gd.Prepend(new ClipByValue(parameters.ClipValue)), start, options, cancellationToken);
        progress?.Report(1);
        return new RnnCliffResult(walls, plain, byNorm, byValue, parameters);
    }
}

/// <summary>Result of <see cref="RnnCliff"/>: the wall's location for several w, and three gradient-descent runs.</summary>
/// <param name="Walls">One row per w.</param>
/// <param name="Plain">Plain gradient descent.</param>
/// <param name="ClippedByNorm">Gradient descent with clipping by norm.</param>
/// <param name="ClippedByValue">Gradient descent with clipping by value.</param>
/// <param name="Parameters">The parameters used.</param>
public sealed record RnnCliffResult(IReadOnlyList<WallLocation> Walls, TrainingResult Plain, TrainingResult ClippedByNorm,
    TrainingResult ClippedByValue, RnnCliffParameters Parameters) : IExperimentResult
{
    /// <summary>The three runs: plain, clipped by norm, clipped by value.</summary>
    public IReadOnlyList<TrainingResult> Runs => [Plain, ClippedByNorm, ClippedByValue];

    /// <summary>Legend names of <see cref="Runs"/>.</summary>
    public IReadOnlyList<string> Names =>
        [$"plain GD (ε = {Parameters.LearningRate:G3})", $"clip by norm ‖g‖ ≤ {Parameters.ClipNorm:G3}", $"clip by value |gᵢ| ≤ {Parameters.ClipValue:G3}"];

    /// <summary>Largest |measured − predicted| wall position over the rows.</summary>
    public double LargestWallError => Walls.Max(w => Math.Abs(w.Measured - w.Predicted));

    /// <inheritdoc />
    public string Summary =>
        $"wall b*(w) = h₀ − wσ(h₀) confirmed for {Walls.Count} weights (largest error {LargestWallError:G2}); "
        + string.Join("; ", Runs.Zip(Names, (r, n) => $"{n}: largest step {CliffJumpResult.LargestStep(r):G3}, final loss {r.Loss:G3}"));

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["w", "b_predicted", "b_measured", "loss_below", "loss_above", "gain", "slope_formula", "slope_measured", "slope_away"],
        Walls.Select(w => (IReadOnlyList<object>)[w.Weight, w.Predicted, w.Measured, w.LossBelow, w.LossAbove, w.Gain, w.PredictedSlope, w.Slope, w.OrdinarySlope]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + string.Join("\n", Walls);
}

/// <summary>Where the single-unit RNN's loss jumps at one recurrent weight w, and how steep it is there.</summary>
/// <param name="Weight">w.</param>
/// <param name="Predicted">b* = h₀ − w·σ(h₀): the bias at which h₀ is a fixed point of f(h) = wσ(h) + b.</param>
/// <param name="Measured">The bias where h_T − h₀ changes sign, found by bisection at the experiment's T.</param>
/// <param name="LossBelow">L just below the wall (b = measured − 10⁻³).</param>
/// <param name="LossAbove">L just above the wall (b = measured + 10⁻³).</param>
/// <param name="Gain">g = w·σ'(h₀), the factor by which one step multiplies a perturbation of h at the fixed point.</param>
/// <param name="PredictedSlope">|∂L/∂b| at b*: 2|h₀ − target|·(gᵀ − 1)/(g − 1), since hₜ = h₀ for every t there and
/// ∂hₜ/∂b = 1 + g·∂hₜ₋₁/∂b.</param>
/// <param name="Slope">|∂L/∂b| at b* by the model's exact forward-mode derivative (rounding in b* is amplified by gᵀ, so
/// this agrees with the prediction only while gᵀ·10⁻¹⁶ ≪ 1).</param>
/// <param name="OrdinarySlope">|∂L/∂b| at b = b* − 0.3, away from the wall.</param>
public sealed record WallLocation(double Weight, double Predicted, double Measured, double LossBelow, double LossAbove, double Gain,
    double PredictedSlope, double Slope, double OrdinarySlope)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"w = {Weight:G4}: wall at b = {Measured:F6} (h₀ − wσ(h₀) = {Predicted:F6}); L jumps {LossBelow:G3} → {LossAbove:G3}; "
        + $"|∂L/∂b| at the wall {PredictedSlope:G3} (formula), {Slope:G3} (measured) vs {OrdinarySlope:G3} away";
}
