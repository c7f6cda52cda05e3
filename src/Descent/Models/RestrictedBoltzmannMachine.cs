using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Models;

/// <summary>
/// A binary restricted Boltzmann machine small enough to enumerate: V visible and H hidden units in {0, 1}, energy
/// E(v, h) = −aᵀv − bᵀh − vᵀWh, p(v, h) = e^{−E(v, h)}/Z. Summing out h gives the free energy
/// F(v) = −aᵀv − Σⱼ softplus(bⱼ + (vᵀW)ⱼ) and p(v) = e^{−F(v)}/Z with Z = Σ_v e^{−F(v)} over all 2^V visible vectors —
/// the partition function that makes the log-likelihood gradient intractable for a real RBM and exact here.
/// </summary>
/// <remarks>
/// <para>The objective is the mean negative log-likelihood of the data, L(θ) = (1/N) Σₙ F(vₙ) + log Z. Its exact gradient
/// is a positive (data) phase minus a negative (model) phase, ∇L = E_data[∇F(v)] − E_model[∇F(v)], with
/// ∂F/∂Wᵢⱼ = −vᵢ σ(bⱼ + (vᵀW)ⱼ), ∂F/∂aᵢ = −vᵢ, ∂F/∂bⱼ = −σ(bⱼ + (vᵀW)ⱼ).</para>
/// <para>Contrastive divergence CD-k (Hinton 2002, "Training products of experts by minimizing contrastive divergence")
/// replaces the model expectation by ∇F at the end of k steps of block Gibbs sampling v → h ~ p(h|v) → v' ~ p(v'|h)
/// started at each data vector: a cheap, biased estimate whose bias vanishes as k → ∞. Because the Gibbs chain on
/// 2^V states is a known Markov matrix T, the expected CD-k gradient is also computed exactly
/// (<see cref="ExpectedContrastiveDivergence"/>), so its bias is measured without Monte Carlo noise.</para>
/// <para>A visible vector is an int whose bit i is unit i. Parameter layout: W row-major (V rows, H columns), then a
/// (V), then b (H). No Hessian (<see cref="Objective.HasExactHessian"/> is false).</para>
/// </remarks>
public sealed class RestrictedBoltzmannMachine : Objective
{
    /// <summary>Largest number of visible or hidden units (2^12 states keep the enumeration and T small).</summary>
    public const int MaxUnits = 12;

    private readonly int[] _data;
    private readonly double[] _q;

