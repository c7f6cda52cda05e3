using BenchmarkDotNet.Attributes;
using Descent.Curvature;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Benchmarks;

/// <summary>All eigenvalues of a symmetric n × n matrix: Descent's eigenvalues-only solver vs MathNet's
/// full eigen-decomposition (managed provider), the two ways to get a Hessian spectrum.</summary>
public class EigenvalueBenchmarks
{
    private Matrix<double> _a = null!;

    /// <summary>Matrix size n.</summary>
    [Params(100, 500)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        var m = Matrix<double>.Build.Dense(N, N, (_, _) => rng.NextDouble() - 0.5);
        _a = m + m.Transpose();
    }

    [Benchmark(Baseline = true, Description = "MathNet Evd (symmetric)")]
    public double MathNetEvd() => _a.Evd(Symmetricity.Symmetric).EigenValues[0].Real;

    [Benchmark(Description = "SymmetricEigenvalues.Compute")]
    public double Descent() => SymmetricEigenvalues.Compute(_a)[0];
}
