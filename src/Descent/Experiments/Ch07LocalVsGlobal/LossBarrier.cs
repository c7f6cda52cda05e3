namespace Descent.Experiments;

/// <summary>
/// The loss barrier of a path between two solutions (Frankle et al. 2020, arXiv:1912.05671; Draxler et al. 2018,
/// arXiv:1803.00885): how far the loss along the path rises above the straight chord between its end values,
/// B = maxₜ [L(φ(t)) − ((1 − t)L(φ(0)) + tL(φ(1)))] ≥ 0.
/// </summary>
public static class LossBarrier
{
    /// <summary>B for losses sampled at evenly spaced t from 0 (first entry) to 1 (last entry).</summary>
    /// <param name="losses">L(φ(tᵢ)), tᵢ = i/(n − 1), at least two finite values.</param>
    public static double Height(IReadOnlyList<double> losses)
    {
        ArgumentNullException.ThrowIfNull(losses);
        if (losses.Count < 2)
        {
            throw new ArgumentException($"losses has {losses.Count} values; a path needs at least 2.", nameof(losses));
        }

        var t = Enumerable.Range(0, losses.Count).Select(i => (double)i / (losses.Count - 1)).ToArray();
        return Height(t, losses);
    }

    /// <summary>B for losses sampled at increasing positions <paramref name="t"/>; the chord joins the first and last sample.</summary>
    /// <param name="t">Positions along the path, strictly increasing (any range, e.g. α ∈ [0, 1]).</param>
    /// <param name="losses">L at each position, finite.</param>
    public static double Height(IReadOnlyList<double> t, IReadOnlyList<double> losses)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(losses);
        if (t.Count != losses.Count)
        {
            throw new ArgumentException($"t has {t.Count} values but losses has {losses.Count}; they must match.", nameof(losses));
        }

        if (t.Count < 2)
        {
            throw new ArgumentException($"a path needs at least 2 samples (has {t.Count}).", nameof(t));
        }

        for (int i = 0; i < t.Count; i++)
        {
            if (!double.IsFinite(t[i]) || (i > 0 && !(t[i] > t[i - 1])))
            {
                throw new ArgumentException("t must be finite and strictly increasing.", nameof(t));
            }

            if (!double.IsFinite(losses[i]))
            {
                throw new ArgumentException($"losses[{i}] = {losses[i]}; every loss must be finite.", nameof(losses));
            }
        }
        double t0 = t[0], t1 = t[^1], l0 = losses[0], l1 = losses[^1], barrier = 0;
        for (int i = 0; i < t.Count; i++)
        {
            double s = (t[i] - t0) / (t1 - t0);
            barrier = Math.Max(barrier, losses[i] - ((1 - s) * l0 + s * l1));
        }
        return barrier;
    }

    /// <summary>The largest rise maxᵢ&lt;ⱼ (L(tⱼ) − L(tᵢ)) ≥ 0 along the samples: 0 exactly when the loss never increases along the path.</summary>
    public static double LargestRise(IReadOnlyList<double> losses)
    {
        ArgumentNullException.ThrowIfNull(losses);
        double best = 0, runningMin = double.PositiveInfinity;
        foreach (var l in losses)
        {
            if (!double.IsFinite(l))
            {
                throw new ArgumentException("every loss must be finite.", nameof(losses));
            }

            best = Math.Max(best, l - runningMin);
            runningMin = Math.Min(runningMin, l);
        }
        return best;
    }
}
