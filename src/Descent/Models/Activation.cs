namespace Descent.Models;

/// <summary>Hidden-unit nonlinearity φ of a network layer, applied elementwise to z = Wa + b.</summary>
/// <remarks>
/// <see cref="Relu"/> and <see cref="Maxout"/> are piecewise linear: their first derivative jumps at a kink
/// and their second derivative is zero almost everywhere. Models use the derivatives of the active piece
/// (φ'(0) = 0 for ReLU, the first maximal piece for maxout), so gradients and Hessians are exact at every
/// point off the kinks, which random points avoid with probability one.
/// </remarks>
public enum Activation
{
    /// <summary>φ(z) = z (deep linear networks, linear RNNs).</summary>
    Identity,

    /// <summary>φ(z) = tanh z; φ' = 1 − φ², φ'' = −2φ(1 − φ²).</summary>
    Tanh,

    /// <summary>φ(z) = max(0, z); φ' = 1[z &gt; 0], φ'' = 0 almost everywhere.</summary>
    Relu,

    /// <summary>φ(z) = σ(z) = 1/(1 + e^{−z}); φ' = σ(1 − σ), φ'' = σ(1 − σ)(1 − 2σ).</summary>
    Sigmoid,

    /// <summary>φ(z) = log(1 + e^z); φ' = σ(z), φ'' = σ(z)(1 − σ(z)).</summary>
    Softplus,

    /// <summary>Maxout (Goodfellow et al. 2013): each unit is the maximum of k affine pieces,
    /// h_j = max_p (W_{jp}·a + b_{jp}); piecewise linear, second derivative zero almost everywhere.</summary>
    Maxout,
}
