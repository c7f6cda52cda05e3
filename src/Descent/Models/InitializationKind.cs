namespace Descent.Models;

/// <summary>How an <see cref="Initialization"/> draws a weight matrix W (fan-out × fan-in).</summary>
public enum InitializationKind
{
    /// <summary>Wᵢⱼ ~ N(0, σ²) with a given σ.</summary>
    Gaussian,

    /// <summary>Glorot/Xavier normal: Wᵢⱼ ~ N(0, 2/(fan_in + fan_out)) (Glorot &amp; Bengio 2010).</summary>
    Glorot,

    /// <summary>He normal: Wᵢⱼ ~ N(0, 2/fan_in) (He et al. 2015), for ReLU layers.</summary>
    He,

    /// <summary>W = gain · (a matrix with orthonormal rows or columns), Haar-distributed (Saxe et al. 2013).</summary>
    Orthogonal,

    /// <summary>W = 0: every hidden unit computes the same function and gradient descent never breaks the symmetry.</summary>
    Zero,
}
