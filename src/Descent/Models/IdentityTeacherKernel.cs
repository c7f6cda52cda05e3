using System.Numerics;
using System.Runtime.CompilerServices;

namespace Descent.Models;

/// <summary>
/// The gradient of the Safran–Shamir population objective for the paper's teacher vⱼ = eⱼ (j = 1 … k), on raw
/// arrays, for the many thousands of gradient-descent steps of <see cref="Experiments.SafranShamir"/>. Same
/// function and formulas as <see cref="ReluTeacherStudent"/> (which is the reference the tests compare against),
/// reorganized so one step costs O(n²k) flops and n(n−1)/2 + nk arctangents:
/// </summary>
/// <remarks>
/// <para>∇_{wᵢ}F = ½wᵢ + (1/2π)[(Σ_{i'≠i} ‖w_{i'}‖ sin θᵢᵢ' − Σⱼ sin θᵢⱼ) ŵᵢ + Σ_{i'≠i} (π − θᵢᵢ') w_{i'} − Σⱼ (π − θᵢⱼ) eⱼ],
/// θᵢᵢ' = ∠(wᵢ, w_{i'}), θᵢⱼ = ∠(wᵢ, eⱼ). The angles use θ = atan2(sin θ, cos θ) with sin θ computed without
/// cancellation — for the teacher, sin θᵢⱼ = ‖wᵢ without entry j‖/‖wᵢ‖ for the one coordinate per neuron
/// where cos²θᵢⱼ ≥ ½; for nearly parallel students, the rejection ‖ŵ' − cos θ ŵ‖ — because near the global
/// minimum wᵢ → eᵢ, and √(1 − cos²θ) would carry an error of about 1e-8, far above a 1e-9 gradient tolerance.</para>
/// <para>A zero student (not differentiable) gets the direction-averaged gradient u/4 per kernel term, as in
/// <see cref="ReluTeacherStudent"/>.</para>
/// <para>The hot methods are compiled fully optimized at once (<see cref="MethodImplOptions.AggressiveOptimization"/>):
/// in a notebook session the JIT's tiering is held back by the engine's own compilations, and the step loop ran in
/// unoptimized tier-0 code for seconds (2.4 s instead of 0.25 s for the chapter's live run).</para>
/// </remarks>
internal sealed class IdentityTeacherKernel
{
    private const double TwoPi = 2 * Math.PI;
    private readonly int _k, _n;
    private readonly double[] _norm, _coef, _pairWeight, _cos, _sin, _pairSin, _pairCos, _pairRest;
    private readonly double _teacherTerm;

    public IdentityTeacherKernel(int k, int n)
    {
        _k = k;
        _n = n;
        _norm = new double[n];
        _coef = new double[n];
        _pairWeight = new double[n * n];
        _cos = new double[k];
        _sin = new double[k];
        int pairs = n * (n - 1) / 2;
        _pairSin = new double[pairs];
        _pairCos = new double[pairs];
        _pairRest = new double[pairs];
        _teacherTerm = 0.5 * (k / 2.0 + k * (k - 1) / TwoPi);
    }

    public int Dimension => _n * _k;

    /// <summary>F(θ) at the last <see cref="Gradient"/> call (the kernels' angles give it almost for free):
    /// F = ¼Σᵢ‖wᵢ‖² + Σ_{i&lt;i'} K(wᵢ, w_{i'}) − Σᵢⱼ K(wᵢ, eⱼ) + ½(k/2 + k(k − 1)/(2π)).</summary>
    public double Value { get; private set; }

