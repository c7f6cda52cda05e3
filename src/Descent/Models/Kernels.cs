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
            for (int k = 0; k < vx.Length; k++) acc += vx[k] * vy[k];
            sum = Vector.Sum(acc);
            i = vx.Length * Vector<double>.Count;
        }
        for (; i < n; i++) sum += x[i] * y[i];
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
            for (int k = 0; k < vx.Length; k++) vy[k] += va * vx[k];
            i = vx.Length * Vector<double>.Count;
        }
        for (; i < n; i++) y[i] += a * x[i];
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
                a0 += xk * v0[k];
                a1 += xk * v1[k];
                a2 += xk * v2[k];
                a3 += xk * v3[k];
            }
            d0 = Vector.Sum(a0); d1 = Vector.Sum(a1); d2 = Vector.Sum(a2); d3 = Vector.Sum(a3);
            i = vx.Length * Vector<double>.Count;
        }
        for (; i < n; i++)
        {
            double xi = x[i];
            d0 += xi * y0[i]; d1 += xi * y1[i]; d2 += xi * y2[i]; d3 += xi * y3[i];
        }
    }

    /// <summary>G (m×n) += Dᵀ (D is rows×m) · A (rows×n).</summary>
    public static void AccumulateTransposedProduct(ReadOnlySpan<double> d, int rows, int m, ReadOnlySpan<double> a, int n, Span<double> g)
    {
        for (int r = 0; r < rows; r++)
        {
            var ar = a.Slice(r * n, n);
            var dr = d.Slice(r * m, m);
            for (int o = 0; o < m; o++)
            {
                double coefficient = dr[o];
                if (coefficient != 0) Axpy(coefficient, ar, g.Slice(o * n, n));
            }
        }
    }

    /// <summary>C (rows×n) = D (rows×m) · W (m×n) [+ C when accumulate].</summary>
    public static void Multiply(ReadOnlySpan<double> d, int rows, int m, ReadOnlySpan<double> w, int n, Span<double> c, bool accumulate)
    {
        for (int r = 0; r < rows; r++)
        {
            var cr = c.Slice(r * n, n);
            if (!accumulate) cr.Clear();
            var dr = d.Slice(r * m, m);
            for (int o = 0; o < m; o++)
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
