using Descent.Models;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

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
            throw new ArgumentOutOfRangeException(nameof(weight), weight,
                $"the wall exists where w·φ'(h₀) > 1; here it is {gain:G4} (w must exceed {weight / gain:G4}).");
        double Side(double b) => rnn.States(Vector<double>.Build.DenseOfArray([weight, b]))[^1] - rnn.InitialState;
        double center = PredictedWall(rnn, weight), lo = center - 1, hi = center + 1;
        if (Side(lo) >= 0 || Side(hi) <= 0)
            throw new InvalidOperationException($"no sign change of h_T − h₀ in [{lo:G6}, {hi:G6}] at w = {weight:G4}.");
        for (int i = 0; i < 200; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            if (Side(mid) < 0) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /// <inheritdoc />
    public override RnnCliffResult Run(RnnCliffParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!double.IsFinite(parameters.StartWeight) || !double.IsFinite(parameters.StartOffset))
            throw new ArgumentException("StartWeight and StartOffset must be finite.", nameof(parameters));
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
