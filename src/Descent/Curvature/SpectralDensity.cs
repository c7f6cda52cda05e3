namespace Descent.Curvature;

/// <summary>
/// A spectral density estimate p(λ) ≈ (1/n) Σᵢ δ(λ − λᵢ) of a symmetric n×n operator by stochastic Lanczos quadrature:
/// p(t) = (1/N_v) Σ_l Σ_k τ_k^(l) 𝒩(t; θ_k^(l), σ²), where (θ_k^(l), τ_k^(l)) are the Ritz nodes and weights of
/// Lanczos started from the l-th normalized Rademacher probe (Ubaru, Chen &amp; Saad 2017; Ghorbani, Krishnan &amp; Xiao 2019).
/// </summary>
/// <param name="Grid">Evaluation points t, equally spaced.</param>
/// <param name="Density">p(t) on the grid.</param>
/// <param name="Nodes">Ritz nodes θ_k^(l), one array per probe.</param>
/// <param name="Weights">Quadrature weights τ_k^(l), one array per probe (each sums to 1).</param>
/// <param name="Sigma">Gaussian broadening σ.</param>
/// <param name="Dimension">n.</param>
/// <param name="Steps">Lanczos steps per probe m.</param>
/// <param name="Seed">Seed of the probes.</param>
/// <param name="Source">Whether the products were exact or finite-difference approximations.</param>
public sealed record SpectralDensity(
    double[] Grid, double[] Density, double[][] Nodes, double[][] Weights, double Sigma, int Dimension, int Steps, int Seed,
    HessianProductSource Source)
{
    /// <summary>Number of probes N_v.</summary>
    public int Probes => Nodes.Length;

    /// <summary>∫ p(t) dt on the grid (trapezoid rule); ≈ 1 when the grid covers the nodes ± several σ.</summary>
    public double Integral() => Moment(0);

    /// <summary>∫ tᵏ p(t) dt on the grid (trapezoid rule). The broadening adds to even moments:
    /// k = 1 gives Σ τθ, k = 2 gives Σ τ(θ² + σ²).</summary>
    public double Moment(int k)
    {
        if (k < 0 || k > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "k must be in [0, 8].");
        }

        double s = 0;
        for (int i = 0; i + 1 < Grid.Length; i++)
        {
            double f0 = Math.Pow(Grid[i], k) * Density[i], f1 = Math.Pow(Grid[i + 1], k) * Density[i + 1];
            s += 0.5 * (f0 + f1) * (Grid[i + 1] - Grid[i]);
        }
        return s;
    }

    /// <summary>(1/N_v) Σ_l Σ_k τ_k^(l) (θ_k^(l))ᵏ, the unbroadened quadrature estimate of tr(Hᵏ)/n
    /// (per probe it equals qᵀHᵏq exactly for k ≤ 2m − 1).</summary>
    public double QuadratureMoment(int k)
    {
        if (k < 0 || k > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "k must be in [0, 8].");
        }

        double s = 0;
        for (int l = 0; l < Probes; l++)
        {
            for (int j = 0; j < Nodes[l].Length; j++)
            {
                s += Weights[l][j] * Math.Pow(Nodes[l][j], k);
            }
        }

        return s / Probes;
    }

    /// <summary>Smallest Ritz node over all probes.</summary>
    public double MinNode => Nodes.Min(a => a.Min());

    /// <summary>Largest Ritz node over all probes.</summary>
    public double MaxNode => Nodes.Max(a => a.Max());

    /// <summary>Estimated fraction of eigenvalues below zero: Σ τ over nodes θ &lt; 0, averaged over probes.</summary>
    public double NegativeFraction
    {
        get
        {
            double s = 0;
            for (int l = 0; l < Probes; l++)
            {
                for (int j = 0; j < Nodes[l].Length; j++)
                {
                    if (Nodes[l][j] < 0)
                    {
                        s += Weights[l][j];
                    }
                }
            }

            return s / Probes;
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"SpectralDensity(n = {Dimension}, {Probes} probes × {Steps} Lanczos steps, σ = {Sigma:G3}{(Source == HessianProductSource.FiniteDifference ? ", APPROXIMATE products" : "")}): " +
        $"support ≈ [{MinNode:G4}, {MaxNode:G4}], mean λ ≈ {QuadratureMoment(1):G4}, negative fraction ≈ {NegativeFraction:P1}";
}
