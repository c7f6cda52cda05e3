using BenchmarkDotNet.Attributes;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Benchmarks;

/// <summary>Vanilla tanh RNN, H = 32, batch of 32 sequences, squared error on the final output: BPTT loss + gradient.</summary>
[MemoryDiagnoser]
public class RnnBenchmarks
{
    private Rnn _rnn = null!;
    private Vector<double> _theta = null!;

    /// <summary>Sequence length T.</summary>
    [Params(10, 50, 100, 200)]
    public int T { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var inputs = Enumerable.Range(0, 32)
            .Select(b => Matrix<double>.Build.Dense(T, 2, (t, i) => 0.5 + 0.5 * Math.Sin(0.37 * b + 0.11 * t + 1.3 * i)))
            .ToArray();
        var targets = Matrix<double>.Build.Dense(32, 1, (b, _) => Math.Cos(0.5 * b));
        _rnn = new Rnn(32, Activation.Tanh, LossFunction.SquaredError, inputs, targets);
        _theta = Vector<double>.Build.Dense(_rnn.Dimension, i => 0.1 * Math.Sin(1.7 * i + 0.3));
    }

    [Benchmark(Description = "RNN BPTT loss + gradient")]
    public double Bptt() => _rnn.ValueAndGradient(_theta).Loss;
}
