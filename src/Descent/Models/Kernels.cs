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
            for (int k = 0; k < vx.Length; k++) acc = Vector.FusedMultiplyAdd(vx[k], vy[k], acc);
            sum = Vector.Sum(acc);
            i = vx.Length * Vector<double>.Count;
        }
        for (; i < n; i++) sum = Math.FusedMultiplyAdd(x[i], y[i], sum);
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
            for (int k = 0; k < vx.Length; k++) vy[k] = Vector.FusedMultiplyAdd(va, vx[k], vy[k]);
            i = vx.Length * Vector<double>.Count;
        }
        for (; i < n; i++) y[i] = Math.FusedMultiplyAdd(a, x[i], y[i]);
    }

    /// <summary>Z (rows×m) = A (rows×n) · Wᵀ (W is m×n) [+ Z when accumulate] [+ bias broadcast over rows].</summary>
    public static void MultiplyTransposed(ReadOnlySpan<double> a, int rows, int n, ReadOnlySpan<double> w, int m,
        ReadOnlySpan<double> bias, Span<double> z, bool accumulate)
    {
        for (int r = 0; r < rows; r++)
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
                for (int j = 0; j < m; j++) zr[j] += bias[j];
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

    /// <summary>G (m×n) += Dᵀ (D is rows×m) · A (rows×n), rows of G from <c>firstRow</c> on. Four rows of A at a time, so each row of G is
    /// loaded and stored once per four rank-1 updates.</summary>
    public static void AccumulateTransposedProduct(ReadOnlySpan<double> d, int rows, int m, ReadOnlySpan<double> a, int n, Span<double> g, int firstRow = 0)
    {
        int r = 0;
        for (; r + 3 < rows; r += 4)
        {
            var a0 = a.Slice(r * n, n);
            var a1 = a.Slice((r + 1) * n, n);
            var a2 = a.Slice((r + 2) * n, n);
            var a3 = a.Slice((r + 3) * n, n);
            for (int o = firstRow; o < m; o++)
                Axpy4(d[r * m + o], a0, d[(r + 1) * m + o], a1, d[(r + 2) * m + o], a2, d[(r + 3) * m + o], a3, g.Slice(o * n, n));
        }
        for (; r < rows; r++)
        {
            var ar = a.Slice(r * n, n);
            for (int o = firstRow; o < m; o++)
            {
                double coefficient = d[r * m + o];
                if (coefficient != 0) Axpy(coefficient, ar, g.Slice(o * n, n));
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
            if (!accumulate) cr.Clear();
            var dr = d.Slice(r * m, m);
            int o = 0;
            for (; o + 3 < m; o += 4)
                Axpy4(dr[o], w.Slice(o * n, n), dr[o + 1], w.Slice((o + 1) * n, n), dr[o + 2], w.Slice((o + 2) * n, n), dr[o + 3], w.Slice((o + 3) * n, n), cr);
            for (; o < m; o++)
            {
                double coefficient = dr[o];
                if (coefficient != 0) Axpy(coefficient, w.Slice(o * n, n), cr);
            }
        }
    }

    /// <summary>s (m) += column sums of D (rows×m).</summary>
    public static void AccumulateColumnSums(ReadOnlySpan<double> d, int rows, int m, Span<double> s)
    {
        for (int r = 0; r < rows; r++) Add(d.Slice(r * m, m), s);
    }

    /// <summary>y += x.</summary>
    public static void Add(ReadOnlySpan<double> x, Span<double> y) => Axpy(1.0, x, y);
}
