using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace Descent.Models;

/// <summary>
/// A deep linear network (Saxe, McClelland &amp; Ganguli 2013): ŷ = W_L ⋯ W₁ x with no biases and no
/// nonlinearity, squared loss L(θ) = ½ E‖y − W x‖², W = W_L ⋯ W₁. The product is linear in x, yet the loss
/// is non-convex in θ: it has saddles (e.g. θ = 0) and only global minima, and gradient descent shows the
/// plateaus Saxe et al. solve exactly.
/// </summary>
/// <remarks>
/// <para>The loss depends on the data only through Σxx = E[xxᵀ], Σyx = E[yxᵀ] and tr Σyy:
/// L = ½ tr Σyy − tr(Σyxᵀ W) + ½ tr(W Σxx Wᵀ), so ∂L/∂W = G = W Σxx − Σyx and
/// ∂L/∂Wₗ = Aₗᵀ G Bₗᵀ with Aₗ = W_L ⋯ Wₗ₊₁, Bₗ = Wₗ₋₁ ⋯ W₁. The Hessian-vector product is exact by the
/// R-operator on these products: R{W} = Σₗ Aₗ Vₗ Bₗ, R{G} = R{W} Σxx,
/// R{∂L/∂Wₗ} = R{Aₗ}ᵀ G Bₗᵀ + Aₗᵀ R{G} Bₗᵀ + Aₗᵀ G R{Bₗ}ᵀ.</para>
/// <para>With data (rows xₙ, yₙ) the expectations are sample means, so L is the mean of ½‖yₙ − W xₙ‖².
/// θ layout: W₁, W₂, …, W_L, each row-major (d_l × d_{l−1}).</para>
/// </remarks>
public sealed class DeepLinearNetwork : Objective
{
    private readonly int[] _sizes;
    private readonly int[] _offsets;
    private readonly Matrix<double> _sxx, _syx;
    private readonly double _traceSyy;

    /// <summary>From data: inputs N × d₀, targets N × d_L; Σxx = XᵀX/N, Σyx = YᵀX/N, tr Σyy = ‖Y‖²_F/N.</summary>
    public DeepLinearNetwork(int[] layerSizes, Matrix<double> inputs, Matrix<double> targets)
        : this(layerSizes, Moments(layerSizes, inputs, targets))
    {
    }

    /// <summary>From second moments (Saxe's setting): Σxx (d₀ × d₀, symmetric), Σyx (d_L × d₀) and tr Σyy
    /// (only shifts the loss; ½ tr Σyy is the loss at W = 0; 0 gives L up to a constant).</summary>
    public static DeepLinearNetwork FromCorrelations(int[] layerSizes, Matrix<double> inputCorrelation, Matrix<double> inputOutputCorrelation, double outputTrace = 0.0)
    {
        ArgumentNullException.ThrowIfNull(inputCorrelation);
        ArgumentNullException.ThrowIfNull(inputOutputCorrelation);
        if (!double.IsFinite(outputTrace))
        {
            throw new ArgumentOutOfRangeException(nameof(outputTrace), outputTrace, "outputTrace must be finite.");
        }

        return new DeepLinearNetwork(layerSizes, (inputCorrelation, inputOutputCorrelation, outputTrace));
    }

    private DeepLinearNetwork(int[] layerSizes, (Matrix<double> Sxx, Matrix<double> Syx, double TraceSyy) m)
        : base(Count(layerSizes), $"deep linear {string.Join("-", layerSizes)}")
    {
        _sizes = (int[])layerSizes.Clone();
        ArgumentNullException.ThrowIfNull(m.Sxx, "inputCorrelation");
        ArgumentNullException.ThrowIfNull(m.Syx, "inputOutputCorrelation");
        int d0 = _sizes[0], dl = _sizes[^1];
        if (m.Sxx.RowCount != d0 || m.Sxx.ColumnCount != d0)
        {
            throw new ArgumentException($"inputCorrelation must be {d0}×{d0}.", "inputCorrelation");
        }

        if ((m.Sxx - m.Sxx.Transpose()).InfinityNorm() > 1e-12 * Math.Max(1, m.Sxx.InfinityNorm()))
        {
            throw new ArgumentException("inputCorrelation must be symmetric.", "inputCorrelation");
        }

        if (m.Syx.RowCount != dl || m.Syx.ColumnCount != d0)
        {
            throw new ArgumentException($"inputOutputCorrelation must be {dl}×{d0} (outputs × inputs).", "inputOutputCorrelation");
        }

        if (m.Sxx.Enumerate().Concat(m.Syx.Enumerate()).Any(v => !double.IsFinite(v)) || !double.IsFinite(m.TraceSyy))
        {
            throw new ArgumentException("correlations must be finite.", "inputCorrelation");
        }

        _sxx = (m.Sxx + m.Sxx.Transpose()) * 0.5;
        _syx = m.Syx.Clone();
        _traceSyy = m.TraceSyy;
        _offsets = new int[_sizes.Length - 1];
        for (int l = 1; l < _offsets.Length; l++)
        {
            _offsets[l] = _offsets[l - 1] + _sizes[l] * _sizes[l - 1];
        }
    }

