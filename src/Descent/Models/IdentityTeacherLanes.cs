using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Descent.Models;

/// <summary>
/// <see cref="IdentityTeacherKernel"/> for <see cref="Width"/> gradient-descent runs at once, one run per SIMD lane: entry
/// (i, l) of run r's weight matrix is lane r of <c>W[i·k + l]</c>. Every scalar operation of the one-run kernel becomes
/// one vector operation over the runs, so the pair loop, the arctangents and the branches (a neuron's dominant
/// coordinate, nearly parallel students) cost a quarter each, with no horizontal sums.
/// </summary>
/// <remarks>
/// <para><b>Bit-for-bit the one-run kernel.</b> Each lane performs the one-run kernel's operations in its order: its
/// SIMD dot products (<see cref="Kernels.Dot"/>: four partial sums over chunks of four, combined as
/// (p₀ + p₁) + (p₂ + p₃) as <see cref="Vector.Sum{T}(Vector{T})"/> does, then the tail) are replayed with four
/// accumulators; its branches become masks over the lanes (both sides computed, the taken one selected); its skipped
/// zero weights are skipped per lane. So a run's trajectory does not depend on which lane it is in, on its neighbours,
/// or on the thread count, and the stored tables in data/ are reproduced to the last bit (tested run by run against
/// <see cref="IdentityTeacherKernel"/>). <see cref="Supported"/> checks the horizontal-sum order on this machine once;
/// where it differs (or vectors are not four doubles wide) callers use the one-run kernel.</para>
/// <para>A lane with a zero student (not differentiable; the one-run kernel's special case) or a non-finite result is
/// recomputed by the one-run kernel, so the rare cases keep exactly its semantics.</para>
/// </remarks>
internal sealed class IdentityTeacherLanes
{
    private const double TwoPi = 2 * Math.PI;
    private readonly int _k, _n;
    private readonly Vector<double>[] _w, _g, _weight, _coef, _norm, _teacherCos, _teacherSin, _teacherRest, _pairCos, _pairSin, _pairRest;
    private readonly bool[] _weightAllNonzero;
    private readonly double _teacherTerm;
    private readonly IdentityTeacherKernel _one;
    private readonly double[] _theta, _gradient;

    /// <summary>Runs advanced together: the number of doubles in a <see cref="Vector{T}"/>.</summary>
    public static int Width => Vector<double>.Count;

    /// <summary>Whether the lanes reproduce the one-run kernel here: SIMD hardware, four doubles per vector, and
    /// <see cref="Vector.Sum{T}(Vector{T})"/> adding as (e₀ + e₁) + (e₂ + e₃) (checked on values where the orders differ).</summary>
    public static bool Supported { get; } = Vector.IsHardwareAccelerated && Vector<double>.Count == 4 && PairwiseHorizontalSum();

    public IdentityTeacherLanes(int k, int n)
    {
        _k = k;
        _n = n;
        _w = new Vector<double>[n * k];
        _g = new Vector<double>[n * k];
        _weight = new Vector<double>[n * n];
        _weightAllNonzero = new bool[n * n];
        _coef = new Vector<double>[n];
        _norm = new Vector<double>[n];
        _teacherCos = new Vector<double>[n * k];
        _teacherSin = new Vector<double>[n * k];
        _teacherRest = new Vector<double>[n * k];
        _pairCos = new Vector<double>[n * (n - 1) / 2];
        _pairSin = new Vector<double>[n * (n - 1) / 2];
        _pairRest = new Vector<double>[n * (n - 1) / 2];
        _teacherTerm = 0.5 * (k / 2.0 + k * (k - 1) / TwoPi);
        _one = new IdentityTeacherKernel(k, n);
        _theta = new double[n * k];
        _gradient = new double[n * k];
    }

    /// <summary>‖∇F‖₂ of every lane at the last <see cref="Gradient"/>.</summary>
    public Vector<double> GradientNorm { get; private set; }

    /// <summary>F of every lane at the last <see cref="Gradient"/>.</summary>
    public Vector<double> Value { get; private set; }

    /// <summary>Puts a run's θ into <paramref name="lane"/>.</summary>
    public void Load(int lane, ReadOnlySpan<double> theta)
    {
        var w = MemoryMarshal.Cast<Vector<double>, double>(_w.AsSpan());
        for (int p = 0; p < theta.Length; p++)
        {
            w[p * Width + lane] = theta[p];
        }
    }

    /// <summary>Copies <paramref name="lane"/>'s θ out.</summary>
    public void Store(int lane, Span<double> theta) => Copy(_w, lane, theta);

