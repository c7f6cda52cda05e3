using BenchmarkDotNet.Attributes;
using Descent.Data;

namespace Descent.Benchmarks;

/// <summary>Loading and minibatching: should stay far below the cost of one gradient.</summary>
[MemoryDiagnoser]
public class DataBenchmarks
{
    private MinibatchSampler _shuffled = null!;
    private MinibatchSampler _replacement = null!;

    [GlobalSetup]
    public void Setup()
    {
        _shuffled = MinibatchSampler.ShuffledEachEpoch(1797, 32, seed: 1);
        _replacement = MinibatchSampler.WithReplacement(1797, 32, seed: 1);
    }

    [Benchmark(Description = "digits: read + stratified split + standardize")]
    public DataSplit LoadDigits() => Digits.Load(seed: 1);

    [Benchmark(Description = "shuffled-each-epoch: next batch of 32")]
    public int[] NextShuffled() => _shuffled.Next();

    [Benchmark(Description = "with-replacement: next batch of 32")]
    public int[] NextWithReplacement() => _replacement.Next();
}
