using MathNet.Numerics.LinearAlgebra;

namespace Descent.Models;

/// <summary>
/// The minibatch gradient as a statistical estimator (Harakeh, "Optimization for Training Deep Models", "Computing the expectation"). For a mean-over-examples
/// objective L(θ) = (1/N) Σᵢ ℓᵢ(θ) + R(θ) with full gradient g, the per-example gradients gᵢ = ∇ℓᵢ(θ) + ∇R(θ) have mean g
/// and total variance σ² = (1/N) Σᵢ ‖gᵢ − g‖² (the trace of their covariance). The mean ĝₙ of n of them drawn uniformly
/// <b>with replacement</b> has E ĝₙ = g and root-mean-square error √E‖ĝₙ − g‖² = σ/√n; drawn <b>without replacement</b>
/// the error is σ/√n · √((N − n)/(N − 1)) (the finite-population correction, exactly 0 at n = N).
/// </summary>
/// <remarks>Everything is computed from exact per-example gradients (one backward pass per example); the Monte Carlo
/// measurements use <c>new Random(seed)</c> only, so they are reproducible.</remarks>
public static class GradientNoise
{
    /// <summary>The per-example gradients gᵢ = ∇ℓᵢ(θ) + ∇R(θ), i = 0 … N − 1, one row each (one backward pass per example).
    /// Their mean is the full gradient g, so every minibatch gradient is a mean of these rows.</summary>
    public static double[][] PerExampleGradients(IRowObjective model, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(theta);
        var rows = new double[model.ExampleCount][];
        int[] row = new int[1];
        for (int i = 0; i < rows.Length; i++)
        {
            row[0] = i;
            rows[i] = model.ValueAndGradient(theta, row).Gradient.ToArray();
        }
        return rows;
    }

    /// <summary>σ = √((1/N) Σᵢ ‖gᵢ − g‖²), the root total variance of the per-example gradients at θ.</summary>
    /// <param name="model">A mean-over-examples objective.</param>
    /// <param name="theta">The point θ.</param>
    public static double StandardDeviation(IRowObjective model, Vector<double> theta) =>
        StandardDeviation(PerExampleGradients(model, theta));

    /// <summary>σ = √((1/N) Σᵢ ‖gᵢ − ḡ‖²) of given per-example gradients (two passes: the mean first, then the deviations).</summary>
    public static double StandardDeviation(IReadOnlyList<double[]> perExample)
    {
        var mean = Mean(perExample);
        double sum = 0;
        foreach (var gi in perExample)
        {
            for (int j = 0; j < mean.Length; j++)
            {
                sum += (gi[j] - mean[j]) * (gi[j] - mean[j]);
            }
        }

        return Math.Sqrt(sum / perExample.Count);
    }

    /// <summary>The mean of the per-example gradients (= the full gradient g).</summary>
    public static double[] Mean(IReadOnlyList<double[]> perExample)
    {
        ArgumentNullException.ThrowIfNull(perExample);
        if (perExample.Count == 0)
        {
            throw new ArgumentException("give at least one per-example gradient.", nameof(perExample));
        }

        var mean = new double[perExample[0].Length];
        foreach (var gi in perExample)
        {
            if (gi.Length != mean.Length)
            {
                throw new ArgumentException("every per-example gradient needs the same length.", nameof(perExample));
            }

            for (int j = 0; j < mean.Length; j++)
            {
                mean[j] += gi[j];
            }
        }
        for (int j = 0; j < mean.Length; j++)
        {
            mean[j] /= perExample.Count;
        }

        return mean;
    }

    /// <summary>The full-data gradient g = ∇L(θ) (all rows 0 … N − 1, one batched pass).</summary>
    public static Vector<double> FullGradient(IRowObjective model, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.ValueAndGradient(theta, AllRows(model.ExampleCount)).Gradient;
    }

