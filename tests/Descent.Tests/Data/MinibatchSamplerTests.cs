using Descent.Data;
using MathNet.Numerics.Distributions;

namespace Descent.Tests.Data;

public sealed class MinibatchSamplerTests
{
    [Fact]
    public void Every_epoch_of_the_shuffled_sampler_is_a_permutation_and_epochs_differ()
    {
        var sampler = MinibatchSampler.ShuffledEachEpoch(count: 103, batchSize: 10, seed: 7);
        Assert.Equal(11, sampler.BatchesPerEpoch); // ⌈103/10⌉
        var epochs = sampler.Epochs(5).Select(e => e.SelectMany(b => b).ToArray()).ToList();
        foreach (var order in epochs)
        {
            Assert.Equal(Enumerable.Range(0, 103), order.Order());
        }
        // Two independent uniform permutations of 103 items coincide with probability 1/103!.
        for (int e = 1; e < epochs.Count; e++)
        {
            Assert.NotEqual(epochs[0], epochs[e]);
        }

        Assert.NotEqual(Enumerable.Range(0, 103), epochs[0]);
    }

    [Fact]
    public void Batches_have_size_B_except_the_last_unless_dropped()
    {
        var keep = MinibatchSampler.ShuffledEachEpoch(103, 10, seed: 1).NextEpoch();
        Assert.All(keep.Take(10), b => Assert.Equal(10, b.Length));
        Assert.Equal(3, keep[^1].Length);
        var drop = MinibatchSampler.ShuffledEachEpoch(103, 10, seed: 1, dropLast: true).NextEpoch();
        Assert.Equal(10, drop.Count);
        Assert.All(drop, b => Assert.Equal(10, b.Length));
        Assert.Equal(100, drop.SelectMany(b => b).Distinct().Count());
    }

    [Fact]
    public void Next_walks_through_epochs_and_matches_the_epoch_view()
    {
        var a = MinibatchSampler.ShuffledEachEpoch(25, 4, seed: 3);
        var b = MinibatchSampler.ShuffledEachEpoch(25, 4, seed: 3);
        Func<int[]> next = a.AsFunc();
        foreach (var epoch in b.Epochs(3))
        {
            foreach (var batch in epoch)
            {
                Assert.Equal(batch, next());
            }
        }

        Assert.Equal(3, a.Epoch);
    }

    [Fact]
    public void Shuffled_once_reuses_one_permutation_every_epoch()
    {
        var sampler = MinibatchSampler.ShuffledOnce(50, 8, seed: 11);
        var epochs = sampler.Epochs(4).Select(e => e.SelectMany(b => b).ToArray()).ToList();
        Assert.Equal(Enumerable.Range(0, 50), epochs[0].Order());
        Assert.NotEqual(Enumerable.Range(0, 50), epochs[0]);
        Assert.All(epochs, e => Assert.Equal(epochs[0], e));
    }

    [Fact]
    public void With_replacement_counts_pass_a_chi_square_bound_and_repeat_indices()
    {
        // N = 50 items, 200 epochs × 50 draws = 10,000 draws, expected count E = 200 per item.
        // Under uniform i.i.d. draws X² = Σ (cᵢ − E)²/E is approximately χ² with N − 1 = 49 degrees of
        // freedom (E ≫ 5, so the approximation is good). We require X² between the 0.1 % and 99.9 %
        // quantiles: a true uniform sampler fails this with probability 0.2 % (and the seed is fixed, so
        // the test is deterministic); a biased sampler (e.g. an off-by-one that never draws item N−1,
        // giving X² ≈ 200) fails the upper bound, and a sampler secretly without replacement gives
        // X² = 0 exactly and fails the lower bound.
        const int n = 50, epochs = 200;
        var sampler = MinibatchSampler.WithReplacement(n, batchSize: 7, seed: 2026);
        var counts = new int[n];
        bool sawRepeatInEpoch = false;
        foreach (var epoch in sampler.Epochs(epochs))
        {
            var all = epoch.SelectMany(b => b).ToArray();
            Assert.Equal(n, all.Length);
            Assert.All(all, i => Assert.InRange(i, 0, n - 1));
            sawRepeatInEpoch |= all.Distinct().Count() < n;
            foreach (int i in all)
            {
                counts[i]++;
            }
        }
        double expected = (double)n * epochs / n;
        double chi2 = counts.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.InRange(chi2, ChiSquared.InvCDF(n - 1, 0.001), ChiSquared.InvCDF(n - 1, 0.999));
        // P(no repeat in 50 draws from 50) = 50!/50⁵⁰ ≈ 3e-21: repeats must appear.
        Assert.True(sawRepeatInEpoch);
    }

