using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// A counter-based random stream (SplitMix64, Steele, Lea &amp; Flood 2014) keyed by (seed, step):
/// the numbers drawn at step t depend only on the seed and t, so a noisy transform stays a pure
/// function of its arguments and a rerun reproduces every draw exactly, with no mutable generator
/// hidden in the state.
/// </summary>
internal struct SeededStream
{
    private ulong _state;

    public SeededStream(int seed, int step, ulong salt)
    {
        _state = Mix((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ salt) ^ Mix((ulong)(uint)step + 0x632BE59BD9B4E019UL);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return (Mix(_state) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Standard normal by Box–Muller.</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A vector of n independent standard normals.</summary>
    public Vector<double> Gaussian(int n)
    {
        var v = Vector<double>.Build.Dense(n);
        for (int i = 0; i < n; i++)
        {
            v[i] = NextGaussian();
        }

        return v;
    }

    /// <summary>A point uniform in the ball of the given radius in ℝⁿ: a Gaussian direction,
    /// normalized, times radius·U^{1/n}.</summary>
    public Vector<double> UniformInBall(int n, double radius)
    {
        Vector<double> d;
        double norm;
        do
        {
            d = Gaussian(n);
            norm = d.L2Norm();
        } while (norm == 0);
        return d * (radius * Math.Pow(NextDouble(), 1.0 / n) / norm);
    }
}