    /// <summary>Predicted root-mean-square error of the mean of n per-example gradients: σ/√n with replacement,
    /// σ/√n · √((N − n)/(N − 1)) without.</summary>
    /// <param name="sigma">σ ≥ 0 from <see cref="StandardDeviation(IRowObjective, Vector{double})"/>.</param>
    /// <param name="batchSize">n in 1 … N (any n ≥ 1 with replacement).</param>
    /// <param name="exampleCount">N ≥ 1.</param>
    /// <param name="withReplacement">How the batch is drawn.</param>
    public static double PredictedError(double sigma, int batchSize, int exampleCount, bool withReplacement = true)
    {
        if (!(sigma >= 0) || !double.IsFinite(sigma))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "sigma must be a finite number ≥ 0.");
        }

        if (exampleCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(exampleCount), exampleCount, "exampleCount must be at least 1.");
        }

        CheckBatch(batchSize, exampleCount, withReplacement);
        double e = sigma / Math.Sqrt(batchSize);
        if (withReplacement)
        {
            return e;
        }

        return exampleCount == 1 ? 0.0 : e * Math.Sqrt((exampleCount - batchSize) / (double)(exampleCount - 1));
    }

    /// <summary>Measured root-mean-square error √((1/R) Σᵣ ‖ĝₙ⁽ʳ⁾ − g‖²) over R independent minibatches of size n, each
    /// ĝₙ the mean of n rows of <paramref name="perExample"/> and g the mean of all rows.</summary>
    /// <param name="perExample">Per-example gradients (from <see cref="PerExampleGradients"/>).</param>
    /// <param name="batchSize">n ≥ 1 (≤ N without replacement).</param>
    /// <param name="draws">R ≥ 2 minibatches.</param>
    /// <param name="rng">Source of the row draws.</param>
    /// <param name="withReplacement">Draw rows independently (true) or as a uniformly random subset (false).</param>
    public static double MeasuredError(IReadOnlyList<double[]> perExample, int batchSize, int draws, Random rng, bool withReplacement = true)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var g = Mean(perExample);
        int n = perExample.Count, p = g.Length;
        CheckBatch(batchSize, n, withReplacement);
        if (draws < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(draws), draws, "draws must be at least 2.");
        }

        double sum = 0;
        var pool = Enumerable.Range(0, n).ToArray();
        var acc = new double[p];
        for (int r = 0; r < draws; r++)
        {
            Array.Clear(acc);
            for (int k = 0; k < batchSize; k++)
            {
                int row;
                if (withReplacement)
                {
                    row = rng.Next(n);
                }
                else
                {
                    // Partial Fisher–Yates: the first n entries of pool become a uniform random subset.
                    int j = k + rng.Next(n - k);
                    (pool[k], pool[j]) = (pool[j], pool[k]);
                    row = pool[k];
                }
                AddTo(acc, perExample[row]);
            }
            for (int j = 0; j < p; j++)
            {
                double d = acc[j] / batchSize - g[j];
                sum += d * d;
            }
        }
        return Math.Sqrt(sum / draws);
    }

    /// <summary>The least-squares slope of log y against log x (the exponent p of y ≈ c·xᵖ).</summary>
    public static double LogLogSlope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count || x.Count < 2)
        {
            throw new ArgumentException("x and y need the same length, at least 2.", nameof(y));
        }

        var lx = x.Select(v => Math.Log(v)).ToArray();
        var ly = y.Select(v => Math.Log(v)).ToArray();
        double mx = lx.Average(), my = ly.Average(), sxy = 0, sxx = 0;
        for (int i = 0; i < lx.Length; i++)
        {
            sxy += (lx[i] - mx) * (ly[i] - my);
            sxx += (lx[i] - mx) * (lx[i] - mx);
        }
        if (!(sxx > 0))
        {
            throw new ArgumentException("x must hold at least two distinct positive values.", nameof(x));
        }

        return sxy / sxx;
    }

    /// <summary>The smallest batch size n with σ/√n ≤ target: n = ⌈σ²/target²⌉ (with replacement).</summary>
    public static int BatchSizeFor(double sigma, double targetError)
    {
        if (!(sigma >= 0) || !double.IsFinite(sigma))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "sigma must be a finite number ≥ 0.");
        }

        if (!(targetError > 0) || !double.IsFinite(targetError))
        {
            throw new ArgumentOutOfRangeException(nameof(targetError), targetError, "targetError must be a finite number > 0.");
        }

        return Math.Max(1, (int)Math.Ceiling(sigma * sigma / (targetError * targetError) - 1e-9));
    }

    /// <summary>acc += x, SIMD-wide (the inner loop of every minibatch mean).</summary>
    private static void AddTo(double[] acc, double[] x)
    {
        int w = System.Numerics.Vector<double>.Count, i = 0;
        for (; i <= acc.Length - w; i += w)
        {
            (new System.Numerics.Vector<double>(acc, i) + new System.Numerics.Vector<double>(x, i)).CopyTo(acc, i);
        }

        for (; i < acc.Length; i++)
        {
            acc[i] += x[i];
        }
    }

    internal static int[] AllRows(int n) => Enumerable.Range(0, n).ToArray();

    private static void CheckBatch(int batchSize, int exampleCount, bool withReplacement)
    {
        if (batchSize < 1 || (!withReplacement && batchSize > exampleCount))
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize,
                withReplacement ? "batchSize must be at least 1." : $"batchSize must be in 1..{exampleCount} (the number of examples) without replacement.");
        }
    }
}