    /// <summary>Widths d₀ … d_L.</summary>
    public IReadOnlyList<int> LayerSizes => _sizes;

    /// <summary>Number of weight matrices L.</summary>
    public int Depth => _sizes.Length - 1;

    /// <summary>Σxx (a copy).</summary>
    public Matrix<double> InputCorrelation => _sxx.Clone();

    /// <summary>Σyx (a copy).</summary>
    public Matrix<double> InputOutputCorrelation => _syx.Clone();

    /// <summary>Offset in θ of W_{layer+1} (layer = 0 … L−1).</summary>
    public int WeightOffset(int layer) => _offsets[CheckLayer(layer)];

    /// <summary>Wₗ for layer = 0 … L−1 (W₁ … W_L), d_{l+1} × d_l (a copy).</summary>
    public Matrix<double> Weights(Vector<double> theta, int layer)
    {
        CheckPoint(theta);
        return W(Mlp.Values(theta), CheckLayer(layer));
    }

    /// <summary>The end-to-end map W = W_L ⋯ W₁ (d_L × d₀).</summary>
    public Matrix<double> Product(Vector<double> theta)
    {
        CheckPoint(theta);
        var p = Mlp.Values(theta);
        var w = W(p, 0);
        for (int l = 1; l < Depth; l++)
        {
            w = W(p, l) * w;
        }

        return w;
    }

    /// <summary>Saxe's mode strengths aₐ = uₐᵀ W vₐ for the singular vectors Σyx = U S Vᵀ (ascending index =
    /// descending singular value); with Σxx = I each mode learns on its own sigmoidal curve towards sₐ.</summary>
    public double[] ModeStrengths(Vector<double> theta)
    {
        var w = Product(theta);
        var svd = _syx.Svd();
        int r = Math.Min(_syx.RowCount, _syx.ColumnCount);
        return Enumerable.Range(0, r).Select(a => svd.U.Column(a).DotProduct(w * svd.VT.Row(a))).ToArray();
    }

    /// <summary>Singular values sₐ of Σyx, descending: the targets of <see cref="ModeStrengths"/>.</summary>
    public double[] ModeTargets => _syx.Svd(false).S.ToArray();

