namespace Descent.Models;

/// <summary>
/// The analytic learning curve of one input–output mode of a deep linear network (Saxe, McClelland &amp; Ganguli 2014,
/// arXiv:1312.6120): with whitened inputs (Σxx = I), Σyx = U S Vᵀ and decoupled, balanced weights, the strength
/// u = uₐᵀ W vₐ of mode a (singular value s) follows gradient flow on ½(s − u)² through d layers of equal strength
/// u^{1/d}: du/dt = d·u^{2 − 2/d}(s − u), with t = (step)·ε for learning rate ε.
/// </summary>
/// <remarks>
/// <para>Depth 2 (one hidden layer) has the closed form u(t) = s / (1 + (s/u₀ − 1)e^{−2st}) (Saxe et al.'s eq. 7): a
/// sigmoid whose plateau lasts about ln(s/u₀)/(2s) — stronger modes are learned first, and the time to learn scales
/// like 1/s. Half the mode is learned at t½ = ln(s/u₀ − 1)/(2s).</para>
/// <para>Depth d ≥ 3: the origin is a degenerate saddle (the Hessian vanishes), the plateau lasts ≈ u₀^{−(1 − 2/d)}/(s(d − 2))
/// for small u₀ — far longer than depth 2's logarithm. No elementary closed form; the curve is integrated by classical
/// Runge–Kutta with at least 4000 steps per unit of s·t (error far below plotting resolution).</para>
/// </remarks>
public static class SaxeLearningCurve
{
    /// <summary>u(t) for a mode of singular value s from initial strength u₀ through a network of <paramref name="depth"/> weight layers.</summary>
    /// <param name="strength">s &gt; 0.</param>
    /// <param name="initial">u₀ in (0, s) — a small initialization.</param>
    /// <param name="time">t ≥ 0 (learning-rate × steps).</param>
    /// <param name="depth">d ≥ 2, the number of weight matrices.</param>
    public static double ModeStrength(double strength, double initial, double time, int depth = 2)
    {
        Check(strength, initial, depth);
        if (!(time >= 0) || !double.IsFinite(time))
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "time must be a finite number ≥ 0.");
        }

        double s = strength, u0 = initial;
        if (depth == 2)
        {
            return s / (1 + (s / u0 - 1) * Math.Exp(-2 * s * time));
        }

        return Integrate(s, u0, time, depth);
    }

    /// <summary>u(t) at each time (depth 2 in closed form; deeper networks by one Runge–Kutta pass through the sorted times).</summary>
    public static double[] Curve(double strength, double initial, IReadOnlyList<double> times, int depth = 2)
    {
        ArgumentNullException.ThrowIfNull(times);
        Check(strength, initial, depth);
        if (times.Any(t => !(t >= 0) || !double.IsFinite(t)))
        {
            throw new ArgumentOutOfRangeException(nameof(times), "times must be finite numbers ≥ 0.");
        }

        if (depth == 2)
        {
            return times.Select(t => ModeStrength(strength, initial, t, 2)).ToArray();
        }

        var order = Enumerable.Range(0, times.Count).OrderBy(i => times[i]).ToArray();
        var result = new double[times.Count];
        double now = 0, u = initial;
        foreach (int i in order)
        {
            u = Integrate(strength, u, times[i] - now, depth);
            now = times[i];
            result[i] = u;
        }
        return result;
    }

    /// <summary>Advances du/dt = d·u^{2 − 2/d}(s − u) by <paramref name="duration"/> with classical Runge–Kutta.</summary>
    private static double Integrate(double s, double u, double duration, int depth)
    {
        if (duration == 0)
        {
            return u;
        }

        double p = 2 - 2.0 / depth;
        double Rate(double x) => depth * Math.Pow(Math.Max(x, 0), p) * (s - x);
        int n = (int)Math.Ceiling(Math.Max(200, 4000 * s * duration * depth));
        double h = duration / n;
        for (int i = 0; i < n; i++)
        {
            double k1 = Rate(u), k2 = Rate(u + 0.5 * h * k1), k3 = Rate(u + 0.5 * h * k2), k4 = Rate(u + h * k3);
            u += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
        }
        return u;
    }

    /// <summary>t½ = ln(s/u₀ − 1)/(2s): when a depth-2 mode reaches half its final strength.</summary>
    public static double HalfTime(double strength, double initial)
    {
        Check(strength, initial, 2);
        return Math.Log(strength / initial - 1) / (2 * strength);
    }

    private static void Check(double s, double u0, int depth)
    {
        if (!(s > 0) || !double.IsFinite(s))
        {
            throw new ArgumentOutOfRangeException("strength", s, "strength must be a finite number > 0.");
        }

        if (!(u0 > 0 && u0 < s))
        {
            throw new ArgumentOutOfRangeException("initial", u0, $"initial must be in (0, {s}) (between 0 and the strength).");
        }

        if (depth < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "depth must be at least 2 weight layers.");
        }
    }
}
