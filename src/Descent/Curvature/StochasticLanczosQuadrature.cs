using MathNet.Numerics.LinearAlgebra;

namespace Descent.Curvature;

/// <summary>
/// Stochastic Lanczos quadrature (SLQ): the spectral density of a large symmetric operator from a few Lanczos runs
/// (Ubaru, Chen &amp; Saad 2017; Ghorbani, Krishnan &amp; Xiao 2019, "An investigation into neural net optimization via
/// Hessian eigenvalue density").
/// </summary>
/// <remarks>
/// For each of N_v probes z with independent ±1 entries (Rademacher), q = z/√n, Lanczos for m steps gives Gauss
/// quadrature nodes θ_k and weights τ_k with qᵀf(H)q ≈ Σ τ_k f(θ_k), exact for polynomials f of degree ≤ 2m − 1.
/// Since E[zᵀf(H)z] = tr f(H), the average over probes estimates (1/n) tr f(H) = ∫ f dμ for the eigenvalue
/// distribution μ, with the Hutchinson variance 2(‖f(H)‖_F² − Σ f(H)ᵢᵢ²)/(n² N_v) per moment.
/// Replacing δ(t − θ_k) by a Gaussian of width σ gives a smooth density.
/// </remarks>
public static class StochasticLanczosQuadrature
{
    /// <summary>Estimates the spectral density.</summary>
    /// <param name="hessian">The symmetric operator (n ≥ 2).</param>
    /// <param name="steps">Lanczos steps per probe, 1 ≤ m ≤ n (≈ 30–90 in Ghorbani et al.).</param>
    /// <param name="probes">Number of Rademacher probes N_v ≥ 1.</param>
    /// <param name="seed">Seed of the probes (<c>new Random(seed)</c>).</param>
    /// <param name="gridPoints">Number of grid points ≥ 16.</param>
    /// <param name="sigma">Gaussian broadening σ &gt; 0; by default 1% of the node range (or 1e-3 if all nodes coincide).</param>
    public static SpectralDensity Estimate(HessianOperator hessian, int steps = 30, int probes = 10, int seed = 0,
        int gridPoints = 1000, double? sigma = null)
    {
        ArgumentNullException.ThrowIfNull(hessian);
        int n = hessian.Dimension;
        if (steps < 1 || steps > n)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"steps must be in [1, {n}] (the dimension).");
        }

        if (probes < 1 || probes > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(probes), probes, "probes must be in [1, 10000].");
        }

        if (gridPoints < 16 || gridPoints > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(gridPoints), gridPoints, "gridPoints must be in [16, 1000000].");
        }

        if (sigma is { } sg && (!(sg > 0) || !double.IsFinite(sg)))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sg, "sigma must be a finite positive number.");
        }

        var rng = new Random(seed);
        var nodes = new double[probes][];
        var weights = new double[probes][];
        double scale = 1 / Math.Sqrt(n);
        for (int l = 0; l < probes; l++)
        {
            var q = Vector<double>.Build.Dense(n, _ => rng.Next(2) == 0 ? -scale : scale);
            var run = Lanczos.Run(hessian, steps, q);
            nodes[l] = run.RitzValues;
            weights[l] = run.RitzWeights;
        }

        double lo = nodes.Min(a => a.Min()), hi = nodes.Max(a => a.Max());
        double s = sigma ?? (hi > lo ? 0.01 * (hi - lo) : 1e-3 * Math.Max(1.0, Math.Abs(hi)));
        double a0 = lo - 6 * s, a1 = hi + 6 * s;
        var grid = new double[gridPoints];
        var density = new double[gridPoints];
        double norm = 1 / (probes * s * Math.Sqrt(2 * Math.PI));
        for (int i = 0; i < gridPoints; i++)
        {
            double t = a0 + (a1 - a0) * i / (gridPoints - 1);
            grid[i] = t;
            double p = 0;
            for (int l = 0; l < probes; l++)
            {
                for (int k = 0; k < nodes[l].Length; k++)
                {
                    double z = (t - nodes[l][k]) / s;
                    p += weights[l][k] * Math.Exp(-0.5 * z * z);
                }
            }

            density[i] = p * norm;
        }
        return new SpectralDensity(grid, density, nodes, weights, s, n, steps, seed, hessian.Source);
    }
}
