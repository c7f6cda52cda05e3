using MathNet.Numerics.LinearAlgebra;

namespace Descent.Extend;

/// <summary>Chapter 06 — Polyak–Ruppert averaging: the mean of the iterates after a burn-in. With a constant step,
/// SGD's last iterate rattles in the noise ball; the average sits much closer to the minimum.</summary>
public static class IterateAveraging
{
    /// <summary>(1/(T − b)) Σ_{t ≥ b} θₜ over the recorded iterates, skipping the first <paramref name="burnIn"/>.</summary>
    public static Vector<double> Average(IReadOnlyList<Vector<double>> iterates, int burnIn)
    {
        ArgumentNullException.ThrowIfNull(iterates);
        ArgumentOutOfRangeException.ThrowIfNegative(burnIn);
        if (burnIn >= iterates.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(burnIn), burnIn, $"burnIn must be below the number of iterates ({iterates.Count}).");
        }

        var sum = Vector<double>.Build.Dense(iterates[0].Count);
        for (var t = burnIn; t < iterates.Count; t++)
        {
            sum += iterates[t];
        }

        return sum / (iterates.Count - burnIn);
    }
}
