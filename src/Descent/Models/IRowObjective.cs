using MathNet.Numerics.LinearAlgebra;

namespace Descent.Models;

/// <summary>
/// An objective that is a mean over examples (rows of a data matrix), L(θ) = (1/N) Σₙ ℓₙ(θ) + R(θ),
/// and can be evaluated on any subset of rows: L_S(θ) = (1/|S|) Σ_{n∈S} ℓₙ(θ) + R(θ), an unbiased
/// estimate of L when S is drawn uniformly. Minibatching (<see cref="MinibatchObjective"/>) builds on it.
/// </summary>
/// <remarks>Row indices may repeat (sampling with replacement counts a row twice).</remarks>
public interface IRowObjective
{
    /// <summary>Number of parameters n.</summary>
    int Dimension { get; }

    /// <summary>Display name.</summary>
    string Name { get; }

    /// <summary>Number of examples N (valid rows are 0 … N − 1).</summary>
    int ExampleCount { get; }

    /// <summary>L_S(θ), the mean loss over the given rows plus the regularizer.</summary>
    double Value(Vector<double> theta, ReadOnlySpan<int> rows);

    /// <summary>L_S(θ) and ∇L_S(θ) in one forward and one backward pass.</summary>
    (double Loss, Vector<double> Gradient) ValueAndGradient(Vector<double> theta, ReadOnlySpan<int> rows);

    /// <summary>∇²L_S(θ)·v, exact (forward-over-reverse).</summary>
    Vector<double> HessianVectorProduct(Vector<double> theta, Vector<double> v, ReadOnlySpan<int> rows);

    /// <summary>The objective restricted to the given rows, L_S, as an <see cref="Descent.Functions.Objective"/>.</summary>
    Descent.Functions.Objective OnRows(int[] rows);
}
