using System.Numerics;
using Descent.Models;

namespace Descent.Tests.Models;

/// <summary>The dense kernels against plain loops that spell out the summation order each entry must follow. Stored
/// chapter outputs depend on these bits, so a faster kernel must keep them: equality here is bitwise, not within a
/// tolerance.</summary>
public sealed class KernelsTests
{
    private static readonly int W = Vector<double>.Count;

    [Fact]
    public void Four_sums_at_once_are_four_Vector_Sums()
    {
        if (!Kernels.TransposedSums)
        {
            return; // the kernels then call Vector.Sum itself; the multiply tests below still check every entry
        }

        var random = new Random(21);
        for (int trial = 0; trial < 10_000; trial++)
        {
            var c = Enumerable.Range(0, 4).Select(_ => new Vector<double>(Enumerable.Range(0, 4).Select(_ => Wild(random)).ToArray())).ToArray();
            var sums = Kernels.Sums(c[0], c[1], c[2], c[3]);
            for (int k = 0; k < 4; k++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(Vector.Sum(c[k])), BitConverter.DoubleToInt64Bits(sums[k]));
            }
        }
    }

    [Theory]
    [InlineData(1797, 64, 32)]
    [InlineData(7, 5, 10)]
    [InlineData(3, 3, 3)]
    [InlineData(8, 12, 9)]
    [InlineData(5, 67, 6)]
    public void Multiply_transposed_sums_each_entry_in_the_order_of_Dot(int rows, int n, int m)
    {
        var random = new Random(rows * 1000 + n);
        var a = Fill(random, rows * n);
        var w = Fill(random, m * n);
        var bias = Fill(random, m);
        foreach (bool accumulate in new[] { false, true })
        {
            var z = Fill(random, rows * m);
            var expected = (double[])z.Clone();
            for (int r = 0; r < rows; r++)
            {
                for (int o = 0; o < m; o++)
                {
                    double d = DotInOrder(a.AsSpan(r * n, n), w.AsSpan(o * n, n));
                    expected[r * m + o] = (accumulate ? expected[r * m + o] + d : d) + bias[o];
                }
            }

            Kernels.MultiplyTransposed(a, rows, n, w, m, bias, z, accumulate);

            AssertBits(expected, z);
        }
    }

    [Theory]
    [InlineData(1797, 32, 64, 0, -1)]
    [InlineData(1797, 10, 32, 3, 9)]
    [InlineData(33, 7, 13, 0, -1)]
    [InlineData(6, 5, 3, 1, 4)]
    [InlineData(70, 9, 20, 4, 8)]
    public void Transposed_product_adds_rows_in_order_and_skips_zero_coefficients_in_the_last_rows_mod_four(
        int rows, int m, int n, int first, int end)
    {
        var random = new Random(rows + 7 * m + 31 * n);
        var d = Fill(random, rows * m);
        var a = Fill(random, rows * n);
        for (int r = rows - rows % 4; r < rows; r++)
        {
            // A skipped coefficient in a tail row, against an infinite input: fma(0, ∞, g) would be NaN, a skip keeps g.
            d[r * m + (r % m)] = 0;
            a[r * n + (r % n)] = double.PositiveInfinity;
        }

        var g = Fill(random, m * n);
        var expected = (double[])g.Clone();
        int stop = end < 0 ? m : end, full = rows - rows % 4;
        for (int o = first; o < stop; o++)
        {
            for (int c = 0; c < n; c++)
            {
                double s = expected[o * n + c];
                for (int r = 0; r < rows; r++)
                {
                    double k = d[r * m + o];
                    if (r < full || k != 0)
                    {
                        s = Math.FusedMultiplyAdd(k, a[r * n + c], s);
                    }
                }
                expected[o * n + c] = s;
            }
        }

        Kernels.AccumulateTransposedProduct(d, rows, m, a, n, g, first, end);

        AssertBits(expected, g);
    }

    [Theory]
    [InlineData(50, 10, 32)]
    [InlineData(9, 7, 6)]
    [InlineData(4, 3, 2)]
    [InlineData(5, 6, 37)]
    public void Multiply_adds_four_rows_of_W_at_a_time_in_order(int rows, int m, int n)
    {
        var random = new Random(rows + m + n);
        var d = Fill(random, rows * m);
        d[m - 1] = 0; // a zero coefficient among the remainder rows of W is skipped
        var w = Fill(random, m * n);
        foreach (bool accumulate in new[] { true, false })
        {
            AssertMultiply(d, rows, m, w, n, Fill(random, rows * n), accumulate);
        }
    }

    private static void AssertMultiply(double[] d, int rows, int m, double[] w, int n, double[] c, bool accumulate)
    {
        var expected = (double[])c.Clone();
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = accumulate ? expected[r * n + j] : 0.0;
                int o = 0;
                for (; o + 3 < m; o += 4)
                {
                    for (int q = 0; q < 4; q++)
                    {
                        s = Math.FusedMultiplyAdd(d[r * m + o + q], w[(o + q) * n + j], s);
                    }
                }
                for (; o < m; o++)
                {
                    if (d[r * m + o] != 0)
                    {
                        s = Math.FusedMultiplyAdd(d[r * m + o], w[o * n + j], s);
                    }
                }
                expected[r * n + j] = s;
            }
        }

        Kernels.Multiply(d, rows, m, w, n, c, accumulate);

        AssertBits(expected, c);
    }

    [Fact]
    public void Kernels_name_a_span_that_is_too_short()
    {
        var e = Assert.Throws<ArgumentException>(() => Kernels.AccumulateTransposedProduct(new double[8], 4, 2, new double[7], 2, new double[4]));
        Assert.Contains("AccumulateTransposedProduct", e.Message);
        Assert.Throws<ArgumentException>(() => Kernels.AccumulateTransposedProduct(new double[8], 4, 2, new double[8], 2, new double[4], 0, 3));
    }

    /// <summary>x·y as <see cref="Kernels.Dot"/> specifies: W lane sums over whole vectors, each a chain of FMAs, combined
    /// as Vector.Sum combines lanes, then the remaining entries one FMA at a time.</summary>
    private static double DotInOrder(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length, vn = n >= W ? n - n % W : 0;
        double sum = 0;
        if (vn > 0)
        {
            var lanes = new double[W];
            for (int i = 0; i < vn; i++)
            {
                lanes[i % W] = Math.FusedMultiplyAdd(x[i], y[i], lanes[i % W]);
            }
            sum = Vector.Sum(new Vector<double>(lanes));
        }
        for (int i = vn; i < n; i++)
        {
            sum = Math.FusedMultiplyAdd(x[i], y[i], sum);
        }
        return sum;
    }

    /// <summary>Values over many magnitudes, so that a change of summation order changes low bits.</summary>
    private static double Wild(Random random) => (random.NextDouble() * 2 - 1) * Math.Pow(10, random.Next(-3, 4));

    private static double[] Fill(Random random, int length) => Enumerable.Range(0, length).Select(_ => Wild(random)).ToArray();

    private static void AssertBits(double[] expected, double[] actual)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]),
                $"entry {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
