using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
                    Dot2x1(a0, a1, w.Slice(o * n, n), out double d0, out double d1);
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
        // The loads below stay inside a0[..n], a1[..n], w4[..4n], z0[..4] and z1[..4]: checked once here, not per load.
        if (a0.Length < n || a1.Length < n || w4.Length < 4 * n || z0.Length < 4 || z1.Length < 4)
        {
            throw new ArgumentException("Dot2x4: a span is shorter than the block it multiplies");
        }

        ref double x0 = ref MemoryMarshal.GetReference(a0);
        ref double x1 = ref MemoryMarshal.GetReference(a1);
        ref double w = ref MemoryMarshal.GetReference(w4);
        nuint width = (nuint)Vector<double>.Count, nn = (nuint)n, vn = nn - nn % width;
        Vector<double> c00 = Vector<double>.Zero, c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        for (nuint i = 0; i < vn; i += width)
        {
            var p = Vector.LoadUnsafe(ref x0, i);
            var q = Vector.LoadUnsafe(ref x1, i);
            var y = Vector.LoadUnsafe(ref w, i);
            c00 = Vector.FusedMultiplyAdd(p, y, c00);
            c10 = Vector.FusedMultiplyAdd(q, y, c10);
            y = Vector.LoadUnsafe(ref w, nn + i);
            c01 = Vector.FusedMultiplyAdd(p, y, c01);
            c11 = Vector.FusedMultiplyAdd(q, y, c11);
            y = Vector.LoadUnsafe(ref w, 2 * nn + i);
            c02 = Vector.FusedMultiplyAdd(p, y, c02);
            c12 = Vector.FusedMultiplyAdd(q, y, c12);
            y = Vector.LoadUnsafe(ref w, 3 * nn + i);
            c03 = Vector.FusedMultiplyAdd(p, y, c03);
            c13 = Vector.FusedMultiplyAdd(q, y, c13);
        }
        if (vn == nn && TransposedSums)
        {
            Store4(Sums(c00, c01, c02, c03), z0, accumulate);
            Store4(Sums(c10, c11, c12, c13), z1, accumulate);
            return;
        }

        double d00 = Vector.Sum(c00), d01 = Vector.Sum(c01), d02 = Vector.Sum(c02), d03 = Vector.Sum(c03);
        double d10 = Vector.Sum(c10), d11 = Vector.Sum(c11), d12 = Vector.Sum(c12), d13 = Vector.Sum(c13);
        for (int i = (int)vn; i < n; i++)
        {
            double p = a0[i], q = a1[i];
            d00 = Math.FusedMultiplyAdd(p, w4[i], d00); d10 = Math.FusedMultiplyAdd(q, w4[i], d10);
            d01 = Math.FusedMultiplyAdd(p, w4[n + i], d01); d11 = Math.FusedMultiplyAdd(q, w4[n + i], d11);
            d02 = Math.FusedMultiplyAdd(p, w4[2 * n + i], d02); d12 = Math.FusedMultiplyAdd(q, w4[2 * n + i], d12);
            d03 = Math.FusedMultiplyAdd(p, w4[3 * n + i], d03); d13 = Math.FusedMultiplyAdd(q, w4[3 * n + i], d13);
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

    /// <summary>d0 = a0·y, d1 = a1·y, each in <see cref="Dot"/>'s order, in one pass over y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dot2x1(ReadOnlySpan<double> a0, ReadOnlySpan<double> a1, ReadOnlySpan<double> y, out double d0, out double d1)
    {
        int n = y.Length, i = 0;
        if (a0.Length < n || a1.Length < n)
        {
            throw new ArgumentException("Dot2x1: a row of A is shorter than y");
        }

        d0 = d1 = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            // Every load stays inside the first n entries (checked above).
            ref double p0 = ref MemoryMarshal.GetReference(a0);
            ref double p1 = ref MemoryMarshal.GetReference(a1);
            ref double py = ref MemoryMarshal.GetReference(y);
            nuint width = (nuint)Vector<double>.Count, vn = (nuint)n - (nuint)n % width;
            Vector<double> s0 = Vector<double>.Zero, s1 = s0;
            for (nuint k = 0; k < vn; k += width)
            {
                var yk = Vector.LoadUnsafe(ref py, k);
                s0 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref p0, k), yk, s0);
                s1 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref p1, k), yk, s1);
            }
            d0 = Vector.Sum(s0);
            d1 = Vector.Sum(s1);
            i = (int)vn;
        }
        for (; i < n; i++)
        {
            d0 = Math.FusedMultiplyAdd(a0[i], y[i], d0);
            d1 = Math.FusedMultiplyAdd(a1[i], y[i], d1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dot4(ReadOnlySpan<double> x, ReadOnlySpan<double> y0, ReadOnlySpan<double> y1,
        ReadOnlySpan<double> y2, ReadOnlySpan<double> y3, out double d0, out double d1, out double d2, out double d3)
    {
        int n = x.Length, i = 0;
        d0 = d1 = d2 = d3 = 0;
        if (y0.Length < n || y1.Length < n || y2.Length < n || y3.Length < n)
        {
            throw new ArgumentException("Dot4: a row of W is shorter than x");
        }

        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            // Every load stays inside x[..n] and y0…y3[..n] (checked above).
            ref double px = ref MemoryMarshal.GetReference(x);
            ref double p0 = ref MemoryMarshal.GetReference(y0);
            ref double p1 = ref MemoryMarshal.GetReference(y1);
            ref double p2 = ref MemoryMarshal.GetReference(y2);
            ref double p3 = ref MemoryMarshal.GetReference(y3);
            nuint width = (nuint)Vector<double>.Count, vn = (nuint)n - (nuint)n % width;
            Vector<double> a0 = Vector<double>.Zero, a1 = a0, a2 = a0, a3 = a0;
            for (nuint k = 0; k < vn; k += width)
            {
                var xk = Vector.LoadUnsafe(ref px, k);
                a0 = Vector.FusedMultiplyAdd(xk, Vector.LoadUnsafe(ref p0, k), a0);
                a1 = Vector.FusedMultiplyAdd(xk, Vector.LoadUnsafe(ref p1, k), a1);
                a2 = Vector.FusedMultiplyAdd(xk, Vector.LoadUnsafe(ref p2, k), a2);
                a3 = Vector.FusedMultiplyAdd(xk, Vector.LoadUnsafe(ref p3, k), a3);
            }
            d0 = Vector.Sum(a0); d1 = Vector.Sum(a1); d2 = Vector.Sum(a2); d3 = Vector.Sum(a3);
            i = (int)vn;
        }
        for (; i < n; i++)
        {
            double xi = x[i];
            d0 = Math.FusedMultiplyAdd(xi, y0[i], d0); d1 = Math.FusedMultiplyAdd(xi, y1[i], d1);
            d2 = Math.FusedMultiplyAdd(xi, y2[i], d2); d3 = Math.FusedMultiplyAdd(xi, y3[i], d3);
        }
    }

    /// <summary>Whether <see cref="Sums"/> can form four <see cref="Vector.Sum{T}(Vector{T})"/> at once: 256-bit vectors
    /// of four doubles and AVX. <c>KernelsTests</c> checks on the machine that the results are Vector.Sum's bit for bit.</summary>
    internal static bool TransposedSums => Avx.IsSupported && Vector<double>.Count == 4;

    /// <summary>[Σc0, Σc1, Σc2, Σc3], each summed as Vector.Sum sums four lanes, (p0 + p1) + (p2 + p3).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Sums(Vector<double> c0, Vector<double> c1, Vector<double> c2, Vector<double> c3)
    {
        // hadd(a, b) = [a0 + a1, b0 + b1, a2 + a3, b2 + b3]; the two 128-bit halves then hold the pair sums of
        // c0…c3 in order, and one add finishes each.
        var h01 = Avx.HorizontalAdd(c0.AsVector256(), c1.AsVector256());
        var h23 = Avx.HorizontalAdd(c2.AsVector256(), c3.AsVector256());
        return Avx.Add(Avx.Permute2x128(h01, h23, 0x20), Avx.Permute2x128(h01, h23, 0x31));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store4(Vector256<double> sums, Span<double> z, bool accumulate)
    {
        ref double target = ref MemoryMarshal.GetReference(z);
        (accumulate ? Vector256.LoadUnsafe(ref target) + sums : sums).StoreUnsafe(ref target);
    }

    /// <summary>G (m×n) += Dᵀ (D is rows×m) · A (rows×n) for the rows of G in [<paramref name="firstRow"/>,
    /// <paramref name="endRow"/>) (−1: to m). Each entry g_oc gets g ← fma(d_ro, a_rc, g) for r = 0, 1, …, rows − 1 in
    /// order, except that the last rows mod 4 rows skip a zero d_ro; so an entry's bits do not depend on the range or the
    /// tiling it is computed in.</summary>
    public static void AccumulateTransposedProduct(ReadOnlySpan<double> d, int rows, int m, ReadOnlySpan<double> a, int n, Span<double> g,
        int firstRow = 0, int endRow = -1)
    {
        int end = endRow < 0 ? m : endRow;
        if (d.Length < rows * m || a.Length < rows * n || g.Length < end * n || firstRow < 0 || firstRow > end || end > m)
        {
            throw new ArgumentException("AccumulateTransposedProduct: a span is shorter than its matrix, or the row range is outside 0…m");
        }

        int full = rows - rows % 4;
        if (Vector.IsHardwareAccelerated && Vector<double>.Count == 4)
        {
            // Rows in chunks whose slices of D and A stay in L1; within a chunk, a 4 × 8 tile of G stays in registers
            // (eight accumulators) while the chunk's rows stream past it.
            const int Chunk = 32;
            ref double dd = ref MemoryMarshal.GetReference(d);
            ref double aa = ref MemoryMarshal.GetReference(a);
            ref double gg = ref MemoryMarshal.GetReference(g);
            for (int r0 = 0; r0 < rows; r0 += Chunk)
            {
                int r1 = Math.Min(rows, r0 + Chunk);
                int o = firstRow;
                for (; o + 3 < end; o += 4)
                {
                    TransposedProductTile4(ref dd, m, ref aa, n, ref gg, o, r0, r1, full);
                }
                for (; o < end; o++)
                {
                    TransposedProductRow(ref dd, m, ref aa, n, ref gg, o, r0, r1, full);
                }
            }
            return;
        }

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

    /// <summary>Rows o…o+3 of G over the rows [r0, r1) of D and A (see <see cref="AccumulateTransposedProduct"/>); the
    /// caller has checked every index against the spans' lengths.</summary>
    private static void TransposedProductTile4(ref double d, int m, ref double a, int n, ref double g, int o, int r0, int r1, int full)
    {
        ref double g0 = ref Unsafe.Add(ref g, o * n);
        ref double g1 = ref Unsafe.Add(ref g0, n);
        ref double g2 = ref Unsafe.Add(ref g1, n);
        ref double g3 = ref Unsafe.Add(ref g2, n);
        int c = 0;
        for (; c + 8 <= n; c += 8)
        {
            nuint lo = (nuint)c, hi = lo + 4;
            Vector<double> s00 = Vector.LoadUnsafe(ref g0, lo), s01 = Vector.LoadUnsafe(ref g0, hi);
            Vector<double> s10 = Vector.LoadUnsafe(ref g1, lo), s11 = Vector.LoadUnsafe(ref g1, hi);
            Vector<double> s20 = Vector.LoadUnsafe(ref g2, lo), s21 = Vector.LoadUnsafe(ref g2, hi);
            Vector<double> s30 = Vector.LoadUnsafe(ref g3, lo), s31 = Vector.LoadUnsafe(ref g3, hi);
            int r = r0, stop = Math.Min(r1, full);
            for (; r < stop; r++)
            {
                ref double ar = ref Unsafe.Add(ref a, r * n + c);
                ref double dr = ref Unsafe.Add(ref d, r * m + o);
                var x0 = Vector.LoadUnsafe(ref ar);
                var x1 = Vector.LoadUnsafe(ref ar, 4);
                var k = new Vector<double>(dr);
                s00 = Vector.FusedMultiplyAdd(k, x0, s00); s01 = Vector.FusedMultiplyAdd(k, x1, s01);
                k = new Vector<double>(Unsafe.Add(ref dr, 1));
                s10 = Vector.FusedMultiplyAdd(k, x0, s10); s11 = Vector.FusedMultiplyAdd(k, x1, s11);
                k = new Vector<double>(Unsafe.Add(ref dr, 2));
                s20 = Vector.FusedMultiplyAdd(k, x0, s20); s21 = Vector.FusedMultiplyAdd(k, x1, s21);
                k = new Vector<double>(Unsafe.Add(ref dr, 3));
                s30 = Vector.FusedMultiplyAdd(k, x0, s30); s31 = Vector.FusedMultiplyAdd(k, x1, s31);
            }
            for (; r < r1; r++)
            {
                ref double ar = ref Unsafe.Add(ref a, r * n + c);
                ref double dr = ref Unsafe.Add(ref d, r * m + o);
                var x0 = Vector.LoadUnsafe(ref ar);
                var x1 = Vector.LoadUnsafe(ref ar, 4);
                if (dr != 0) { var k = new Vector<double>(dr); s00 = Vector.FusedMultiplyAdd(k, x0, s00); s01 = Vector.FusedMultiplyAdd(k, x1, s01); }
                if (Unsafe.Add(ref dr, 1) != 0) { var k = new Vector<double>(Unsafe.Add(ref dr, 1)); s10 = Vector.FusedMultiplyAdd(k, x0, s10); s11 = Vector.FusedMultiplyAdd(k, x1, s11); }
                if (Unsafe.Add(ref dr, 2) != 0) { var k = new Vector<double>(Unsafe.Add(ref dr, 2)); s20 = Vector.FusedMultiplyAdd(k, x0, s20); s21 = Vector.FusedMultiplyAdd(k, x1, s21); }
                if (Unsafe.Add(ref dr, 3) != 0) { var k = new Vector<double>(Unsafe.Add(ref dr, 3)); s30 = Vector.FusedMultiplyAdd(k, x0, s30); s31 = Vector.FusedMultiplyAdd(k, x1, s31); }
            }
            s00.StoreUnsafe(ref g0, lo); s01.StoreUnsafe(ref g0, hi);
            s10.StoreUnsafe(ref g1, lo); s11.StoreUnsafe(ref g1, hi);
            s20.StoreUnsafe(ref g2, lo); s21.StoreUnsafe(ref g2, hi);
            s30.StoreUnsafe(ref g3, lo); s31.StoreUnsafe(ref g3, hi);
        }
        if (c < n)
        {
            for (int q = 0; q < 4; q++)
            {
                TransposedProductColumns(ref d, m, ref a, n, ref g, o + q, c, r0, r1, full);
            }
        }
    }

    /// <summary>Row o of G over the rows [r0, r1) of D and A (indices checked by the caller).</summary>
    private static void TransposedProductRow(ref double d, int m, ref double a, int n, ref double g, int o, int r0, int r1, int full) =>
        TransposedProductColumns(ref d, m, ref a, n, ref g, o, 0, r0, r1, full);

    /// <summary>Entries c…n−1 of row o of G: four columns per vector, then one at a time.</summary>
    private static void TransposedProductColumns(ref double d, int m, ref double a, int n, ref double g, int o, int c, int r0, int r1, int full)
    {
        ref double go = ref Unsafe.Add(ref g, o * n);
        for (; c + 4 <= n; c += 4)
        {
            var s = Vector.LoadUnsafe(ref go, (nuint)c);
            for (int r = r0; r < r1; r++)
            {
                double k = Unsafe.Add(ref d, r * m + o);
                if (r < full || k != 0)
                {
                    s = Vector.FusedMultiplyAdd(new Vector<double>(k), Vector.LoadUnsafe(ref Unsafe.Add(ref a, r * n + c)), s);
                }
            }
            s.StoreUnsafe(ref go, (nuint)c);
        }
        for (; c < n; c++)
        {
            double s = Unsafe.Add(ref go, c);
            for (int r = r0; r < r1; r++)
            {
                double k = Unsafe.Add(ref d, r * m + o);
                if (r < full || k != 0)
                {
                    s = Math.FusedMultiplyAdd(k, Unsafe.Add(ref a, r * n + c), s);
                }
            }
            Unsafe.Add(ref go, c) = s;
        }
    }

    /// <summary>y += c0·x0 + c1·x1 + c2·x2 + c3·x3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Axpy4(double c0, ReadOnlySpan<double> x0, double c1, ReadOnlySpan<double> x1,
        double c2, ReadOnlySpan<double> x2, double c3, ReadOnlySpan<double> x3, Span<double> y)
    {
        int n = y.Length, i = 0;
        if (x0.Length < n || x1.Length < n || x2.Length < n || x3.Length < n)
        {
            throw new ArgumentException("Axpy4: an x is shorter than y");
        }

        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            // Every load and store stays inside the first n entries (checked above).
            ref double p0 = ref MemoryMarshal.GetReference(x0);
            ref double p1 = ref MemoryMarshal.GetReference(x1);
            ref double p2 = ref MemoryMarshal.GetReference(x2);
            ref double p3 = ref MemoryMarshal.GetReference(x3);
            ref double py = ref MemoryMarshal.GetReference(y);
            nuint width = (nuint)Vector<double>.Count, vn = (nuint)n - (nuint)n % width;
            Vector<double> k0 = new(c0), k1 = new(c1), k2 = new(c2), k3 = new(c3);
            for (nuint k = 0; k < vn; k += width)
            {
                var acc = Vector.FusedMultiplyAdd(k0, Vector.LoadUnsafe(ref p0, k), Vector.LoadUnsafe(ref py, k));
                acc = Vector.FusedMultiplyAdd(k1, Vector.LoadUnsafe(ref p1, k), acc);
                acc = Vector.FusedMultiplyAdd(k2, Vector.LoadUnsafe(ref p2, k), acc);
                Vector.FusedMultiplyAdd(k3, Vector.LoadUnsafe(ref p3, k), acc).StoreUnsafe(ref py, k);
            }
            i = (int)vn;
        }
        for (; i < n; i++)
        {
            double acc = Math.FusedMultiplyAdd(c0, x0[i], y[i]);
            acc = Math.FusedMultiplyAdd(c1, x1[i], acc);
            acc = Math.FusedMultiplyAdd(c2, x2[i], acc);
            y[i] = Math.FusedMultiplyAdd(c3, x3[i], acc);
        }
    }

    /// <summary>C (rows×n) = D (rows×m) · W (m×n) [+ C when accumulate].</summary>
    public static void Multiply(ReadOnlySpan<double> d, int rows, int m, ReadOnlySpan<double> w, int n, Span<double> c, bool accumulate)
    {
        if (d.Length < rows * m || w.Length < m * n || c.Length < rows * n)
        {
            throw new ArgumentException("Multiply: a span is shorter than its matrix");
        }

        // Each entry c_rj gets fma(d_ro, w_oj, ·) for o = 0, 1, …, m − 1 in order, starting from c_rj (accumulate) or +0;
        // the last m mod 4 coefficients skip a zero, as the four-rows-at-a-time form always did. Sixteen entries of a row
        // stay in registers while the m rows of W stream past.
        int always = m - m % 4, width = Vector<double>.Count;
        ref double dd = ref MemoryMarshal.GetReference(d);
        ref double ww = ref MemoryMarshal.GetReference(w);
        ref double cc = ref MemoryMarshal.GetReference(c);
        for (int r = 0; r < rows; r++)
        {
            ref double dr = ref Unsafe.Add(ref dd, r * m);
            ref double cr = ref Unsafe.Add(ref cc, r * n);
            int j = 0;
            if (Vector.IsHardwareAccelerated)
            {
                for (; j + 4 * width <= n; j += 4 * width)
                {
                    ref double cj = ref Unsafe.Add(ref cr, j);
                    Vector<double> s0 = Vector<double>.Zero, s1 = s0, s2 = s0, s3 = s0;
                    if (accumulate)
                    {
                        s0 = Vector.LoadUnsafe(ref cj);
                        s1 = Vector.LoadUnsafe(ref cj, (nuint)width);
                        s2 = Vector.LoadUnsafe(ref cj, (nuint)(2 * width));
                        s3 = Vector.LoadUnsafe(ref cj, (nuint)(3 * width));
                    }
                    for (int o = 0; o < m; o++)
                    {
                        double k = Unsafe.Add(ref dr, o);
                        if (o >= always && k == 0)
                        {
                            continue;
                        }

                        var kv = new Vector<double>(k);
                        ref double wo = ref Unsafe.Add(ref ww, o * n + j);
                        s0 = Vector.FusedMultiplyAdd(kv, Vector.LoadUnsafe(ref wo), s0);
                        s1 = Vector.FusedMultiplyAdd(kv, Vector.LoadUnsafe(ref wo, (nuint)width), s1);
                        s2 = Vector.FusedMultiplyAdd(kv, Vector.LoadUnsafe(ref wo, (nuint)(2 * width)), s2);
                        s3 = Vector.FusedMultiplyAdd(kv, Vector.LoadUnsafe(ref wo, (nuint)(3 * width)), s3);
                    }
                    s0.StoreUnsafe(ref cj);
                    s1.StoreUnsafe(ref cj, (nuint)width);
                    s2.StoreUnsafe(ref cj, (nuint)(2 * width));
                    s3.StoreUnsafe(ref cj, (nuint)(3 * width));
                }
                for (; j + width <= n; j += width)
                {
                    ref double cj = ref Unsafe.Add(ref cr, j);
                    var s0 = accumulate ? Vector.LoadUnsafe(ref cj) : Vector<double>.Zero;
                    for (int o = 0; o < m; o++)
                    {
                        double k = Unsafe.Add(ref dr, o);
                        if (o < always || k != 0)
                        {
                            s0 = Vector.FusedMultiplyAdd(new Vector<double>(k), Vector.LoadUnsafe(ref Unsafe.Add(ref ww, o * n + j)), s0);
                        }
                    }
                    s0.StoreUnsafe(ref cj);
                }
            }
            for (; j < n; j++)
            {
                double s0 = accumulate ? Unsafe.Add(ref cr, j) : 0.0;
                for (int o = 0; o < m; o++)
                {
                    double k = Unsafe.Add(ref dr, o);
                    if (o < always || k != 0)
                    {
                        s0 = Math.FusedMultiplyAdd(k, Unsafe.Add(ref ww, o * n + j), s0);
                    }
                }
                Unsafe.Add(ref cr, j) = s0;
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
