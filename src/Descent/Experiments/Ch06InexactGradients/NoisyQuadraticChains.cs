using Descent.Data;
using Descent.Optimization;

namespace Descent.Experiments;

/// <summary>
/// M independent SGD chains on the diagonal quadratic L(x) = Σᵢ ½λᵢxᵢ² with additive Gaussian gradient noise:
/// xᵢ ← xᵢ − εₖ(λᵢxᵢ + s zᵢ), z ~ N(0, 1) drawn afresh per chain, step and coordinate.
/// </summary>
internal static class NoisyQuadraticChains
{
    /// <summary>Runs the chains for <paramref name="steps"/> steps from xᵢ = start and calls <paramref name="record"/>
    /// with (k, E[xᵢ²] per coordinate over the chains) every <paramref name="recordEvery"/> steps and at the end.</summary>
    public static void Run(double[] curvatures, LearningRateSchedule schedule, double noiseStd, int chains, int steps, double start,
        Random rng, int recordEvery, Action<int, double[]> record, CancellationToken cancellationToken = default)
    {
        int d = curvatures.Length;
        var x = new double[chains, d];
        for (int c = 0; c < chains; c++)
        {
            for (int i = 0; i < d; i++)
            {
                x[c, i] = start;
            }
        }

        var second = new double[d];
        void Record(int k)
        {
            Array.Clear(second);
            for (int c = 0; c < chains; c++)
            {
                for (int i = 0; i < d; i++)
                {
                    second[i] += x[c, i] * x[c, i] / chains;
                }
            }

            record(k, (double[])second.Clone());
        }
        Record(0);
        for (int k = 0; k < steps; k++)
        {
            if ((k & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            double eps = schedule.At(k);
            for (int c = 0; c < chains; c++)
            {
                for (int i = 0; i < d; i++)
                {
                    x[c, i] -= eps * (curvatures[i] * x[c, i] + noiseStd * Sampling.Gaussian(rng));
                }
            }

            if ((k + 1) % recordEvery == 0 || k + 1 == steps)
            {
                Record(k + 1);
            }
        }
    }
}
