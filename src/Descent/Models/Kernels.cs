using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Descent.Models;

/// <summary>Dense row-major kernels on spans (SIMD through <see cref="Vector{T}"/>), used by every model's
/// forward, backward and R-passes. No allocation.</summary>
internal static class Kernels
{
    /// <summary>xᵀy. Summation order is the same as in the four-way kernel used by
    /// <see cref="MultiplyTransposed"/>, so identical rows give bit-identical results wherever they sit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length, i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y[..n]);
            var acc = Vector<double>.Zero;
            for (int k = 0; k < vx.Length; k++)
            {
                acc = Vector.FusedMultiplyAdd(vx[k], vy[k], acc);
            }

            sum = Vector.Sum(acc);
            i = vx.Length * Vector<double>.Count;
        }
        for (; i < n; i++)
        {
            sum = Math.FusedMultiplyAdd(x[i], y[i], sum);
        }

        return sum;
    }

    /// <summary>y += a·x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        int n = x.Length, i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y[..n]);
            var va = new Vector<double>(a);
            for (int k = 0; k < vx.Length; k++)
            {
                vy[k] = Vector.FusedMultiplyAdd(va, vx[k], vy[k]);
            }

            i = vx.Length * Vector<double>.Count;
        }
        for (; i < n; i++)
        {
            y[i] = Math.FusedMultiplyAdd(a, x[i], y[i]);
        }
    }

    /// <summary>Z (rows×m) = A (rows×n) · Wᵀ (W is m×n) [+ Z when accumulate] [+ bias broadcast over rows].</summary>
    public static void MultiplyTransposed(ReadOnlySpan<double> a, int rows, int n, ReadOnlySpan<double> w, int m,
        ReadOnlySpan<double> bias, Span<double> z, bool accumulate)
    {
        int r = 0;
        bool vectorized = Vector.IsHardwareAccelerated && n >= Vector<double>.Count;
        // Two rows of A × four rows of W per block: eight dot products share six loads per step.
        if (vectorized)
        {
            for (; r + 1 < rows; r += 2)
            {
                var a0 = a.Slice(r * n, n);
                var a1 = a.Slice((r + 1) * n, n);
                var z0 = z.Slice(r * m, m);
                var z1 = z.Slice((r + 1) * m, m);
                int o = 0;
                for (; o + 3 < m; o += 4)
                {
                    Dot2x4(a0, a1, w.Slice(o * n, 4 * n), n, z0.Slice(o, 4), z1.Slice(o, 4), accumulate);
                }

                for (; o < m; o++)
                {
                    var wo = w.Slice(o * n, n);
                    double d0 = Dot(a0, wo), d1 = Dot(a1, wo);
                    z0[o] = accumulate ? z0[o] + d0 : d0;
                    z1[o] = accumulate ? z1[o] + d1 : d1;
                }
                if (!bias.IsEmpty)
                {
                    for (int j = 0; j < m; j++) { z0[j] += bias[j]; z1[j] += bias[j]; }
                }
            }
        }
        for (; r < rows; r++)
        {
            var ar = a.Slice(r * n, n);
            var zr = z.Slice(r * m, m);
            int o = 0;
            // Four output units at a time: each row of A is loaded once for four dot products.
            for (; o + 3 < m; o += 4)
            {
                Dot4(ar, w.Slice(o * n, n), w.Slice((o + 1) * n, n), w.Slice((o + 2) * n, n), w.Slice((o + 3) * n, n),
                    out double d0, out double d1, out double d2, out double d3);
                if (accumulate) { zr[o] += d0; zr[o + 1] += d1; zr[o + 2] += d2; zr[o + 3] += d3; }
                else { zr[o] = d0; zr[o + 1] = d1; zr[o + 2] = d2; zr[o + 3] = d3; }
            }
            for (; o < m; o++)
            {
                double d = Dot(ar, w.Slice(o * n, n));
                zr[o] = accumulate ? zr[o] + d : d;
            }
            if (!bias.IsEmpty)
            {
                for (int j = 0; j < m; j++)
                {
                    zr[j] += bias[j];
                }
            }
        }
    }

    /// <summary>z0[q] (+)= a0·w_q, z1[q] (+)= a1·w_q for the four consecutive rows w_q of <paramref name="w4"/>.
    /// Each dot product is summed in the same order as <see cref="Dot"/> (bit-identical results).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dot2x4(ReadOnlySpan<double> a0, ReadOnlySpan<double> a1, ReadOnlySpan<double> w4, int n,
        Span<double> z0, Span<double> z1, bool accumulate)
    {
        var va0 = MemoryMarshal.Cast<double, Vector<double>>(a0);
        var va1 = MemoryMarshal.Cast<double, Vector<double>>(a1);
        var w0 = MemoryMarshal.Cast<double, Vector<double>>(w4.Slice(0, n));
        var w1 = MemoryMarshal.Cast<double, Vector<double>>(w4.Slice(n, n));
        var w2 = MemoryMarshal.Cast<double, Vector<double>>(w4.Slice(2 * n, n));
        var w3 = MemoryMarshal.Cast<double, Vector<double>>(w4.Slice(3 * n, n));
        Vector<double> c00 = Vector<double>.Zero, c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        for (int k = 0; k < va0.Length; k++)
        {
            var x0 = va0[k];
            var x1 = va1[k];
            var y = w0[k];
            c00 = Vector.FusedMultiplyAdd(x0, y, c00);
            c10 = Vector.FusedMultiplyAdd(x1, y, c10);
            y = w1[k];
            c01 = Vector.FusedMultiplyAdd(x0, y, c01);
            c11 = Vector.FusedMultiplyAdd(x1, y, c11);
            y = w2[k];
            c02 = Vector.FusedMultiplyAdd(x0, y, c02);
            c12 = Vector.FusedMultiplyAdd(x1, y, c12);
            y = w3[k];
            c03 = Vector.FusedMultiplyAdd(x0, y, c03);
            c13 = Vector.FusedMultiplyAdd(x1, y, c13);
        }
        double d00 = Vector.Sum(c00), d01 = Vector.Sum(c01), d02 = Vector.Sum(c02), d03 = Vector.Sum(c03);
        double d10 = Vector.Sum(c10), d11 = Vector.Sum(c11), d12 = Vector.Sum(c12), d13 = Vector.Sum(c13);
        for (int i = va0.Length * Vector<double>.Count; i < n; i++)
        {
            double x0 = a0[i], x1 = a1[i];
            d00 = Math.FusedMultiplyAdd(x0, w4[i], d00); d10 = Math.FusedMultiplyAdd(x1, w4[i], d10);
            d01 = Math.FusedMultiplyAdd(x0, w4[n + i], d01); d11 = Math.FusedMultiplyAdd(x1, w4[n + i], d11);
            d02 = Math.FusedMultiplyAdd(x0, w4[2 * n + i], d02); d12 = Math.FusedMultiplyAdd(x1, w4[2 * n + i], d12);
            d03 = Math.FusedMultiplyAdd(x0, w4[3 * n + i], d03); d13 = Math.FusedMultiplyAdd(x1, w4[3 * n + i], d13);
        }
        if (accumulate)
        {
            z0[0] += d00; z0[1] += d01; z0[2] += d02; z0[3] += d03;
            z1[0] += d10; z1[1] += d11; z1[2] += d12; z1[3] += d13;
        }
        else
        {
            z0[0] = d00; z0[1] = d01; z0[2] = d02; z0[3] = d03;
            z1[0] = d10; z1[1] = d11; z1[2] = d12; z1[3] = d13;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dot4(ReadOnlySpan<double> x, ReadOnlySpan<double> y0, ReadOnlySpan<double> y1,
        ReadOnlySpan<double> y2, ReadOnlySpan<double> y3, out double d0, out double d1, out double d2, out double d3)
    {
        int n = x.Length, i = 0;
        d0 = d1 = d2 = d3 = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var v0 = MemoryMarshal.Cast<double, Vector<double>>(y0);
            var v1 = MemoryMarshal.Cast<double, Vector<double>>(y1);
            var v2 = MemoryMarshal.Cast<double, Vector<double>>(y2);
            var v3 = MemoryMarshal.Cast<double, Vector<double>>(y3);
            Vector<double> a0 = Vector<double>.Zero, a1 = a0, a2 = a0, a3 = a0;
            for (int k = 0; k < vx.Length; k++)
            {
                var xk = vx[k];
                a0 = Vector.FusedMultiplyAdd(xk, v0[k], a0);
                a1 = Vector.FusedMultiplyAdd(xk, v1[k], a1);
                a2 = Vector.FusedMultiplyAdd(xk, v2[k], a2);
                a3 = Vector.FusedMultiplyAdd(xk, v3[k], a3);
            }
            d0 = Vector.Sum(a0); d1 = Vector.Sum(a1); d2 = Vector.Sum(a2); d3 = Vector.Sum(a3);
            i = vx.Length * Vector<double>.Count;
        }
        for (; i < n; i++)
        {
            double xi = x[i];
            d0 = Math.FusedMultiplyAdd(xi, y0[i], d0); d1 = Math.FusedMultiplyAdd(xi, y1[i], d1);
            d2 = Math.FusedMultiplyAdd(xi, y2[i], d2); d3 = Math.FusedMultiplyAdd(xi, y3[i], d3);
        }
    }

    /// <summary>G (m×n) += Dᵀ (D is rows×m) · A (rows×n) for the rows of G in [<paramref name="firstRow"/>,
    /// <paramref name="endRow"/>) (−1: to m). Four rows of A at a time, so each row of G is loaded and stored once per four
    /// rank-1 updates. Each entry of G gets the same operations in the same order whatever range it is computed in.</summary>
    public static void AccumulateTransposedProduct(ReadOnlySpan<double> d, int rows, int m, ReadOnlySpan<double> a, int n, Span<double> g,
        int firstRow = 0, int endRow = -1)
    {
        int end = endRow < 0 ? m : endRow;
        int r = 0;
        for (; r + 3 < rows; r += 4)
        {
            var a0 = a.Slice(r * n, n);
            var a1 = a.Slice((r + 1) * n, n);
            var a2 = a.Slice((r + 2) * n, n);
            var a3 = a.Slice((r + 3) * n, n);
            for (int o = firstRow; o < end; o++)
            {
                Axpy4(d[r * m + o], a0, d[(r + 1) * m + o], a1, d[(r + 2) * m + o], a2, d[(r + 3) * m + o], a3, g.Slice(o * n, n));
            }
        }
        for (; r < rows; r++)
        {
            var ar = a.Slice(r * n, n);
            for (int o = firstRow; o < end; o++)
            {
                double coefficient = d[r * m + o];
                if (coefficient != 0)
                {
                    Axpy(coefficient, ar, g.Slice(o * n, n));
                }
            }
        }
    }

    /// <summary>y += c0·x0 + c1·x1 + c2·x2 + c3·x3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Axpy4(double c0, ReadOnlySpan<double> x0, double c1, ReadOnlySpan<double> x1,
        double c2, ReadOnlySpan<double> x2, double c3, ReadOnlySpan<double> x3, Span<double> y)
    {
        int n = y.Length, i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var v0 = MemoryMarshal.Cast<double, Vector<double>>(x0[..n]);
            var v1 = MemoryMarshal.Cast<double, Vector<double>>(x1[..n]);
            var v2 = MemoryMarshal.Cast<double, Vector<double>>(x2[..n]);
            var v3 = MemoryMarshal.Cast<double, Vector<double>>(x3[..n]);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            Vector<double> k0 = new(c0), k1 = new(c1), k2 = new(c2), k3 = new(c3);
            for (int k = 0; k < vy.Length; k++)
            {
                var acc = Vector.FusedMultiplyAdd(k0, v0[k], vy[k]);
                acc = Vector.FusedMultiplyAdd(k1, v1[k], acc);
                acc = Vector.FusedMultiplyAdd(k2, v2[k], acc);
                vy[k] = Vector.FusedMultiplyAdd(k3, v3[k], acc);
            }
            i = vy.Length * Vector<double>.Count;
        }
        for (; i < n; i++)
        {
            double acc = Math.FusedMultiplyAdd(c0, x0[i], y[i]);
            acc = Math.FusedMultiplyAdd(c1, x1[i], acc);
            acc = Math.FusedMultiplyAdd(c2, x2[i], acc);
            y[i] = Math.FusedMultiplyAdd(c3, x3[i], acc);
        }
    }

    /// <summary>C (rows×n) = D (rows×m) · W (m×n) [+ C when accumulate]; four rows of W per pass over a row of C.</summary>
    public static void Multiply(ReadOnlySpan<double> d, int rows, int m, ReadOnlySpan<double> w, int n, Span<double> c, bool accumulate)
    {
        for (int r = 0; r < rows; r++)
        {
            var cr = c.Slice(r * n, n);
            if (!accumulate)
            {
                cr.Clear();
            }

            var dr = d.Slice(r * m, m);
            int o = 0;
            for (; o + 3 < m; o += 4)
            {
                Axpy4(dr[o], w.Slice(o * n, n), dr[o + 1], w.Slice((o + 1) * n, n), dr[o + 2], w.Slice((o + 2) * n, n), dr[o + 3], w.Slice((o + 3) * n, n), cr);
            }

            for (; o < m; o++)
            {
                double coefficient = dr[o];
                if (coefficient != 0)
                {
                    Axpy(coefficient, w.Slice(o * n, n), cr);
                }
            }
        }
    }

    /// <summary>s (m) += column sums of D (rows×m), for the columns in [<paramref name="first"/>, <paramref name="end"/>)
    /// (−1: to m); each entry summed in row order.</summary>
    public static void AccumulateColumnSums(ReadOnlySpan<double> d, int rows, int m, Span<double> s, int first = 0, int end = -1)
    {
        int stop = end < 0 ? m : end;
        for (int r = 0; r < rows; r++)
        {
            Add(d.Slice(r * m + first, stop - first), s.Slice(first, stop - first));
        }
    }

    /// <summary>y += x.</summary>
    public static void Add(ReadOnlySpan<double> x, Span<double> y) => Axpy(1.0, x, y);
}
