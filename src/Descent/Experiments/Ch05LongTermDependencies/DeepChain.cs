using Descent.Models;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

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
                    for (int l = 0; l <= depth; l++) mean[l] += logs[l] / parameters.Repeats;
                    if (shared)
                    {
                        rate += GradientPropagation.FitLogSlope(logs[(depth / 2)..].Select(Math.Exp).ToArray()) / parameters.Repeats;
                        predicted += Math.Log(w.Evd().EigenValues.Max(z => z.Magnitude)) / parameters.Repeats;
                    }
                    else rate += logs[depth] / depth / parameters.Repeats;
                }
                if (!shared) predicted = IndependentRate(scale, n);
                curves.Add(new ChainCurve(shared ? "shared" : "independent", scale, mean, rate, predicted));
                progress?.Report(++done / (2.0 * parameters.Scales.Length));
            }
        return new DeepChainResult(curves, n, parameters.Repeats);
    }
}