    /// <summary>Initial weights drawn layer by layer by <paramref name="initialization"/> from <c>new Random(seed)</c>
    /// (Saxe et al. compare small Gaussian with orthogonal initializations).</summary>
    public Vector<double> Initialize(Initialization initialization, int seed)
    {
        ArgumentNullException.ThrowIfNull(initialization);
        var random = new Random(seed);
        var theta = new double[Dimension];
        for (int l = 0; l < Depth; l++)
        {
            initialization.Fill(theta.AsSpan(_offsets[l], _sizes[l + 1] * _sizes[l]), _sizes[l + 1], _sizes[l], random);
        }

        return new DenseVector(theta);
    }

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta)
    {
        var w = Product(theta);
        return 0.5 * _traceSyy - _syx.PointwiseMultiply(w).Enumerate().Sum() + 0.5 * (w * _sxx).PointwiseMultiply(w).Enumerate().Sum();
    }

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta) => ValueAndGradientCore(theta).Gradient;

    /// <inheritdoc />
    protected override (double Loss, Vector<double> Gradient) ValueAndGradientCore(Vector<double> theta)
    {
        var p = Mlp.Values(theta);
        var (prefix, suffix) = Products(p);
        var w = prefix[Depth];
        var wsxx = w * _sxx;
        double loss = 0.5 * _traceSyy - _syx.PointwiseMultiply(w).Enumerate().Sum() + 0.5 * wsxx.PointwiseMultiply(w).Enumerate().Sum();
        var g = wsxx - _syx;
        var grad = new double[Dimension];
        for (int l = 0; l < Depth; l++)
        {
            Store(suffix[l].TransposeThisAndMultiply(g).TransposeAndMultiply(prefix[l]), grad, _offsets[l]);
        }

        return (loss, new DenseVector(grad));
    }

    /// <inheritdoc />
    protected override Vector<double> HessianVectorProductCore(Vector<double> theta, Vector<double> v)
    {
        var p = Mlp.Values(theta);
        var q = Mlp.Values(v);
        int depth = Depth;
        // prefix[l] = W_l ⋯ W_1 (B_{l+1}), suffix[l] = W_L ⋯ W_{l+2} (A_{l+1}); R-versions alongside.
        var (prefix, suffix) = Products(p);
        var rprefix = new Matrix<double>[depth + 1];
        rprefix[0] = Matrix<double>.Build.Dense(_sizes[0], _sizes[0]);
        for (int l = 0; l < depth; l++)
        {
            rprefix[l + 1] = W(q, l) * prefix[l] + W(p, l) * rprefix[l];
        }

        var rsuffix = new Matrix<double>[depth];
        rsuffix[depth - 1] = Matrix<double>.Build.Dense(_sizes[^1], _sizes[^1]);
        for (int l = depth - 2; l >= 0; l--)
        {
            rsuffix[l] = rsuffix[l + 1] * W(p, l + 1) + suffix[l + 1] * W(q, l + 1);
        }

        var w = prefix[depth];
        var g = w * _sxx - _syx;
        var rg = rprefix[depth] * _sxx;
        var hv = new double[Dimension];
        for (int l = 0; l < depth; l++)
        {
            var block = rsuffix[l].TransposeThisAndMultiply(g).TransposeAndMultiply(prefix[l])
                + suffix[l].TransposeThisAndMultiply(rg).TransposeAndMultiply(prefix[l])
                + suffix[l].TransposeThisAndMultiply(g).TransposeAndMultiply(rprefix[l]);
            Store(block, hv, _offsets[l]);
        }
        return new DenseVector(hv);
    }

    /// <summary>prefix[l] = W_l ⋯ W_1 (prefix[0] = I), suffix[l] = W_L ⋯ W_{l+2} (suffix[L−1] = I), 0-based layers.</summary>
    private (Matrix<double>[] Prefix, Matrix<double>[] Suffix) Products(double[] p)
    {
        int depth = Depth;
        var prefix = new Matrix<double>[depth + 1];
        prefix[0] = Matrix<double>.Build.DenseIdentity(_sizes[0]);
        for (int l = 0; l < depth; l++)
        {
            prefix[l + 1] = W(p, l) * prefix[l];
        }

        var suffix = new Matrix<double>[depth];
        suffix[depth - 1] = Matrix<double>.Build.DenseIdentity(_sizes[^1]);
        for (int l = depth - 2; l >= 0; l--)
        {
            suffix[l] = suffix[l + 1] * W(p, l + 1);
        }

        return (prefix, suffix);
    }

    private Matrix<double> W(double[] p, int layer)
    {
        int rows = _sizes[layer + 1], cols = _sizes[layer], off = _offsets[layer];
        return Matrix<double>.Build.Dense(rows, cols, (i, j) => p[off + i * cols + j]);
    }

    private static void Store(Matrix<double> m, double[] target, int offset)
    {
        for (int i = 0; i < m.RowCount; i++)
        {
            for (int j = 0; j < m.ColumnCount; j++)
            {
                target[offset + i * m.ColumnCount + j] = m[i, j];
            }
        }
    }

    private int CheckLayer(int layer) => layer >= 0 && layer < Depth
        ? layer
        : throw new ArgumentOutOfRangeException(nameof(layer), layer, $"layer must be in [0, {Depth - 1}].");

    private static int Count(int[] layerSizes)
    {
        ArgumentNullException.ThrowIfNull(layerSizes);
        if (layerSizes.Length < 2)
        {
            throw new ArgumentException("layerSizes needs at least two entries (input and output widths).", nameof(layerSizes));
        }

        for (int i = 0; i < layerSizes.Length; i++)
        {
            if (layerSizes[i] < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(layerSizes), layerSizes[i], $"layerSizes[{i}] must be at least 1.");
            }
        }

        int count = 0;
        for (int l = 1; l < layerSizes.Length; l++)
        {
            count += layerSizes[l] * layerSizes[l - 1];
        }

        return count;
    }

    private static (Matrix<double>, Matrix<double>, double) Moments(int[] layerSizes, Matrix<double> inputs, Matrix<double> targets)
    {
        ArgumentNullException.ThrowIfNull(layerSizes);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (layerSizes.Length < 2)
        {
            throw new ArgumentException("layerSizes needs at least two entries.", nameof(layerSizes));
        }

        if (inputs.ColumnCount != layerSizes[0])
        {
            throw new ArgumentException($"inputs has {inputs.ColumnCount} columns, but the input width is {layerSizes[0]}.", nameof(inputs));
        }

        if (targets.ColumnCount != layerSizes[^1] || targets.RowCount != inputs.RowCount)
        {
            throw new ArgumentException($"targets must be {inputs.RowCount}×{layerSizes[^1]}.", nameof(targets));
        }

        if (inputs.Enumerate().Concat(targets.Enumerate()).Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("inputs and targets must be finite.", nameof(inputs));
        }

        double n = inputs.RowCount;
        return (inputs.TransposeThisAndMultiply(inputs) / n, targets.TransposeThisAndMultiply(inputs) / n,
            targets.Enumerate().Sum(v => v * v) / n);
    }

    /// <inheritdoc />
    public override string ToString() => $"deep linear network {string.Join("-", _sizes)}, squared loss, {Dimension} parameters";
}
