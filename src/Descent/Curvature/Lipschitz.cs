using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Curvature;

/// <summary>
/// Estimates of the gradient's Lipschitz constant M (‖∇L(a) − ∇L(b)‖ ≤ M‖a − b‖) over a box, for the convergence
/// theory of chapter 08. By the mean value theorem M = sup ‖∇²L‖₂ over the (convex) box, so sampled Hessians estimate
/// it from below and sampled gradient pairs give a guaranteed lower bound.
/// </summary>
public static class Lipschitz
{
    /// <summary>Samples the box uniformly.</summary>
    /// <param name="objective">The objective (exact Hessians when available, else finite differences, flagged).</param>
    /// <param name="samples">Number of Hessian samples and of gradient pairs, 1 ≤ samples ≤ 1e6.</param>
    /// <param name="seed">Seed: Hessian points from <c>new Random(seed)</c>, pairs from <c>new Random(seed + 1)</c>, so more
    /// samples only add points (the estimate never decreases as <paramref name="samples"/> grows).</param>
    /// <param name="lower">Lower corner; the objective's plot box when omitted.</param>
    /// <param name="upper">Upper corner; the objective's plot box when omitted.</param>
    /// <remarks>Half the pairs are two independent uniform points; the other half are a uniform point a and
    /// b = a + r·u with u a uniformly random unit direction and r = 1e-3 × the box diagonal (b clipped into the box), which
    /// probe the local Hessian in random directions. For n &gt; 100 λmax and ‖H‖₂ come from 30 Lanczos steps
    /// (Ritz values are lower bounds of the extremes) instead of a dense eigen-decomposition.</remarks>
    public static LipschitzEstimate EstimateGradient(Objective objective, int samples = 1000, int seed = 0,
        double[]? lower = null, double[]? upper = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        int n = objective.Dimension;
        if (samples < 1 || samples > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "samples must be in [1, 1000000].");
        }

        lower ??= objective.Domain.PlotLower;
        upper ??= objective.Domain.PlotUpper;
        if (lower.Length != n || lower.Any(x => !double.IsFinite(x)))
        {
            throw new ArgumentException($"lower must have {n} finite entries.", nameof(lower));
        }

        if (upper.Length != n || upper.Any(x => !double.IsFinite(x)))
        {
            throw new ArgumentException($"upper must have {n} finite entries.", nameof(upper));
        }

        for (int i = 0; i < n; i++)
        {
            if (!(upper[i] > lower[i]))
            {
                throw new ArgumentException($"upper[{i}] = {upper[i]} must exceed lower[{i}] = {lower[i]}.", nameof(upper));
            }
        }

        var lo = (double[])lower.Clone();
        var hi = (double[])upper.Clone();
        Vector<double> Uniform(Random r) => Vector<double>.Build.Dense(n, i => lo[i] + (hi[i] - lo[i]) * r.NextDouble());

        var rng = new Random(seed);
        double maxCurv = double.NegativeInfinity, maxNorm = 0;
        Vector<double>? argMax = null;
        var source = HessianProductSource.Exact;
        for (int s = 0; s < samples; s++)
        {
            var theta = Uniform(rng);
            var op = HessianOperator.ForObjective(objective, theta);
            source = op.Source;
            double top, bottom;
            if (n <= 100)
            {
                var spectrum = Spectrum.Of(op.ToMatrix());
                (bottom, top) = (spectrum.Min, spectrum.Max);
            }
            else
            {
                var run = Lanczos.Run(op, 30, seed + s);
                (bottom, top) = (run.MinEigenvalue, run.MaxEigenvalue);
            }
            if (top > maxCurv) { maxCurv = top; argMax = theta; }
            maxNorm = Math.Max(maxNorm, Math.Max(Math.Abs(top), Math.Abs(bottom)));
        }

        var pairRng = new Random(seed + 1);
        double diagonal = Math.Sqrt(Enumerable.Range(0, n).Sum(i => (hi[i] - lo[i]) * (hi[i] - lo[i])));
        double best = 0;
        for (int s = 0; s < samples; s++)
        {
            var a = Uniform(pairRng);
            Vector<double> b;
            if (s % 2 == 0)
            {
                b = Uniform(pairRng);
            }
            else
            {
                var u = Vector<double>.Build.Dense(n, _ => Lanczos.Gaussian(pairRng));
                b = a + (1e-3 * diagonal / u.L2Norm()) * u;
                for (int i = 0; i < n; i++)
                {
                    b[i] = Math.Clamp(b[i], lo[i], hi[i]);
                }
            }
            double dist = (a - b).L2Norm();
            if (dist == 0)
            {
                continue;
            }

            var diff = objective.Gradient(a) - objective.Gradient(b);
            double ratio = diff.L2Norm() / dist;
            if (!double.IsFinite(ratio))
            {
                throw new ArithmeticException($"{objective.Name}: the gradient overflowed inside the box; shrink the box.");
            }

            best = Math.Max(best, ratio);
        }
        return new LipschitzEstimate(maxCurv, maxNorm, best, argMax!, samples, lo, hi, source, seed);
    }
}