    /// <summary>θ ← θ − <paramref name="rate"/>·∇F in the lanes where <paramref name="step"/> is set (the one-run loop's
    /// <c>θᵢ -= rate·gᵢ</c>); the other lanes stay as they are.</summary>
    public void Step(double rate, ReadOnlySpan<bool> step)
    {
        Span<long> keepBits = stackalloc long[Width];
        for (int lane = 0; lane < Width; lane++)
        {
            keepBits[lane] = step[lane] ? 0 : -1;
        }

        var keep = new Vector<long>(keepBits);
        var r = new Vector<double>(rate);
        var w = _w;
        var g = _g;
        for (int p = 0; p < w.Length; p++)
        {
            w[p] = Vector.ConditionalSelect(keep, w[p], w[p] - r * g[p]);
        }
    }

    /// <summary>∇F, ‖∇F‖ and F in every lane; lanes not <paramref name="active"/> are computed but never patched.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Gradient(ReadOnlySpan<bool> active)
    {
        int k = _k, n = _n;
        var w = _w;
        var g = _g;
        var norm = _norm;
        var coef = _coef;
        var a = _weight;
        var zero = Vector<double>.Zero;
        var one = Vector<double>.One;
        var pi = new Vector<double>(Math.PI);
        var twoPi = new Vector<double>(TwoPi);
        var half = new Vector<double>(0.5);
        var quarter = new Vector<double>(0.25);
        var students = zero;
        var cross = zero;
        var zeroStudent = Vector<long>.Zero;
        int chunked = k >= 4 ? k / 4 * 4 : 0;

        // Teacher terms (the one-run kernel's first loop), in three sweeps so the arctangents of different (i, j) overlap:
        // cos and sin of every θᵢⱼ, then π − θᵢⱼ for all of them, then the sums in the one-run order.
        var tc = _teacherCos;
        var ts = _teacherSin;
        var tr = _teacherRest;
        for (int i = 0; i < n; i++)
        {
            int o = i * k;
            var wi = w.AsSpan(o, k);
            var sq = Dot(wi, wi);
            var r = Vector.SquareRoot(sq);
            norm[i] = r;
            students += quarter * sq;
            zeroStudent |= Vector.Equals(r, zero);
            var inv = one / r;
            var cs = tc.AsSpan(o, k);
            var ss = ts.AsSpan(o, k);
            for (int j = 0; j < cs.Length; j++)
            {
                var c = wi[j] * inv;
                cs[j] = c;
                ss[j] = Vector.SquareRoot(Vector.Max(zero, one - c * c));
            }
            for (int j = 0; j < cs.Length; j++)
            {
                var c = cs[j];
                var dominant = Vector.GreaterThanOrEqual(c * c, half);
                if (dominant == Vector<long>.Zero)
                {
                    continue;
                }

                var others = zero;
                for (int l = 0; l < wi.Length; l++)
                {
                    if (l != j)
                    {
                        others += wi[l] * wi[l];
                    }
                }

                ss[j] = Vector.ConditionalSelect(dominant, Vector.Min(one, Vector.SquareRoot(others) * inv), ss[j]);
            }
        }
        Angles(ts, tc, tr);
        for (int i = 0; i < n; i++)
        {
            int o = i * k;
            var cs = tc.AsSpan(o, k);
            var ss = ts.AsSpan(o, k);
            var rs = tr.AsSpan(o, k);
            var gi = g.AsSpan(o, k);
            Vector<double> s0 = zero, s1 = zero, s2 = zero, s3 = zero, k0 = zero, k1 = zero, k2 = zero, k3 = zero;
            int j = 0;
            for (; j < chunked; j += 4)
            {
                Teacher(ss[j], cs[j], rs[j], ref s0, ref k0, out gi[j]);
                Teacher(ss[j + 1], cs[j + 1], rs[j + 1], ref s1, ref k1, out gi[j + 1]);
                Teacher(ss[j + 2], cs[j + 2], rs[j + 2], ref s2, ref k2, out gi[j + 2]);
                Teacher(ss[j + 3], cs[j + 3], rs[j + 3], ref s3, ref k3, out gi[j + 3]);
            }
            var sinSum = s0 + s1 + (s2 + s3);
            var kernelSum = k0 + k1 + (k2 + k3);
            for (; j < k; j++)
            {
                Teacher(ss[j], cs[j], rs[j], ref sinSum, ref kernelSum, out gi[j]);
            }
            coef[i] = -sinSum / twoPi;
            cross += norm[i] * kernelSum / twoPi;
        }

        // Student pairs i < i' in the one-run kernel's order, in the same three sweeps.
        var minusOne = new Vector<double>(-1);
        var nearlyParallel = new Vector<double>(0.81);
        var pc = _pairCos;
        var ps = _pairSin;
        var pr = _pairRest;
        int q = 0;
        for (int i = 0; i < n; i++)
        {
            var w1 = w.AsSpan(i * k, k);
            var r1 = norm[i];
            for (int i2 = i + 1; i2 < n; i2++, q++)
            {
                var w2 = w.AsSpan(i2 * k, k);
                var r2 = norm[i2];
                var c = Vector.Min(Vector.Max(Dot(w1, w2) / (r1 * r2), minusOne), one);
                var s = Vector.SquareRoot(one - c * c);
                var near = Vector.GreaterThanOrEqual(c * c, nearlyParallel);
                if (near != Vector<long>.Zero)
                {
                    var s2 = zero;
                    for (int l = 0; l < w1.Length; l++)
                    {
                        var d = w2[l] / r2 - c * w1[l] / r1;
                        s2 += d * d;
                    }
                    s = Vector.ConditionalSelect(near, Vector.Min(one, Vector.SquareRoot(s2)), s);
                }
                pc[q] = c;
                ps[q] = s;
            }
        }
        Angles(ps, pc, pr);
        q = 0;
        for (int i = 0; i < n; i++)
        {
            var r1 = norm[i];
            a[i * n + i] = zero;
            for (int i2 = i + 1; i2 < n; i2++, q++)
            {
                var r2 = norm[i2];
                var s = ps[q];
                var c = pc[q];
                var rest = pr[q];
                var weight = rest / twoPi;
                students += r1 * r2 * (s + rest * c) / twoPi;
                a[i * n + i2] = weight;
                a[i2 * n + i] = weight;
                bool allNonzero = !Vector.EqualsAny(weight, zero);
                _weightAllNonzero[i * n + i2] = allNonzero;
                _weightAllNonzero[i2 * n + i] = allNonzero;
                coef[i] += r2 * s / twoPi;
                coef[i2] += r1 * s / twoPi;
            }
        }

        // gᵢ += (½ + coefᵢ/‖wᵢ‖) wᵢ + Σ_{i' ≠ i} aᵢᵢ' w_{i'}, the fused multiply-adds in the one-run kernel's order; a zero
        // weight is skipped there, so it is skipped here lane by lane.
        var total = zero;
        for (int i = 0; i < n; i++)
        {
            int o = i * k;
            var scale = half + coef[i] / norm[i];
            var gi = g.AsSpan(o, k);
            var wi = w.AsSpan(o, k);
            var weights = a.AsSpan(i * n, n);
            var allNonzero = _weightAllNonzero.AsSpan(i * n, n);
            int l = 0;
            // Four entries of gᵢ at a time, each in its own register through the terms (independent chains).
            for (; l <= k - 4; l += 4)
            {
                var acc0 = Vector.FusedMultiplyAdd(scale, wi[l], gi[l]);
                var acc1 = Vector.FusedMultiplyAdd(scale, wi[l + 1], gi[l + 1]);
                var acc2 = Vector.FusedMultiplyAdd(scale, wi[l + 2], gi[l + 2]);
                var acc3 = Vector.FusedMultiplyAdd(scale, wi[l + 3], gi[l + 3]);
                for (int i2 = 0; i2 < weights.Length; i2++)
                {
                    if (i2 == i)
                    {
                        continue;
                    }

                    var weight = weights[i2];
                    var w2 = w.AsSpan(i2 * k + l, 4);
                    if (allNonzero[i2])
                    {
                        acc0 = Vector.FusedMultiplyAdd(weight, w2[0], acc0);
                        acc1 = Vector.FusedMultiplyAdd(weight, w2[1], acc1);
                        acc2 = Vector.FusedMultiplyAdd(weight, w2[2], acc2);
                        acc3 = Vector.FusedMultiplyAdd(weight, w2[3], acc3);
                    }
                    else
                    {
                        var skip = Vector.Equals(weight, zero);
                        acc0 = Vector.ConditionalSelect(skip, acc0, Vector.FusedMultiplyAdd(weight, w2[0], acc0));
                        acc1 = Vector.ConditionalSelect(skip, acc1, Vector.FusedMultiplyAdd(weight, w2[1], acc1));
                        acc2 = Vector.ConditionalSelect(skip, acc2, Vector.FusedMultiplyAdd(weight, w2[2], acc2));
                        acc3 = Vector.ConditionalSelect(skip, acc3, Vector.FusedMultiplyAdd(weight, w2[3], acc3));
                    }
                }
                gi[l] = acc0;
                gi[l + 1] = acc1;
                gi[l + 2] = acc2;
                gi[l + 3] = acc3;
            }
            for (; l < k; l++)
            {
                var acc = Vector.FusedMultiplyAdd(scale, wi[l], gi[l]);
                for (int i2 = 0; i2 < weights.Length; i2++)
                {
                    if (i2 == i)
                    {
                        continue;
                    }

                    var weight = weights[i2];
                    var sum = Vector.FusedMultiplyAdd(weight, w[i2 * k + l], acc);
                    acc = allNonzero[i2] ? sum : Vector.ConditionalSelect(Vector.Equals(weight, zero), acc, sum);
                }
                gi[l] = acc;
            }
            total += Dot(gi, gi);
        }
        var gradientNorm = Vector.SquareRoot(total);
        var value = students - cross + new Vector<double>(_teacherTerm);

        // The one-run kernel's special cases, lane by lane.
        Span<double> norms = stackalloc double[Width], values = stackalloc double[Width];
        gradientNorm.CopyTo(norms);
        value.CopyTo(values);
        for (int lane = 0; lane < Width; lane++)
        {
            if (active[lane] && (zeroStudent[lane] != 0 || !double.IsFinite(norms[lane]) || !double.IsFinite(values[lane])))
            {
                Copy(_w, lane, _theta);
                norms[lane] = _one.Gradient(_theta, _gradient);
                values[lane] = _one.Value;
                var gs = MemoryMarshal.Cast<Vector<double>, double>(_g.AsSpan());
                for (int p = 0; p < _gradient.Length; p++)
                {
                    gs[p * Width + lane] = _gradient[p];
                }
            }
        }
        GradientNorm = new Vector<double>(norms);
        Value = new Vector<double>(values);
    }

