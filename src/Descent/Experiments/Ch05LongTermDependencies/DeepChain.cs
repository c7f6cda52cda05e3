using Descent.Models;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="DeepChain"/>.</summary>
public sealed record DeepChainParameters
{
    /// <summary>Width n of every layer.</summary>
    public int Width { get; init => field = Guard.AtLeast(value, 1, nameof(Width)); } = 32;

    /// <summary>Number of linear layers L.</summary>
    public int Depth { get; init => field = Guard.AtLeast(value, 2, nameof(Depth)); } = 100;

    /// <summary>Scales σ: weights have entries N(0, σ²/n).</summary>
    public double[] Scales { get; init => field = Guard.AllPositive(value, nameof(Scales)); } = [0.9, 1.0, 1.1];

    /// <summary>Independent repeats averaged per curve.</summary>
    public int Repeats { get; init => field = Guard.AtLeast(value, 1, nameof(Repeats)); } = 8;

    /// <summary>Seed of the weights and start vectors.</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>
/// Very deep feed-forward chains show the same effect as recurrent ones (Srihari, "Challenges in Neural Network Optimization" §5; Goodfellow et al. 2016, §8.2.5 and
/// §10.7): x_l = W_l x_{l−1} through L linear layers of width n, with the same W at every layer or an independent W_l per
/// layer, entries N(0, σ²/n). Shared weights grow like ρ(W)ˡ; independent ones like e^{lγ} with
/// γ = ln σ + ½(ψ(n/2) + ln(2/n)) — both explode or vanish exponentially in depth unless σ is tuned to the edge.
/// </summary>
public sealed class DeepChain : Experiment<DeepChainParameters, DeepChainResult>
{
    /// <inheritdoc />
    public override string Name => "deep-chain";

    /// <inheritdoc />
    public override string Chapter => "05";

    /// <inheritdoc />
    public override string Summary => "ln‖x_l‖ through a 100-layer linear chain with shared vs independent Gaussian weights.";

    /// <summary>γ = ln σ + ½(ψ(n/2) + ln(2/n)): the expected growth of ln‖x‖ per layer for independent Gaussian layers.</summary>
    public static double IndependentRate(double scale, int width) =>
        Math.Log(scale) + 0.5 * (SpecialFunctions.DiGamma(width / 2.0) + Math.Log(2.0 / width));

    /// <inheritdoc />
    public override DeepChainResult Run(DeepChainParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        int n = parameters.Width, depth = parameters.Depth;
        var random = new Random(parameters.Seed);
        Matrix<double> Draw(double scale) => Matrix<double>.Build.Dense(n, n, (_, _) => scale / Math.Sqrt(n) * Initialization.StandardNormal(random));
        var curves = new List<ChainCurve>();
        int done = 0;
        foreach (double scale in parameters.Scales)
        {
            foreach (bool shared in new[] { true, false })
            {
                cancellationToken.ThrowIfCancellationRequested();
                var mean = new double[depth + 1];
                double rate = 0, predicted = 0;
                for (int r = 0; r < parameters.Repeats; r++)
                {
                    var x = Vector<double>.Build.Dense(n, _ => Initialization.StandardNormal(random));
                    x /= x.L2Norm();
                    var w = Draw(scale);
                    var logs = new double[depth + 1];
                    double logNorm = 0;
                    for (int l = 1; l <= depth; l++)
                    {
                        x = (shared ? w : Draw(scale)) * x;
                        double norm = x.L2Norm();
                        logNorm += Math.Log(norm);
                        x /= norm;                      // keep x at unit length; the log-norm carries the scale
                        logs[l] = logNorm;
                    }
                    for (int l = 0; l <= depth; l++)
                    {
                        mean[l] += logs[l] / parameters.Repeats;
                    }

                    if (shared)
                    {
                        rate += GradientPropagation.FitLogSlope(logs[(depth / 2)..].Select(Math.Exp).ToArray()) / parameters.Repeats;
                        predicted += Math.Log(w.Evd().EigenValues.Max(z => z.Magnitude)) / parameters.Repeats;
                    }
                    else
                    {
                        rate += logs[depth] / depth / parameters.Repeats;
                    }
                }
                if (!shared)
                {
                    predicted = IndependentRate(scale, n);
                }

                curves.Add(new ChainCurve(shared ? "shared" : "independent", scale, mean, rate, predicted));
                progress?.Report(++done / (2.0 * parameters.Scales.Length));
            }
        }

        return new DeepChainResult(curves, n, parameters.Repeats);
    }
}

/// <summary>Result of <see cref="DeepChain"/>.</summary>
/// <param name="Curves">Shared and independent weights for each scale.</param>
/// <param name="Width">n.</param>
/// <param name="Repeats">Repeats averaged per curve.</param>
public sealed record DeepChainResult(IReadOnlyList<ChainCurve> Curves, int Width, int Repeats) : IExperimentResult
{
    /// <inheritdoc />
    public string Summary => string.Join("\n", Curves);

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["kind", "scale", "rate", "predicted_rate", "mean_log_norm_at_L"],
        Curves.Select(c => (IReadOnlyList<object>)[c.Kind, c.Scale, c.Rate, c.PredictedRate, c.MeanLogNorms[^1]]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>ln‖x_l‖ through a deep linear chain x_l = W_l x_{l−1} (‖x₀‖ = 1), averaged over repeats.</summary>
/// <param name="Kind">"shared" (the same W at every layer, like an RNN) or "independent" (a fresh W_l per layer).</param>
/// <param name="Scale">σ: entries N(0, σ²/n).</param>
/// <param name="MeanLogNorms">Average of ln‖x_l‖ over the repeats, l = 0 … L.</param>
/// <param name="Rate">Measured growth per layer: for "independent" ln‖x_L‖/L averaged over repeats; for "shared" the
/// least-squares slope of ln‖x_l‖ over the second half of the layers, averaged over repeats.</param>
/// <param name="PredictedRate">For "independent": ln σ + ½(ψ(n/2) + ln(2/n)) (ψ the digamma function), exact in expectation
/// because ‖W x‖²/‖x‖² ~ σ²χ²ₙ/n for any fixed x; for "shared": the average of ln ρ(W) over the repeats (Gelfand's formula).</param>
public sealed record ChainCurve(string Kind, double Scale, double[] MeanLogNorms, double Rate, double PredictedRate)
{
    /// <summary>Legend name.</summary>
    public string Name => $"{Kind} weights, σ = {Scale:G3}";

    /// <inheritdoc />
    public override string ToString() => $"{Name}: growth per layer {Rate:F4} (predicted {PredictedRate:F4}); mean ln‖x_L‖ = {MeanLogNorms[^1]:F2}";
}
