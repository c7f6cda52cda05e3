using BenchmarkDotNet.Attributes;
using Descent.Data;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Benchmarks;

/// <summary>The race's model rows under BenchmarkDotNet (allocation counts included): MLP 64-32-10 on all
/// digits, RNN H = 32 at several lengths, Safran–Shamir population gradient at k = n = 10.</summary>
[MemoryDiagnoser]
public class ModelBenchmarks
{
    private Mlp _mlp = null!;
    private Vector<double> _theta = null!, _v = null!;
    private MinibatchSampler _sampler = null!;
    private double[] _gradient = null!;
    private ReluTeacherStudent _teacherStudent = null!;
    private Vector<double> _tsTheta = null!;

    [GlobalSetup]
    public void Setup()
    {
        var all = Digits.ReadAll();
        var digits = Standardizer.Fit(all.Inputs).Transform(all);
        _mlp = new Mlp([64, 32, 10], Activation.Tanh, LossFunction.SoftmaxCrossEntropy, digits.Inputs, digits.Labels!);
        _theta = Vector<double>.Build.Dense(_mlp.Dimension, i => 0.2 * Math.Sin(1.7 * i + 0.3));
        _v = Vector<double>.Build.Dense(_mlp.Dimension, i => Math.Cos(0.9 * i));
        _sampler = MinibatchSampler.ShuffledEachEpoch(digits.Count, 32, seed: 1);
        _gradient = new double[_mlp.Dimension];
        _teacherStudent = new ReluTeacherStudent(k: 10, n: 10);
        _tsTheta = Vector<double>.Build.Dense(100, i => 0.5 * Math.Sin(1.7 * i + 0.3) + (i / 10 == i % 10 ? 1 : 0));
    }

    [Benchmark(Description = "MLP 64-32-10 full batch (1797): loss + gradient")]
    public double MlpFullBatch() => _mlp.ValueAndGradient(_theta).Loss;

    [Benchmark(Description = "MLP minibatch-32: loss + gradient into a buffer")]
    public double MlpMinibatch() => _mlp.ValueAndGradient(_theta, _sampler.Next(), _gradient);

    [Benchmark(Description = "MLP full batch: Hessian-vector product")]
    public Vector<double> MlpHvp() => _mlp.HessianVectorProduct(_theta, _v);

    [Benchmark(Description = "Safran–Shamir k = n = 10: population loss + gradient")]
    public double TeacherStudent() => _teacherStudent.ValueAndGradient(_tsTheta).Loss;
}