    /// <summary>Writes ∇F(θ) into <paramref name="gradient"/> and returns ‖∇F‖₂. θ = (w₁; …; wₙ), wᵢ at offset i·k.
    /// The O(n²k) part (norms, student dot products, Σ_{i'} (π − θᵢᵢ')/(2π)·w_{i'}) runs on SIMD kernels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Gradient(double[] theta, double[] gradient)
    {
        int k = _k, n = _n;
        var w = theta;
        var g = gradient;
        var norm = _norm;
        var coef = _coef;
        var a = _pairWeight;
        double students = 0, cross = 0;

        // Teacher terms: −(1/2π)(sin θᵢⱼ ŵᵢ + (π − θᵢⱼ) eⱼ) for every i, j.
        for (int i = 0; i < n; i++)
        {
            int o = i * k;
            double sq = Kernels.Dot(w.AsSpan(o, k), w.AsSpan(o, k));
            double r = Math.Sqrt(sq);
            norm[i] = r;
            students += 0.25 * sq;
            if (r == 0)
            {
                for (int l = 0; l < k; l++)
                {
                    g[o + l] = -0.25; // ∇_w K(0, eⱼ) = eⱼ/4
                }

                coef[i] = 0;
                continue;
            }
            double inv = 1 / r, sinSum = 0, kernelSum = 0;
            var cs = _cos;
            var ss = _sin;
            int j = 0, width = Vector<double>.Count;
            if (Vector.IsHardwareAccelerated)
            {
                var vinv = new Vector<double>(inv);
                for (; j <= k - width; j += width)
                {
                    var c = new Vector<double>(w, o + j) * vinv;
                    c.CopyTo(cs, j);
                    Vector.SquareRoot(Vector.Max(Vector<double>.Zero, Vector<double>.One - c * c)).CopyTo(ss, j);
                }
            }
            for (; j < k; j++)
            {
                double c = w[o + j] * inv;
                cs[j] = c;
                ss[j] = Math.Sqrt(Math.Max(0, 1 - c * c));
            }
            for (j = 0; j < k; j++)
            {
                if (cs[j] * cs[j] < 0.5)
                {
                    continue;
                }
                // At most one coordinate per neuron: sin θ = ‖wᵢ without entry j‖/‖wᵢ‖, no cancellation.
                double others = 0;
                for (int l = 0; l < k; l++)
                {
                    if (l != j)
                    {
                        others += w[o + l] * w[o + l];
                    }
                }

                ss[j] = Math.Min(1.0, Math.Sqrt(others) * inv);
            }
            j = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var vPi = new Vector<double>(Math.PI);
                var vTwoPi = new Vector<double>(TwoPi);
                Vector<double> vSin = Vector<double>.Zero, vKernel = Vector<double>.Zero;
                for (; j <= k - width; j += width)
                {
                    var sv = new Vector<double>(ss, j);
                    var cv = new Vector<double>(cs, j);
                    var rest = vPi - Angle(sv, cv);
                    vSin += sv;
                    vKernel += sv + rest * cv;
                    (-rest / vTwoPi).CopyTo(g, o + j);
                }
                sinSum = Vector.Sum(vSin);
                kernelSum = Vector.Sum(vKernel);
            }
            for (; j < k; j++)
            {
                double rest = Math.PI - Angle(ss[j], cs[j]);
                sinSum += ss[j];
                kernelSum += ss[j] + rest * cs[j];
                g[o + j] = -rest / TwoPi;
            }
            coef[i] = -sinSum / TwoPi;
            cross += r * kernelSum / TwoPi;
        }

