namespace Descent.Data;

/// <summary>How a <see cref="MinibatchSampler"/> orders the examples of each epoch.</summary>
public enum SamplingOrder
{
    /// <summary>A fresh random permutation every epoch (sampling without replacement): the textbook default.</summary>
    ShuffledEachEpoch,

    /// <summary>One random permutation drawn once and reused every epoch: the fixed set of consecutive
    /// minibatches that "shuffle once and store on disk" gives (Harakeh, "Optimization for Training Deep Models").</summary>
    ShuffledOnce,

    /// <summary>Every index drawn independently and uniformly (sampling with replacement): unbiased, independent batches.</summary>
    WithReplacement,

    /// <summary>Examples sorted by class (classes ascending, random order inside a class, drawn anew each epoch),
    /// cut into consecutive batches: a deliberately correlated order, most batches hold one class only.</summary>
    SortedByClass,

    /// <summary>The data set's own order, unshuffled, every epoch.</summary>
    Sequential,
}
