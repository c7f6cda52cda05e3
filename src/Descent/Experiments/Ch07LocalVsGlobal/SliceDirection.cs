namespace Descent.Experiments;

/// <summary>The second direction d of a <see cref="LossSlice"/> plane (the first is θ₀ − θ*).</summary>
public enum SliceDirection
{
    /// <summary>A random Gaussian direction, filter-normalized to θ* (Li et al. 2018, arXiv:1712.09913).</summary>
    FilterNormalizedRandom = 0,

    /// <summary>The SGD path's largest deviation from the straight line θ₀ → θ*: the part of θₖ − θ* orthogonal to θ₀ − θ* at the
    /// snapshot where it is longest, so that the plane contains θ₀, θ* and that snapshot (β = 1 there).</summary>
    PathDeviation = 1,
}