        // Student pairs i < i': (1/2π)(‖w_{i'}‖ sin θ ŵᵢ + (π − θ) w_{i'}) and symmetrically. Three sweeps over the pairs
        // in the same (i, i') order: (1) cos and sin of each angle, (2) π − θ for all pairs with the SIMD arctangent (lane
        // by lane bit-identical to the scalar Angle, and free of the scalar one's unpredictable branches), (3) the sums.
        var ps = _pairSin;
        var pc = _pairCos;
        var pr = _pairRest;
        int q = 0;
        for (int i = 0; i < n; i++)
        {
            int o1 = i * k;
            double r1 = norm[i];
            for (int i2 = i + 1; i2 < n; i2++, q++)
            {
                int o2 = i2 * k;
                double r2 = norm[i2];
                if (r1 == 0 || r2 == 0)
                {
                    ps[q] = 0;
                    pc[q] = 1;
                    continue;
                }
                double dot = Kernels.Dot(w.AsSpan(o1, k), w.AsSpan(o2, k));
                double c = Math.Clamp(dot / (r1 * r2), -1.0, 1.0), s;
                if (c * c < 0.81)
                {
                    s = Math.Sqrt(1 - c * c);
                }
                else
                {
                    double s2 = 0;
                    for (int l = 0; l < k; l++)
                    {
                        double d = w[o2 + l] / r2 - c * w[o1 + l] / r1;
                        s2 += d * d;
                    }
                    s = Math.Min(1.0, Math.Sqrt(s2));
                }
                ps[q] = s;
                pc[q] = c;
            }
        }
        int pairs = q, p0 = 0, vw = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var vPi = new Vector<double>(Math.PI);
            for (; p0 <= pairs - vw; p0 += vw)
            {
                (vPi - Angle(new Vector<double>(ps, p0), new Vector<double>(pc, p0))).CopyTo(pr, p0);
            }
        }
        for (; p0 < pairs; p0++)
        {
            pr[p0] = Math.PI - Angle(ps[p0], pc[p0]);
        }

        q = 0;
        for (int i = 0; i < n; i++)
        {
            a[i * n + i] = 0;
            double r1 = norm[i];
            for (int i2 = i + 1; i2 < n; i2++, q++)
            {
                double r2 = norm[i2];
                if (r1 == 0 || r2 == 0)
                {
                    // ∇_w K(0, u) = u/4 for the zero one; K and the other's gradient vanish.
                    a[i * n + i2] = r1 == 0 ? 0.25 : 0;
                    a[i2 * n + i] = r2 == 0 ? 0.25 : 0;
                    continue;
                }
                double s = ps[q], c = pc[q], rest = pr[q];
                double weight = rest / TwoPi;
                students += r1 * r2 * (s + rest * c) / TwoPi;
                a[i * n + i2] = weight;
                a[i2 * n + i] = weight;
                coef[i] += r2 * s / TwoPi;
                coef[i2] += r1 * s / TwoPi;
            }
        }

        // gᵢ += (½ + coefᵢ/‖wᵢ‖) wᵢ + Σ_{i'} aᵢᵢ' w_{i'}: the same fused multiply-adds per entry and in the same order as
        // one Axpy per term, but each SIMD chunk of gᵢ stays in a register across the terms.
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            int o = i * k;
            double scale = 0.5 + (norm[i] == 0 ? 0 : coef[i] / norm[i]);
            int l = 0;
            if (Vector.IsHardwareAccelerated && k >= vw)
            {
                var vscale = new Vector<double>(scale);
                for (; l <= k - vw; l += vw)
                {
                    var acc = Vector.FusedMultiplyAdd(vscale, new Vector<double>(w, o + l), new Vector<double>(g, o + l));
                    for (int i2 = 0; i2 < n; i2++)
                    {
                        double weight = a[i * n + i2];
                        if (weight != 0)
                        {
                            acc = Vector.FusedMultiplyAdd(new Vector<double>(weight), new Vector<double>(w, i2 * k + l), acc);
                        }
                    }
                    acc.CopyTo(g, o + l);
                }
            }
            for (; l < k; l++)
            {
                double acc = Math.FusedMultiplyAdd(scale, w[o + l], g[o + l]);
                for (int i2 = 0; i2 < n; i2++)
                {
                    double weight = a[i * n + i2];
                    if (weight != 0)
                    {
                        acc = Math.FusedMultiplyAdd(weight, w[i2 * k + l], acc);
                    }
                }
                g[o + l] = acc;
            }
            var gi = g.AsSpan(o, k);
            total += Kernels.Dot(gi, gi);
        }
        Value = students - cross + _teacherTerm;
        return Math.Sqrt(total);
    }

    /// <summary>θ = atan2(s, c) ∈ [0, π] for s ≥ 0, to within 1e-15 (an ulp or two of π): reduced to atan(t), t ∈ [0, 1], then to
    /// |x| ≤ tan(π/8) by atan(t) = π/4 + atan((t − 1)/(t + 1)), where atan(x) = x + x³P(x²) with a degree-9
    /// polynomial P fitted (weighted least squares at 120 Chebyshev nodes, 50-digit arithmetic) to
    /// (atan √z − √z)/z^{3/2} on [0, tan²(π/8)]; its error there is below 4e-17. Several times faster than
    /// <see cref="Math.Atan2"/>, which dominated the step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double Angle(double s, double c)
    {
        double ac = Math.Abs(c);
        bool swap = s > ac;
        double t = swap ? ac / s : (ac == 0 ? 0 : s / ac);
        double angle;
        if (t > TanEighthPi)
        {
            double x = (t - 1) / (t + 1);
            angle = QuarterPi + AtanSmall(x);
        }
        else
        {
            angle = AtanSmall(t);
        }
        if (swap)
        {
            angle = HalfPi - angle;
        }

        return c < 0 ? Math.PI - angle : angle;
    }

    private const double QuarterPi = Math.PI / 4, HalfPi = Math.PI / 2, TanEighthPi = 0.41421356237309503;

    /// <summary><see cref="Angle(double, double)"/> lane by lane, branch-free; the same operations in the same order, so
    /// each lane's result is bit-identical to the scalar one. Inlined into the (fully optimized) kernels that call it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector<double> Angle(Vector<double> s, Vector<double> c)
    {
        var zero = Vector<double>.Zero;
        var ac = Vector.Abs(c);
        var swap = Vector.GreaterThan(s, ac);
        var num = Vector.ConditionalSelect(swap, ac, s);
        var den = Vector.ConditionalSelect(swap, s, ac);
        var t = Vector.ConditionalSelect(Vector.Equals(den, zero), zero, num / den);
        var big = Vector.GreaterThan(t, new Vector<double>(TanEighthPi));
        var one = Vector<double>.One;
        var x = Vector.ConditionalSelect(big, (t - one) / (t + one), t);
        var angle = Vector.ConditionalSelect(big, new Vector<double>(QuarterPi), zero) + AtanSmall(x);
        angle = Vector.ConditionalSelect(swap, new Vector<double>(HalfPi) - angle, angle);
        return Vector.ConditionalSelect(Vector.LessThan(c, zero), new Vector<double>(Math.PI) - angle, angle);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> AtanSmall(Vector<double> x)
    {
        var z = x * x;
        var p = new Vector<double>(0.020607720327692914);
        p = p * z - new Vector<double>(0.04301220505268397);
        p = p * z + new Vector<double>(0.056706003206105464);
        p = p * z - new Vector<double>(0.06636488468026612);
        p = p * z + new Vector<double>(0.07689472551951215);
        p = p * z - new Vector<double>(0.09090734535167358);
        p = p * z + new Vector<double>(0.11111104282563078);
        p = p * z - new Vector<double>(0.14285714126837684);
        p = p * z + new Vector<double>(0.1999999999807424);
        p = p * z - new Vector<double>(0.33333333333324516);
        return x + x * z * p;
    }

    private static double AtanSmall(double x)
    {
        double z = x * x;
        double p = 0.020607720327692914;
        p = p * z - 0.04301220505268397;
        p = p * z + 0.056706003206105464;
        p = p * z - 0.06636488468026612;
        p = p * z + 0.07689472551951215;
        p = p * z - 0.09090734535167358;
        p = p * z + 0.11111104282563078;
        p = p * z - 0.14285714126837684;
        p = p * z + 0.1999999999807424;
        p = p * z - 0.33333333333324516;
        return x + x * z * p;
    }
}
