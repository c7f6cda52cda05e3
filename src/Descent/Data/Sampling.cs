namespace Descent.Data;

/// <summary>Seeded shuffling shared by the splits, the synthetic sets and the samplers.</summary>
internal static class Sampling
{
    /// <summary>Fisher–Yates shuffle in place (own implementation, so results do not depend on the runtime's).</summary>
    public static void Shuffle(int[] items, Random rng)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A standard normal draw (Box–Muller on two uniforms from <paramref name="rng"/>).</summary>
    public static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(); // in (0, 1], so the log is finite
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