    [Fact]
    public void Sorted_by_class_batches_are_class_pure_except_at_class_boundaries()
    {
        // 5 classes of 20, 17, 23, 20, 20 rows, interleaved in the data set's order.
        int[] sizes = [20, 17, 23, 20, 20];
        var labels = new List<int>();
        for (int round = 0; labels.Count < sizes.Sum(); round++)
        {
            for (int c = 0; c < sizes.Length; c++)
            {
                if (labels.Count(l => l == c) < sizes[c])
                {
                    labels.Add(c);
                }
            }
        }

        var sampler = MinibatchSampler.SortedByClass(labels, batchSize: 8, seed: 5);
        foreach (var epoch in sampler.Epochs(2))
        {
            var order = epoch.SelectMany(b => b).ToArray();
            Assert.Equal(Enumerable.Range(0, labels.Count), order.Order());
            // Labels along the epoch are non-decreasing (sorted by class).
            for (int i = 1; i < order.Length; i++)
            {
                Assert.True(labels[order[i - 1]] <= labels[order[i]]);
            }
            // With B = 8 ≤ the smallest class (17), a batch can straddle at most one boundary, and there are
            // C − 1 = 4 boundaries: every batch has ≤ 2 classes and at most 4 batches are mixed.
            var classesPerBatch = epoch.Select(b => b.Select(i => labels[i]).Distinct().Count()).ToList();
            Assert.All(classesPerBatch, k => Assert.InRange(k, 1, 2));
            Assert.True(classesPerBatch.Count(k => k == 2) <= sizes.Length - 1);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_batches_and_reset_rewinds()
    {
        foreach (var order in Enum.GetValues<SamplingOrder>())
        {
            var labels = Enumerable.Range(0, 40).Select(i => i % 3).ToArray();
            var a = MinibatchSampler.Create(order, 40, 6, seed: 99, labels);
            var b = MinibatchSampler.Create(order, 40, 6, seed: 99, labels);
            var first = Enumerable.Range(0, 20).Select(_ => a.Next()).ToList();
            Assert.Equal(first, Enumerable.Range(0, 20).Select(_ => b.Next()).ToList());
            a.Reset();
            Assert.Equal(first, Enumerable.Range(0, 20).Select(_ => a.Next()).ToList());
        }
        // A different seed gives a different order (for the random orders).
        Assert.NotEqual(
            MinibatchSampler.ShuffledEachEpoch(40, 6, 1).NextEpoch().SelectMany(x => x),
            MinibatchSampler.ShuffledEachEpoch(40, 6, 2).NextEpoch().SelectMany(x => x));
    }

    [Fact]
    public void Sequential_is_the_identity_order()
    {
        var epoch = MinibatchSampler.Sequential(10, 4).NextEpoch();
        Assert.Equal([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]], epoch);
    }

    [Fact]
    public void Bad_arguments_are_rejected_with_the_argument_name()
    {
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => MinibatchSampler.ShuffledEachEpoch(10, 0, 1)).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => MinibatchSampler.ShuffledEachEpoch(10, 11, 1)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => MinibatchSampler.WithReplacement(0, 1, 1)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => MinibatchSampler.Create(SamplingOrder.SortedByClass, 10, 2, 1)).ParamName);
    }
}
