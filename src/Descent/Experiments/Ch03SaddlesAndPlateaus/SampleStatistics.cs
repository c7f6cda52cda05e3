namespace Descent.Experiments;

/// <summary>Small statistics the experiments report: ranks, correlations, quantiles.</summary>
public static class SampleStatistics
{
    /// <summary>Spearman's rank correlation (Pearson correlation of the ranks, ties get their mean rank); NaN for fewer
    /// than two pairs or a constant sample.</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} values but y has {y.Count}.", nameof(y));
        }

        return Pearson(Ranks(x), Ranks(y));
    }

    /// <summary>Pearson's correlation coefficient; NaN for fewer than two pairs or a constant sample.</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} values but y has {y.Count}.", nameof(y));
        }

        int n = x.Count;
        if (n < 2)
        {
            return double.NaN;
        }

        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Ranks 1 … n, ties sharing their mean rank.</summary>
    public static double[] Ranks(IReadOnlyList<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var order = Enumerable.Range(0, x.Count).OrderBy(i => x[i]).ToArray();
        var ranks = new double[x.Count];
        for (int i = 0; i < order.Length;)
        {
            int j = i;
            while (j + 1 < order.Length && x[order[j + 1]] == x[order[i]])
            {
                j++;
            }

            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++)
            {
                ranks[order[k]] = mean;
            }

            i = j + 1;
        }
        return ranks;
    }

    /// <summary>The q-quantile (0 ≤ q ≤ 1) by linear interpolation between order statistics; NaN for an empty sample.</summary>
    public static double Quantile(IReadOnlyList<double> x, double q)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!(q >= 0 && q <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "q must be in [0, 1].");
        }

        if (x.Count == 0)
        {
            return double.NaN;
        }

        var s = x.Order().ToArray();
        double pos = q * (s.Length - 1);
        int lo = (int)Math.Floor(pos), hi = (int)Math.Ceiling(pos);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    /// <summary>A density histogram: <paramref name="bins"/> equal cells on [lo, hi], returning the cell centres and count/(N·width)
    /// (values outside [lo, hi] count in N but in no cell), so it integrates to the fraction inside.</summary>
    public static (double[] Centers, double[] Density) Histogram(IReadOnlyList<double> values, int bins, double lo, double hi)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (bins < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(bins), bins, "bins must be at least 1.");
        }

        if (!(hi > lo) || !double.IsFinite(lo) || !double.IsFinite(hi))
        {
            throw new ArgumentOutOfRangeException(nameof(hi), hi, "need finite lo < hi.");
        }

        double width = (hi - lo) / bins;
        var counts = new double[bins];
        foreach (double v in values)
        {
            if (!(v >= lo && v <= hi))
            {
                continue;
            }

            counts[Math.Min(bins - 1, (int)((v - lo) / width))]++;
        }
        var centers = Enumerable.Range(0, bins).Select(i => lo + (i + 0.5) * width).ToArray();
        return (centers, counts.Select(c => c / (values.Count * width)).ToArray());
    }
}