    /// <summary>One teacher angle of the one-run kernel (π − θ given): the running sums of sin θ and sin θ + (π − θ) cos θ, and
    /// the gradient entry −(π − θ)/2π.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Teacher(Vector<double> s, Vector<double> c, Vector<double> rest, ref Vector<double> sinSum,
        ref Vector<double> kernelSum, out Vector<double> gradient)
    {
        sinSum += s;
        kernelSum += s + rest * c;
        gradient = -rest / new Vector<double>(TwoPi);
    }

    /// <summary><see cref="Kernels.Dot"/> of two rows, lane by lane: four partial fused sums over the chunks of four,
    /// combined pairwise, then the tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Dot(ReadOnlySpan<Vector<double>> x, ReadOnlySpan<Vector<double>> y)
    {
        int i = 0, k = x.Length;
        y = y[..k];
        var sum = Vector<double>.Zero;
        if (k >= 4)
        {
            Vector<double> p0 = sum, p1 = sum, p2 = sum, p3 = sum;
            for (; i <= k - 4; i += 4)
            {
                p0 = Vector.FusedMultiplyAdd(x[i], y[i], p0);
                p1 = Vector.FusedMultiplyAdd(x[i + 1], y[i + 1], p1);
                p2 = Vector.FusedMultiplyAdd(x[i + 2], y[i + 2], p2);
                p3 = Vector.FusedMultiplyAdd(x[i + 3], y[i + 3], p3);
            }
            sum = p0 + p1 + (p2 + p3);
        }
        for (; i < k; i++)
        {
            sum = Vector.FusedMultiplyAdd(x[i], y[i], sum);
        }

        return sum;
    }

    private static void Copy(Vector<double>[] from, int lane, Span<double> to)
    {
        var v = MemoryMarshal.Cast<Vector<double>, double>(from.AsSpan());
        for (int p = 0; p < to.Length; p++)
        {
            to[p] = v[p * Width + lane];
        }
    }

    /// <summary>rest[p] = π − θ(s[p], c[p]) for every p, in one sweep of independent arctangents.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Angles(ReadOnlySpan<Vector<double>> s, ReadOnlySpan<Vector<double>> c, Span<Vector<double>> rest)
    {
        var pi = new Vector<double>(Math.PI);
        c = c[..rest.Length];
        s = s[..rest.Length];
        for (int p = 0; p < rest.Length; p++)
        {
            rest[p] = pi - IdentityTeacherKernel.Angle(s[p], c[p]);
        }
    }

    private static bool PairwiseHorizontalSum()
    {
        // Probes on which the orders differ: pairwise gives 0 and 0, left to right 1 and 0, right to left 0 and 1,
        // (e₀ + e₂) + (e₁ + e₃) 2 and 2.
        return Vector.Sum(new Vector<double>([1e16, 1, -1e16, 1])) == 0 && Vector.Sum(new Vector<double>([1, 1e16, 1, -1e16])) == 0;
    }
}