    /// <summary>Creates an RBM with V visible and H hidden units over the given data.</summary>
    /// <param name="visibleCount">V in 1 … 12.</param>
    /// <param name="hiddenCount">H in 1 … 12.</param>
    /// <param name="data">Visible vectors as bit masks in 0 … 2^V − 1 (bit i = unit i); may be empty for a model used only
    /// to sample (then the loss and gradient are unavailable).</param>
    public RestrictedBoltzmannMachine(int visibleCount, int hiddenCount, IReadOnlyList<int>? data = null)
        : base(CountParameters(visibleCount, hiddenCount), $"RBM {visibleCount} visible × {hiddenCount} hidden")
    {
        VisibleCount = visibleCount;
        HiddenCount = hiddenCount;
        _data = data?.ToArray() ?? [];
        _q = new double[1 << visibleCount];
        for (int n = 0; n < _data.Length; n++)
        {
            if ((uint)_data[n] >= (uint)_q.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(data), _data[n], $"data[{n}] must be a visible vector in 0..{_q.Length - 1}.");
            }

            _q[_data[n]] += 1.0 / _data.Length;
        }
    }

    /// <summary>Number of visible units V.</summary>
    public int VisibleCount { get; }

    /// <summary>Number of hidden units H.</summary>
    public int HiddenCount { get; }

    /// <summary>Number of visible vectors 2^V (the terms of Z).</summary>
    public int ConfigurationCount => 1 << VisibleCount;

    /// <summary>The training vectors (bit masks), a copy.</summary>
    public int[] Data => (int[])_data.Clone();

    /// <summary>The empirical distribution q(v) of the data over all 2^V vectors, a copy.</summary>
    public double[] DataDistribution => (double[])_q.Clone();

    /// <summary>Index of Wᵢⱼ in θ.</summary>
    public int WeightIndex(int visible, int hidden) => visible * HiddenCount + hidden;

    /// <summary>Index of a₀ in θ.</summary>
    public int VisibleBiasOffset => VisibleCount * HiddenCount;

    /// <summary>Index of b₀ in θ.</summary>
    public int HiddenBiasOffset => VisibleCount * HiddenCount + VisibleCount;

    /// <inheritdoc />
    public override bool HasExactHessian => false;

    /// <summary>Weights Wᵢⱼ ~ N(0, scale²) from <c>new Random(seed)</c>, biases 0.</summary>
    public Vector<double> Initialize(int seed, double scale = 0.1)
    {
        if (!(scale >= 0) || !double.IsFinite(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be a finite number ≥ 0.");
        }

        var rng = new Random(seed);
        var theta = Vector<double>.Build.Dense(Dimension);
        for (int k = 0; k < VisibleBiasOffset; k++)
        {
            theta[k] = scale * Descent.Data.Sampling.Gaussian(rng);
        }

        return theta;
    }

    /// <summary>The bits of a visible (or hidden) vector: element i is bit i of <paramref name="configuration"/>.</summary>
    public static int[] Bits(int configuration, int count)
    {
        if (count < 1 || count > 31)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be in 1..31.");
        }

        return Enumerable.Range(0, count).Select(i => (configuration >> i) & 1).ToArray();
    }

    /// <summary>The bit mask of a vector of 0/1 values (inverse of <see cref="Bits"/>).</summary>
    public static int Encode(IReadOnlyList<int> bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        int c = 0;
        for (int i = 0; i < bits.Count; i++)
        {
            if (bits[i] is not (0 or 1))
            {
                throw new ArgumentException($"bits[{i}] = {bits[i]} must be 0 or 1.", nameof(bits));
            }

            c |= bits[i] << i;
        }
        return c;
    }

    /// <summary>E(v, h) = −aᵀv − bᵀh − vᵀWh.</summary>
    public double Energy(Vector<double> theta, int visible, int hidden)
    {
        CheckPoint(theta);
        CheckVisible(visible, nameof(visible));
        if ((uint)hidden >= (uint)(1 << HiddenCount))
        {
            throw new ArgumentOutOfRangeException(nameof(hidden), hidden, $"hidden must be in 0..{(1 << HiddenCount) - 1}.");
        }

        double e = 0;
        for (int i = 0; i < VisibleCount; i++)
        {
            if (Bit(visible, i))
            {
                e -= theta[VisibleBiasOffset + i];
            }
        }

        for (int j = 0; j < HiddenCount; j++)
        {
            if (!Bit(hidden, j))
            {
                continue;
            }

            e -= theta[HiddenBiasOffset + j];
            for (int i = 0; i < VisibleCount; i++)
            {
                if (Bit(visible, i))
                {
                    e -= theta[WeightIndex(i, j)];
                }
            }
        }
        return e;
    }

    /// <summary>F(v) = −aᵀv − Σⱼ softplus(bⱼ + (vᵀW)ⱼ), so that p(v) = e^{−F(v)}/Z.</summary>
    public double FreeEnergy(Vector<double> theta, int visible)
    {
        CheckPoint(theta);
        CheckVisible(visible, nameof(visible));
        return FreeEnergyCore(Raw(theta), visible);
    }

    /// <summary>log Z = log Σ_v e^{−F(v)}, by enumerating all 2^V visible vectors (log-sum-exp).</summary>
    public double LogPartition(Vector<double> theta)
    {
        CheckPoint(theta);
        return LogPartitionCore(Raw(theta), out _);
    }

    /// <summary>p(v) for every visible vector v = 0 … 2^V − 1 (sums to 1).</summary>
    public double[] Probabilities(Vector<double> theta)
    {
        CheckPoint(theta);
        LogPartitionCore(Raw(theta), out var p);
        return p;
    }

    /// <summary>Mean log-likelihood of the data, (1/N) Σₙ log p(vₙ) = −L(θ).</summary>
    public double LogLikelihood(Vector<double> theta) => -Value(theta);

    /// <summary>∇_θ F(v).</summary>
    public Vector<double> FreeEnergyGradient(Vector<double> theta, int visible)
    {
        CheckPoint(theta);
        CheckVisible(visible, nameof(visible));
        var g = new double[Dimension];
        AddFreeEnergyGradient(Raw(theta), visible, 1.0, g);
        return Vector<double>.Build.DenseOfArray(g);
    }

    /// <summary>p(hⱼ = 1 | v) = σ(bⱼ + (vᵀW)ⱼ) for every hidden unit.</summary>
    public double[] HiddenProbabilities(Vector<double> theta, int visible)
    {
        CheckPoint(theta);
        CheckVisible(visible, nameof(visible));
        return Enumerable.Range(0, HiddenCount).Select(j => Sigmoid(HiddenInput(Raw(theta), visible, j))).ToArray();
    }

    /// <summary>
    /// The CD-k estimate of ∇L: (1/N) Σₙ [∇F(vₙ) − ∇F(ṽₙ)], where ṽₙ ends k block-Gibbs steps started at data vector vₙ
    /// (one chain per example; the hidden units of the negative phase enter through their probabilities).
    /// </summary>
    /// <param name="theta">Parameters.</param>
    /// <param name="k">Gibbs steps k ≥ 1.</param>
    /// <param name="rng">Source of the Gibbs samples.</param>
    public Vector<double> ContrastiveDivergence(Vector<double> theta, int k, Random rng)
    {
        CheckPoint(theta);
        CheckData();
        CheckSteps(k);
        ArgumentNullException.ThrowIfNull(rng);
        // Tables of p(hⱼ = 1 | v) for every v and p(vᵢ = 1 | h) for every h (2^V·H + 2^H·V sigmoids), so a Gibbs step
        // is H + V uniform draws and lookups. The positive phase is deterministic, Σ_v q(v) ∇F(v); the negative phase
        // weighs ∇F by the empirical distribution of the chains' end points.
        var t = Raw(theta);
        int nv = ConfigurationCount, nh = 1 << HiddenCount, hc = HiddenCount, vc = VisibleCount;
        var ph = new double[nv * hc];
        for (int v = 0; v < nv; v++)
        {
            for (int j = 0; j < hc; j++)
            {
                ph[v * hc + j] = Sigmoid(HiddenInput(t, v, j));
            }
        }

        var pv = new double[nh * vc];
        for (int h = 0; h < nh; h++)
        {
            for (int i = 0; i < vc; i++)
            {
                pv[h * vc + i] = Sigmoid(VisibleInput(t, h, i));
            }
        }

        var ends = new double[nv];
        double w = 1.0 / _data.Length;
        foreach (int v0 in _data)
        {
            int v = v0;
            for (int s = 0; s < k; s++)
            {
                int h = 0;
                for (int j = 0; j < hc; j++)
                {
                    if (rng.NextDouble() < ph[v * hc + j])
                    {
                        h |= 1 << j;
                    }
                }

                int next = 0;
                for (int i = 0; i < vc; i++)
                {
                    if (rng.NextDouble() < pv[h * vc + i])
                    {
                        next |= 1 << i;
                    }
                }

                v = next;
            }
            ends[v] += w;
        }
        var g = new double[Dimension];
        for (int v = 0; v < nv; v++)
        {
            double c = _q[v] - ends[v];
            if (c != 0)
            {
                AddFreeEnergyGradient(t, v, c, g);
            }
        }
        return Vector<double>.Build.DenseOfArray(g);
    }

    /// <summary>
    /// The exact expectation of the CD-k estimate: E_data[∇F(v)] − Σ_v (q Tᵏ)(v) ∇F(v), with q the data distribution and
    /// T the one-step Gibbs transition matrix (<see cref="GibbsTransition"/>). As k → ∞, q Tᵏ → p and this tends to ∇L.
    /// </summary>
    public Vector<double> ExpectedContrastiveDivergence(Vector<double> theta, int k)
    {
        CheckPoint(theta);
        CheckData();
        CheckSteps(k);
        var t = GibbsTransitionCore(Raw(theta));
        var d = Vector<double>.Build.DenseOfArray(_q);
        for (int s = 0; s < k; s++)
        {
            d = t.TransposeThisAndMultiply(d);
        }

        var g = new double[Dimension];
        for (int v = 0; v < ConfigurationCount; v++)
        {
            double c = _q[v] - d[v];
            if (c != 0)
            {
                AddFreeEnergyGradient(Raw(theta), v, c, g);
            }
        }
        return Vector<double>.Build.DenseOfArray(g);
    }

    /// <summary>T[v, v'] = Σ_h p(h|v) p(v'|h): one block-Gibbs step on the visible vectors (rows sum to 1).</summary>
    public Matrix<double> GibbsTransition(Vector<double> theta)
    {
        CheckPoint(theta);
        return GibbsTransitionCore(Raw(theta));
    }

    /// <summary>Exact samples from p(v) (inverse CDF over the enumerated probabilities).</summary>
    public int[] Sample(Vector<double> theta, int count, Random rng)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be ≥ 0.");
        }

        ArgumentNullException.ThrowIfNull(rng);
        var p = Probabilities(theta);
        var cdf = new double[p.Length];
        double acc = 0;
        for (int v = 0; v < p.Length; v++)
        {
            cdf[v] = acc += p[v];
        }

        var result = new int[count];
        for (int n = 0; n < count; n++)
        {
            double u = rng.NextDouble() * acc;
            int idx = Array.BinarySearch(cdf, u);
            result[n] = Math.Min(idx >= 0 ? idx : ~idx, p.Length - 1);
        }
        return result;
    }

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta)
    {
        CheckData();
        double logZ = LogPartitionCore(Raw(theta), out _);
        double f = 0;
        for (int v = 0; v < ConfigurationCount; v++)
        {
            if (_q[v] > 0)
            {
                f += _q[v] * FreeEnergyCore(Raw(theta), v);
            }
        }

        return f + logZ;
    }

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta)
    {
        CheckData();
        LogPartitionCore(Raw(theta), out var p);
        var g = new double[Dimension];
        for (int v = 0; v < ConfigurationCount; v++)
        {
            AddFreeEnergyGradient(Raw(theta), v, _q[v] - p[v], g);
        }

        return Vector<double>.Build.DenseOfArray(g);
    }

    /// <inheritdoc />
    protected override Vector<double> HessianVectorProductCore(Vector<double> theta, Vector<double> v) =>
        throw new NotSupportedException($"{Name} provides the value and the exact gradient only, no Hessian.");

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: {Dimension} parameters, Z sums {ConfigurationCount} visible vectors, {_data.Length} training vectors";

    private double FreeEnergyCore(double[] theta, int v)
    {
        double f = 0;
        for (int i = 0; i < VisibleCount; i++)
        {
            if (Bit(v, i))
            {
                f -= theta[VisibleBiasOffset + i];
            }
        }

        for (int j = 0; j < HiddenCount; j++)
        {
            f -= Softplus(HiddenInput(Raw(theta), v, j));
        }

        return f;
    }

    private double LogPartitionCore(double[] theta, out double[] p)
    {
        p = new double[ConfigurationCount];
        double max = double.NegativeInfinity;
        for (int v = 0; v < p.Length; v++)
        {
            p[v] = -FreeEnergyCore(Raw(theta), v);
            max = Math.Max(max, p[v]);
        }
        double sum = 0;
        for (int v = 0; v < p.Length; v++)
        {
            sum += p[v] = Math.Exp(p[v] - max);
        }

        for (int v = 0; v < p.Length; v++)
        {
            p[v] /= sum;
        }

        return max + Math.Log(sum);
    }

    private void AddFreeEnergyGradient(double[] theta, int v, double weight, double[] g)
    {
        for (int j = 0; j < HiddenCount; j++)
        {
            double s = Sigmoid(HiddenInput(Raw(theta), v, j));
            g[HiddenBiasOffset + j] -= weight * s;
            for (int i = 0; i < VisibleCount; i++)
            {
                if (Bit(v, i))
                {
                    g[WeightIndex(i, j)] -= weight * s;
                }
            }
        }
        for (int i = 0; i < VisibleCount; i++)
        {
            if (Bit(v, i))
            {
                g[VisibleBiasOffset + i] -= weight;
            }
        }
    }

    private double HiddenInput(double[] theta, int v, int j)
    {
        double z = theta[HiddenBiasOffset + j];
        for (int i = 0; i < VisibleCount; i++)
        {
            if (Bit(v, i))
            {
                z += theta[WeightIndex(i, j)];
            }
        }

        return z;
    }

    private double VisibleInput(double[] theta, int h, int i)
    {
        double z = theta[VisibleBiasOffset + i];
        for (int j = 0; j < HiddenCount; j++)
        {
            if (Bit(h, j))
            {
                z += theta[WeightIndex(i, j)];
            }
        }

        return z;
    }

    private Matrix<double> GibbsTransitionCore(double[] theta)
    {
        int nv = ConfigurationCount, nh = 1 << HiddenCount;
        var a = Matrix<double>.Build.Dense(nv, nh); // p(h | v)
        var b = Matrix<double>.Build.Dense(nh, nv); // p(v' | h)
        for (int v = 0; v < nv; v++)
        {
            var s = Enumerable.Range(0, HiddenCount).Select(j => Sigmoid(HiddenInput(Raw(theta), v, j))).ToArray();
            for (int h = 0; h < nh; h++)
            {
                double p = 1;
                for (int j = 0; j < HiddenCount; j++)
                {
                    p *= Bit(h, j) ? s[j] : 1 - s[j];
                }

                a[v, h] = p;
            }
        }
        for (int h = 0; h < nh; h++)
        {
            var s = Enumerable.Range(0, VisibleCount).Select(i => Sigmoid(VisibleInput(Raw(theta), h, i))).ToArray();
            for (int v = 0; v < nv; v++)
            {
                double p = 1;
                for (int i = 0; i < VisibleCount; i++)
                {
                    p *= Bit(v, i) ? s[i] : 1 - s[i];
                }

                b[h, v] = p;
            }
        }
        return a * b;
    }

    private static double[] Raw(Vector<double> theta) => theta.AsArray() ?? theta.ToArray();

    private static double[] Raw(double[] theta) => theta;

    private static bool Bit(int x, int i) => ((x >> i) & 1) != 0;

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    private static double Softplus(double z) => z > 0 ? z + double.LogP1(Math.Exp(-z)) : double.LogP1(Math.Exp(z));


    private void CheckVisible(int v, string name)
    {
        if ((uint)v >= (uint)ConfigurationCount)
        {
            throw new ArgumentOutOfRangeException(name, v, $"{name} must be a visible vector in 0..{ConfigurationCount - 1}.");
        }
    }

    private void CheckData()
    {
        if (_data.Length == 0)
        {
            throw new InvalidOperationException($"{Name} has no training data; pass data to the constructor to use the loss and its gradient.");
        }
    }

    private static void CheckSteps(int k)
    {
        if (k < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "k (Gibbs steps) must be at least 1.");
        }
    }

    private static int CountParameters(int visible, int hidden)
    {
        if (visible < 1 || visible > MaxUnits)
        {
            throw new ArgumentOutOfRangeException(nameof(visible), visible, $"visibleCount must be in 1..{MaxUnits} (2^V visible vectors are enumerated).");
        }

        if (hidden < 1 || hidden > MaxUnits)
        {
            throw new ArgumentOutOfRangeException(nameof(hidden), hidden, $"hiddenCount must be in 1..{MaxUnits}.");
        }

        return visible * hidden + visible + hidden;
    }
}
