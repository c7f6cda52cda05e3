namespace Descent.Data;

/// <summary>
/// Seeded minibatches of row indices. Each epoch is an ordering of N indices (a permutation, or N
/// independent draws for <see cref="SamplingOrder.WithReplacement"/>) cut into ⌈N/B⌉ consecutive
/// batches of B (the last one smaller unless <see cref="DropLast"/>).
/// </summary>
/// <remarks>
/// <para>Two views of the same stream: <see cref="Next"/> returns one batch at a time and starts a new
/// epoch when the current one is used up — pass <c>sampler.Next</c> (or <see cref="AsFunc"/>) wherever a
/// <c>Func&lt;int[]&gt;</c> is expected; <see cref="NextEpoch"/> and <see cref="Epochs"/> return whole epochs.</para>
/// <para>All randomness comes from <c>new Random(seed)</c>; <see cref="Reset"/> rewinds to the first epoch,
/// so a rerun with the same seed gives the same batches. Each returned array is new and owned by the caller.</para>
/// </remarks>
public sealed class MinibatchSampler
{
    private readonly int[]? _labels;
    private Random _rng;
    private int[] _epochOrder = [];
    private int _position;
    private int _epoch;

    private MinibatchSampler(SamplingOrder order, int count, int batchSize, int seed, bool dropLast, int[]? labels)
    {
        if (!Enum.IsDefined(order))
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "unknown sampling order.");
        }

        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be at least 1.");
        }

        if (batchSize < 1 || batchSize > count)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"batchSize must be in 1..{count} (the number of examples).");
        }

        Order = order;
        Count = count;
        BatchSize = batchSize;
        Seed = seed;
        DropLast = dropLast;
        _labels = labels;
        _rng = new Random(seed);
        if (order == SamplingOrder.ShuffledOnce)
        {
            _fixedOrder = Permutation();
        }

        _position = BatchesPerEpoch; // the first call to Next starts epoch 1
    }

    private int[]? _fixedOrder;

    /// <summary>A fresh permutation every epoch (without replacement).</summary>
    public static MinibatchSampler ShuffledEachEpoch(int count, int batchSize, int seed, bool dropLast = false) =>
        new(SamplingOrder.ShuffledEachEpoch, count, batchSize, seed, dropLast, null);

    /// <summary>One permutation, drawn once from the seed, reused every epoch.</summary>
    public static MinibatchSampler ShuffledOnce(int count, int batchSize, int seed, bool dropLast = false) =>
        new(SamplingOrder.ShuffledOnce, count, batchSize, seed, dropLast, null);

    /// <summary>Independent uniform draws from 0..count−1 (with replacement); an epoch has count draws.</summary>
    public static MinibatchSampler WithReplacement(int count, int batchSize, int seed, bool dropLast = false) =>
        new(SamplingOrder.WithReplacement, count, batchSize, seed, dropLast, null);

    /// <summary>Rows sorted by class label (ascending), random order within a class, anew each epoch.</summary>
    /// <param name="labels">The class of each row, all ≥ 0.</param>
    /// <param name="batchSize">B in 1..N.</param>
    /// <param name="seed">Seed of the order inside each class.</param>
    /// <param name="dropLast">Drop the last, smaller batch of each epoch.</param>
    public static MinibatchSampler SortedByClass(IReadOnlyList<int> labels, int batchSize, int seed, bool dropLast = false)
    {
        ArgumentNullException.ThrowIfNull(labels);
        for (int i = 0; i < labels.Count; i++)
        {
            if (labels[i] < 0)
            {
                throw new ArgumentException($"labels[{i}] = {labels[i]} is negative.", nameof(labels));
            }
        }

        return new(SamplingOrder.SortedByClass, labels.Count, batchSize, seed, dropLast, labels.ToArray());
    }

    /// <summary>The rows in their own order, every epoch (the seed is unused).</summary>
    public static MinibatchSampler Sequential(int count, int batchSize, bool dropLast = false) =>
        new(SamplingOrder.Sequential, count, batchSize, 0, dropLast, null);

    /// <summary>A sampler of the given <paramref name="order"/> over the rows of <paramref name="data"/>
    /// (<see cref="SamplingOrder.SortedByClass"/> needs its labels).</summary>
    public static MinibatchSampler Create(SamplingOrder order, Dataset data, int batchSize, int seed, bool dropLast = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Create(order, data.Count, batchSize, seed, data.Labels, dropLast);
    }

    /// <summary>A sampler of the given <paramref name="order"/> over <paramref name="count"/> rows;
    /// <paramref name="labels"/> is required for <see cref="SamplingOrder.SortedByClass"/> and ignored otherwise.</summary>
    public static MinibatchSampler Create(SamplingOrder order, int count, int batchSize, int seed, IReadOnlyList<int>? labels = null, bool dropLast = false)
    {
        if (order == SamplingOrder.SortedByClass)
        {
            if (labels is null)
            {
                throw new ArgumentException("SortedByClass needs the class labels.", nameof(labels));
            }

            if (labels.Count != count)
            {
                throw new ArgumentException($"labels has length {labels.Count}, expected count = {count}.", nameof(labels));
            }

            return SortedByClass(labels, batchSize, seed, dropLast);
        }
        return new(order, count, batchSize, seed, dropLast, null);
    }

    /// <summary>How the examples are ordered.</summary>
    public SamplingOrder Order { get; }

    /// <summary>Number of examples N.</summary>
    public int Count { get; }

    /// <summary>Batch size B.</summary>
    public int BatchSize { get; }

    /// <summary>The seed of every random choice.</summary>
    public int Seed { get; }

    /// <summary>When true, the last ⌊N/B⌋·B..N−1 positions of each epoch's ordering are dropped, so every batch has B rows.</summary>
    public bool DropLast { get; }

    /// <summary>Batches per epoch: ⌊N/B⌋ with <see cref="DropLast"/>, ⌈N/B⌉ otherwise.</summary>
    public int BatchesPerEpoch => DropLast ? Count / BatchSize : (Count + BatchSize - 1) / BatchSize;

    /// <summary>Number of epochs started so far (the one <see cref="Next"/> is drawing from).</summary>
    public int Epoch => _epoch;

    /// <summary>The next batch of row indices; starts a new epoch when the current one is used up.</summary>
    public int[] Next()
    {
        if (_position >= BatchesPerEpoch)
        {
            StartEpoch();
        }

        int start = _position * BatchSize;
        int length = Math.Min(BatchSize, Count - start);
        _position++;
        return _epochOrder.AsSpan(start, length).ToArray();
    }

    /// <summary><see cref="Next"/> as a delegate, for APIs that take a <c>Func&lt;int[]&gt;</c>.</summary>
    public Func<int[]> AsFunc() => Next;

    /// <summary>All batches of a new epoch (the rest of a partly used epoch is skipped).</summary>
    public IReadOnlyList<int[]> NextEpoch()
    {
        StartEpoch();
        var batches = new int[BatchesPerEpoch][];
        for (int b = 0; b < batches.Length; b++)
        {
            batches[b] = Next();
        }

        return batches;
    }

    /// <summary>The next <paramref name="epochs"/> epochs, each as its list of batches.</summary>
    public IEnumerable<IReadOnlyList<int[]>> Epochs(int epochs)
    {
        if (epochs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "epochs must be ≥ 0.");
        }

        return Iterate();

        IEnumerable<IReadOnlyList<int[]>> Iterate()
        {
            for (int e = 0; e < epochs; e++)
            {
                yield return NextEpoch();
            }
        }
    }

    /// <summary>Rewinds to before the first epoch: the same seed then gives the same batches again.</summary>
    public void Reset()
    {
        _rng = new Random(Seed);
        if (Order == SamplingOrder.ShuffledOnce)
        {
            _fixedOrder = Permutation();
        }

        _position = BatchesPerEpoch;
        _epoch = 0;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Order} minibatches: N = {Count}, B = {BatchSize}, {BatchesPerEpoch} batches per epoch, seed {Seed}";

    private void StartEpoch()
    {
        _epochOrder = Order switch
        {
            SamplingOrder.ShuffledEachEpoch => Permutation(),
            SamplingOrder.ShuffledOnce => _fixedOrder!,
            SamplingOrder.WithReplacement => Enumerable.Range(0, Count).Select(_ => _rng.Next(Count)).ToArray(),
            SamplingOrder.SortedByClass => SortedOrder(),
            SamplingOrder.Sequential => Enumerable.Range(0, Count).ToArray(),
            _ => throw new InvalidOperationException($"unknown order {Order}"),
        };
        _position = 0;
        _epoch++;
    }

    private int[] Permutation()
    {
        var p = Enumerable.Range(0, Count).ToArray();
        Sampling.Shuffle(p, _rng);
        return p;
    }

    private int[] SortedOrder()
    {
        var p = Permutation();
        var labels = _labels!;
        // OrderBy is a stable sort: inside a class the random permutation's order is kept.
        return p.OrderBy(i => labels[i]).ToArray();
    }
}
