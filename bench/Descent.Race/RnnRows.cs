using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Race;

/// <summary>Vanilla tanh RNN, H = 32, D = 2 inputs, one output read from h_T, squared error ½(o − y)² averaged
/// over a batch of 32 sequences: loss and gradient by BPTT at several lengths T.</summary>
internal static class RnnRows
{
    public const int Hidden = 32, InputSize = 2, Batch = 32;

    public static IEnumerable<RaceRow> Run(int[] lengths)
    {
        foreach (int T in lengths)
        {
            // Same deterministic inputs as torch_race.py: x[b][t][i] = ½ + ½ sin(0.37b + 0.11t + 1.3i), y[b] = cos(0.5b).
            var inputs = Enumerable.Range(0, Batch)
                .Select(b => Matrix<double>.Build.Dense(T, InputSize, (t, i) => 0.5 + 0.5 * Math.Sin(0.37 * b + 0.11 * t + 1.3 * i)))
                .ToArray();
            var targets = Matrix<double>.Build.Dense(Batch, 1, (b, _) => Math.Cos(0.5 * b));
            var rnn = new Rnn(Hidden, Activation.Tanh, LossFunction.SquaredError, inputs, targets);
            var theta = Patterns.Theta(rnn.Dimension, a: 0.1);
            var (loss, gradient) = rnn.ValueAndGradient(theta);
            yield return new RaceRow($"rnn_bptt_T{T}", Timer.Measure(() => rnn.ValueAndGradient(theta)),
                new() { ["loss"] = loss, ["grad_norm"] = gradient.L2Norm() });
        }
    }
}
