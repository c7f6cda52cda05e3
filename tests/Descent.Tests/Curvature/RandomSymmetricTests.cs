using Descent.Curvature;

namespace Descent.Tests.Curvature;

public sealed class RandomSymmetricTests
{
    [Fact]
    public void Semicircle_density_integrates_to_one_and_its_cdf_is_the_integral_of_the_density()
    {
        // Independent check by the midpoint rule on 200,000 cells (error O(h^1.5) at the square-root edges: < 1e-6).
        const int n = 200_000;
        double h = 4.0 / n, mass = 0;
        for (int i = 0; i < n; i++)
        {
            double x = -2 + (i + 0.5) * h;
            mass += RandomSymmetric.SemicircleDensity(x) * h;
            if (i % 25_000 == 24_999)
            {
                Assert.Equal(mass, RandomSymmetric.SemicircleCdf(-2 + (i + 1) * h), 5);
            }
        }
        Assert.Equal(1.0, mass, 5);
        Assert.Equal(0.5, RandomSymmetric.SemicircleCdf(0), 15);
        Assert.Equal(0.5, RandomSymmetric.ShiftedIndexFraction(0), 15);
        Assert.Equal(0.0, RandomSymmetric.ShiftedIndexFraction(2.5));
        Assert.Equal(1.0, RandomSymmetric.ShiftedIndexFraction(-2.5));
    }

    [Fact]
    public void Goe_is_symmetric_with_off_diagonal_variance_one_over_n_and_diagonal_two_over_n()
    {
        const int n = 60;
        var h = RandomSymmetric.Goe(n, 7);
        Assert.Equal(0.0, (h - h.Transpose()).InfinityNorm(), 14);
        var off = new List<double>();
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                off.Add(h[i, j] * h[i, j]);
            }
        }

        double diag = Enumerable.Range(0, n).Average(i => h[i, i] * h[i, i]);
        // 1,770 off-diagonal squares: their mean has relative standard error √(2/1770) ≈ 3.4 %, so ±12 % is 3.5 SE;
        // 60 diagonal squares: √(2/60) ≈ 18 %, so ±60 % is 3.3 SE.
        Assert.InRange(off.Average() * n, 0.88, 1.12);
        Assert.InRange(diag * n / 2, 0.4, 1.6);
    }

    [Fact]
    public void Goe_eigenvalues_follow_the_semicircle()
    {
        var ev = RandomSymmetric.GoeEigenvalues(100, 20, 11);
        // Kolmogorov distance to the semicircle: for n = 100 the edge corrections are O(n^{-2/3}) in λ, and eigenvalue rigidity
        // makes sampling fluctuations far smaller than for 2,000 independent draws (whose KS 99 % point would be 0.036).
        var sorted = ev.Order().ToArray();
        double ks = sorted.Select((x, i) => Math.Max(Math.Abs(RandomSymmetric.SemicircleCdf(x) - (double)i / sorted.Length),
            Math.Abs(RandomSymmetric.SemicircleCdf(x) - (i + 1.0) / sorted.Length))).Max();
        Assert.True(ks < 0.02, $"KS distance {ks}");
        Assert.InRange(ev.Min(), -2.3, -1.8);
        Assert.InRange(ev.Max(), 1.8, 2.3);
    }

    [Fact]
    public void The_chance_of_all_heads_is_exactly_known_for_n_2_and_falls_faster_than_independent_coins()
    {
        // n = 2: H = [[a, b], [b, c]] is positive definite iff p = (a + c)/2 > √(q² + b²) with q = (a − c)/2; p, q, b are i.i.d.
        // N(0, ½), so the probability is the solid angle of a 45° cone: (1 − cos 45°)/2 = (2 − √2)/4 ≈ 0.1464.
        var (min2, max2) = RandomSymmetric.DefiniteFractions(2, 20_000, 5);
        double se = Math.Sqrt(0.1464 * 0.8536 / 20_000);   // binomial standard error ≈ 0.0025
        Assert.InRange(min2, (2 - Math.Sqrt(2)) / 4 - 4 * se, (2 - Math.Sqrt(2)) / 4 + 4 * se);
        Assert.InRange(max2, (2 - Math.Sqrt(2)) / 4 - 4 * se, (2 - Math.Sqrt(2)) / 4 + 4 * se);   // by symmetry H ↔ −H
        // n = 3, 4: far below 2⁻ⁿ (eigenvalue repulsion; Dean & Majumdar's e^{−n² ln3/4} gives ≈ 0.08 and 0.012 up to O(1)
        // prefactors); half of 2⁻ⁿ is a margin of many standard errors at 20,000 samples.
        Assert.True(RandomSymmetric.DefiniteFractions(3, 20_000, 6).Minima < 0.5 * 0.125);
        Assert.True(RandomSymmetric.DefiniteFractions(4, 20_000, 7).Minima < 0.5 * 0.0625);
    }

    [Fact]
    public void Bad_sizes_are_rejected()
    {
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => RandomSymmetric.Goe(0, 1)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => RandomSymmetric.GoeEigenvalues(3, 0, 1)).ParamName);
    }
}
