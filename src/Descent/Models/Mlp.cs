using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace Descent.Models;

/// <summary>
/// A fully connected network (multilayer perceptron) over one flat parameter vector θ, trained on a fixed
/// data set: L(θ) = (1/N) Σₙ ℓ(f(xₙ; θ), yₙ) + (λ/2) Σₗ ‖Wₗ‖².
/// </summary>
/// <remarks>
/// <para>Forward pass: a₀ = x, zₗ = Wₗ aₗ₋₁ + bₗ, aₗ = φ(zₗ) for hidden layers, output o = z_L (linear; the
/// loss applies softmax or the logistic link). For maxout hidden layers every unit has k pieces:
/// zₗ holds k rows per unit and aₗ,ⱼ = maxₚ zₗ,ⱼₚ.</para>
/// <para>Gradient by backpropagation; the Hessian-vector product H·v is exact, by Pearlmutter's R-operator
/// (forward-over-reverse): R{·} = d/dr (·)(θ + r v) at r = 0 is propagated forward through the same graph
/// (R{zₗ} = Wₗ R{aₗ₋₁} + Vₗ aₗ₋₁ + cₗ, R{aₗ} = φ'(zₗ) R{zₗ}) and backward through the backward pass
/// (R{δₗ₋₁} = φ'(zₗ₋₁) ⊙ (Wₗᵀ R{δₗ} + Vₗᵀ δₗ) + φ''(zₗ₋₁) ⊙ R{zₗ₋₁} ⊙ Wₗᵀ δₗ). No finite differences.
/// ReLU, maxout and hinge are piecewise: their derivatives are those of the active piece, exact almost everywhere.</para>
/// <para>Parameter layout: for each layer ℓ = 0 … L−1 in order, Wₗ row-major (rows = units, or units·k for maxout,
/// columns = fan-in), then bₗ. See <see cref="WeightOffset"/> and <see cref="BiasOffset"/>. λ (L2) applies to
/// weights only, not to biases.</para>
/// <para>Workspaces are preallocated and reused across calls (pooled, so concurrent calls are safe).</para>
/// </remarks>
public sealed class Mlp : RowObjective
{
    private readonly int[] _sizes;
    private readonly int[] _rowsW;
    private readonly int[] _wOffset;
    private readonly int[] _bOffset;
    private readonly Activation _activation;
    private readonly LossFunction _loss;
    private readonly int _pieces;
    private readonly double _l2;
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly int _n;
    private readonly double _threshold;
    private readonly double _targetThreshold;
    private readonly WorkspacePool<Workspace> _pool;

    /// <summary>Creates an MLP on inputs and real-valued targets.</summary>
    /// <param name="layerSizes">Widths d₀ (input), d₁ … d_{L−1} (hidden), d_L (outputs); at least two entries, each ≥ 1.</param>
    /// <param name="activation">Hidden-unit nonlinearity.</param>
    /// <param name="loss">Per-example loss.</param>
    /// <param name="inputs">N × d₀, one example per row.</param>
    /// <param name="targets">N × d_L: regression targets, one-hot or probability rows (softmax), {0, 1} (logistic), ±1 (hinge).</param>
    /// <param name="l2">L2 coefficient λ ≥ 0 on weights.</param>
    /// <param name="maxoutPieces">Pieces per maxout unit k ≥ 2 (ignored for other activations).</param>
    public Mlp(int[] layerSizes, Activation activation, LossFunction loss, Matrix<double> inputs, Matrix<double> targets,
        double l2 = 0.0, int maxoutPieces = 2)
        : base(CountParameters(layerSizes, activation, maxoutPieces), $"MLP {Sizes(layerSizes)} {Naming.Of(activation, maxoutPieces)}")
    {
        ArgumentNullException.ThrowIfNull(targets);
        (_sizes, _rowsW, _wOffset, _bOffset) = Layout(layerSizes, activation, maxoutPieces);
        _activation = activation;
        _pool = new(rows => new Workspace(this, rows), ws => ws.Capacity);
        _loss = CheckLoss(loss, _sizes[^1]);
        _pieces = activation == Activation.Maxout ? maxoutPieces : 1;
        _l2 = CheckL2(l2);
        (_x, _n) = CopyInputs(inputs, _sizes[0]);
        if (targets.RowCount != _n || targets.ColumnCount != _sizes[^1])
        {
            throw new ArgumentException(
                $"targets is {targets.RowCount}×{targets.ColumnCount}, but must be {_n}×{_sizes[^1]} (one row per input, one column per output).",
                nameof(targets));
        }

        _y = new double[_n * _sizes[^1]];
        int k = _sizes[^1];
        for (int r = 0; r < _n; r++)
        {
            for (int j = 0; j < k; j++)
            {
                double t = targets[r, j];
                if (!double.IsFinite(t))
                {
                    throw new ArgumentException($"targets[{r}, {j}] is {t}; targets must be finite.", nameof(targets));
                }

                if (loss == LossFunction.Logistic && (t < 0 || t > 1))
                {
                    throw new ArgumentOutOfRangeException(nameof(targets), t, $"logistic targets must lie in [0, 1]; targets[{r}, 0] = {t}.");
                }

                if (loss == LossFunction.Hinge && t != 1 && t != -1)
                {
                    throw new ArgumentOutOfRangeException(nameof(targets), t, $"hinge targets must be −1 or +1; targets[{r}, 0] = {t}.");
                }

                if (loss == LossFunction.SoftmaxCrossEntropy && t < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(targets), t, $"softmax targets must be ≥ 0; targets[{r}, {j}] = {t}.");
                }

                _y[r * k + j] = t;
            }
        }

        _threshold = _loss == LossFunction.SquaredError && _sizes[^1] == 1 ? 0.5 * (_y.Min() + _y.Max()) : 0.0;
        _targetThreshold = _loss == LossFunction.Logistic ? 0.5 : _threshold;
    }

    /// <summary>Creates an MLP on inputs and integer labels: class indices 0 … d_L−1 (one-hot targets, softmax or
    /// squared error), 0/1 (logistic, one output), −1/+1 (hinge, one output), or the value itself
    /// (squared error with one output).</summary>
    public Mlp(int[] layerSizes, Activation activation, LossFunction loss, Matrix<double> inputs, int[] labels,
        double l2 = 0.0, int maxoutPieces = 2)
        : this(layerSizes, activation, loss, inputs, LabelTargets(layerSizes, loss, labels, inputs), l2, maxoutPieces)
    {
    }

    /// <summary>Layer widths d₀ … d_L.</summary>
    public IReadOnlyList<int> LayerSizes => _sizes;

    /// <summary>Number of weight layers L.</summary>
    public int LayerCount => _sizes.Length - 1;

    /// <summary>Hidden-unit nonlinearity.</summary>
    public Activation Activation => _activation;

    /// <summary>Per-example loss.</summary>
    public LossFunction Loss => _loss;

    /// <summary>Pieces per maxout unit (1 for other activations).</summary>
    public int MaxoutPieces => _pieces;

    /// <summary>L2 coefficient λ on weights.</summary>
    public double L2 => _l2;

    /// <inheritdoc />
    public override int ExampleCount => _n;

    /// <summary>Offset in θ of layer <paramref name="layer"/>'s weight matrix (0 ≤ layer &lt; L), stored row-major.</summary>
    public int WeightOffset(int layer) => _wOffset[CheckLayer(layer)];

    /// <summary>Offset in θ of layer <paramref name="layer"/>'s bias vector.</summary>
    public int BiasOffset(int layer) => _bOffset[CheckLayer(layer)];

    /// <summary>Layer <paramref name="layer"/>'s weights Wₗ as a (units·pieces) × fan-in matrix (a copy).</summary>
    public Matrix<double> Weights(Vector<double> theta, int layer)
    {
        CheckPoint(theta);
        CheckLayer(layer);
        int m = _rowsW[layer], n = _sizes[layer];
        return Matrix<double>.Build.Dense(m, n, (i, j) => theta[_wOffset[layer] + i * n + j]);
    }

    /// <summary>Layer <paramref name="layer"/>'s bias bₗ (a copy).</summary>
    public Vector<double> Biases(Vector<double> theta, int layer)
    {
        CheckPoint(theta);
        CheckLayer(layer);
        return Vector<double>.Build.Dense(_rowsW[layer], i => theta[_bOffset[layer] + i]);
    }

    /// <summary>Initial parameters: every weight matrix drawn by <paramref name="initialization"/> from
    /// <c>new Random(seed)</c> in layer order, biases zero.</summary>
    public Vector<double> Initialize(Initialization initialization, int seed)
    {
        ArgumentNullException.ThrowIfNull(initialization);
        var random = new Random(seed);
        var theta = new double[Dimension];
        for (int l = 0; l < LayerCount; l++)
        {
            initialization.Fill(theta.AsSpan(_wOffset[l], _rowsW[l] * _sizes[l]), _rowsW[l], _sizes[l], random);
        }

        return new DenseVector(theta);
    }

    /// <summary>Network outputs o = f(x; θ) (logits for softmax and logistic) for each row of <paramref name="inputs"/>.</summary>
    public Matrix<double> Predict(Vector<double> theta, Matrix<double> inputs)
    {
        CheckPoint(theta);
        var (x, n) = CopyInputs(inputs, _sizes[0]);
        var ws = new Workspace(this, n);
        Forward(Values(theta), x, n, ws);
        int k = _sizes[^1];
        var z = ws.Z[LayerCount - 1];
        return Matrix<double>.Build.Dense(n, k, (r, j) => z[r * k + j]);
    }

    /// <summary>The 0-1 loss (error rate) (1/N) Σₙ 1[ŷₙ ≠ yₙ]: for several outputs ŷ = argmax o against argmax y;
    /// for one output the class is o &gt; t with t = 0 for logistic and hinge (logit / margin sign) and the midpoint
    /// of the targets' range for squared error. Not differentiable — for evaluation only.</summary>
    public double ZeroOneLoss(Vector<double> theta)
    {
        CheckPoint(theta);
        return CountErrors(Values(theta), default, true) / (double)_n;
    }

    /// <summary>The 0-1 loss over the given rows only.</summary>
    public double ZeroOneLoss(Vector<double> theta, ReadOnlySpan<int> rows)
    {
        CheckPoint(theta);
        RowSubsetObjective.CheckRows(rows, _n, nameof(rows));
        return CountErrors(Values(theta), rows, false) / (double)rows.Length;
    }

    /// <summary>θ with the units of a hidden layer permuted: new unit j is old unit permutation[j] (its incoming
    /// weights and bias, all its maxout pieces, and its outgoing weights move together). The network function,
    /// hence the loss, is unchanged; the gradient permutes the same way.</summary>
    /// <param name="theta">Parameters.</param>
    /// <param name="hiddenLayer">Index into <see cref="LayerSizes"/> of the hidden layer, 1 … L−1.</param>
    /// <param name="permutation">A permutation of 0 … d−1, d the layer's width.</param>
    public Vector<double> PermuteHiddenUnits(Vector<double> theta, int hiddenLayer, int[] permutation)
    {
        CheckPoint(theta);
        CheckHidden(hiddenLayer);
        ArgumentNullException.ThrowIfNull(permutation);
        int d = _sizes[hiddenLayer];
        if (permutation.Length != d || permutation.Distinct().Count() != d || permutation.Any(p => p < 0 || p >= d))
        {
            throw new ArgumentException($"permutation must be a permutation of 0 … {d - 1}.", nameof(permutation));
        }

        var src = Values(theta);
        var dst = (double[])src.Clone();
        int inLayer = hiddenLayer - 1, outLayer = hiddenLayer, fanIn = _sizes[inLayer], p = _pieces;
        for (int j = 0; j < d; j++)
        {
            int from = permutation[j];
            for (int q = 0; q < p; q++)
            {
                src.AsSpan(_wOffset[inLayer] + (from * p + q) * fanIn, fanIn).CopyTo(dst.AsSpan(_wOffset[inLayer] + (j * p + q) * fanIn, fanIn));
                dst[_bOffset[inLayer] + j * p + q] = src[_bOffset[inLayer] + from * p + q];
            }
            for (int o = 0; o < _rowsW[outLayer]; o++)
            {
                dst[_wOffset[outLayer] + o * d + j] = src[_wOffset[outLayer] + o * d + from];
            }
        }
        return new DenseVector(dst);
    }

    /// <summary>θ with a hidden layer's incoming weights and biases multiplied by α &gt; 0 and its outgoing weights
    /// by 1/α. For positively homogeneous units (ReLU, maxout, linear: φ(αz) = αφ(z)) the network function is
    /// unchanged, so the loss is too when λ = 0 (the L2 term is not invariant); the gradient transforms as
    /// g_in ↦ g_in/α, g_out ↦ α·g_out.</summary>
    public Vector<double> RescaleHiddenUnits(Vector<double> theta, int hiddenLayer, double alpha)
    {
        CheckPoint(theta);
        CheckHidden(hiddenLayer);
        if (!(alpha > 0) || !double.IsFinite(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be a finite number > 0.");
        }

        if (_activation is not (Activation.Relu or Activation.Maxout or Activation.Identity))
        {
            throw new InvalidOperationException(
                $"rescaling leaves the function unchanged only for positively homogeneous units (ReLU, maxout, linear), not {Naming.Of(_activation)}.");
        }

        var t = (double[])Values(theta).Clone();
        int inLayer = hiddenLayer - 1, outLayer = hiddenLayer;
        foreach (ref double w in t.AsSpan(_wOffset[inLayer], _rowsW[inLayer] * _sizes[inLayer]))
        {
            w *= alpha;
        }

        foreach (ref double b in t.AsSpan(_bOffset[inLayer], _rowsW[inLayer]))
        {
            b *= alpha;
        }

        foreach (ref double w in t.AsSpan(_wOffset[outLayer], _rowsW[outLayer] * _sizes[outLayer]))
        {
            w /= alpha;
        }

        return new DenseVector(t);
    }

    /// <summary>Most threads a large batch's pass (loss, gradient, Hessian-vector product: rows and output units, see
    /// <see cref="InParts"/>) and <see cref="Objective.Hessian"/>'s columns are spread over (default: every core,
    /// <see cref="Environment.ProcessorCount"/>; 1 = the calling thread only). Every number is computed by the same
    /// operations whichever thread runs it, so the results are bit-for-bit the same for every thread count.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public int Threads
    {
        get => _threads;
        set => _threads = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Threads must be at least 1.");
    }

    private int _threads = Environment.ProcessorCount;

    /// <summary>Below this many multiply-adds (examples × parameters per Hessian column batch) the Hessian stays on one
    /// thread: starting workers costs tens of microseconds, a column of a small network less.</summary>
    private const long ParallelHessianWork = 1L << 18;

    /// <summary>The exact Hessian, column by column from R-passes with unit directions eⱼ. One forward and one
    /// backward pass are shared by all columns; each R-pass starts at the layer of parameter j (everything below
    /// it has R{·} = 0) and, by symmetry, computes only the rows i ≥ j. Cost ≈ n/2 backward passes of the first layer.
    /// Columns are spread over <see cref="Threads"/> threads when the network is large enough, each with its own
    /// R-pass buffers (the forward/backward pass is shared read-only); column j writes only h[j, j…] and h[j…, j].</summary>
    protected override Matrix<double> HessianCore(Vector<double> theta)
    {
        var p = Values(theta);
        int b = _n, n = Dimension, last = LayerCount - 1;
        using var lease = _pool.Rent(b);
        var ws = lease.Workspace;
        var h = new double[n * n]; // column-major storage for MathNet
        ForwardBackward(p, _x, _y, b, ws, true, default);
        // Column j ↦ the unit direction on (layer, unit o, input i; i = −1 for a bias).
        var columns = new UnitDirection[n];
        int c = 0;
        for (int layer = 0; layer <= last; layer++)
        {
            int m = _rowsW[layer], fanIn = _sizes[layer];
            for (int o = 0; o < m; o++)
            {
                for (int i = 0; i < fanIn; i++)
                {
                    columns[c++] = new UnitDirection(layer, o, i, _wOffset[layer] + o * fanIn + i);
                }
            }

            for (int o = 0; o < m; o++)
            {
                columns[c++] = new UnitDirection(layer, o, -1, _bOffset[layer] + o);
            }
        }
        int threads = Math.Min(_threads, Environment.ProcessorCount);
        if (threads <= 1 || (long)b * n < ParallelHessianWork)
        {
            var col = new double[n];
            foreach (var column in columns)
            {
                HessianColumn(p, ws, b, column, col, h, n);
            }
        }
        else
        {
            // Dynamic scheduling (columns of the first layer cost the most); the result does not depend on it.
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = threads },
                () => (Scratch: new Workspace(ws, b), Col: new double[n]),
                (t, _, local) =>
                {
                    HessianColumn(p, local.Scratch, b, columns[t], local.Col, h, n);
                    return local;
                },
                _ => { });
        }

        return new DenseMatrix(n, n, h);
    }

    /// <summary>Rows j … n−1 of column j of the Hessian, for the unit direction <paramref name="column"/>, written
    /// symmetrically into h (n×n).</summary>
    private void HessianColumn(double[] p, Workspace ws, int b, UnitDirection column, double[] col, double[] h, int n)
    {
        int j = column.J;
        Array.Clear(col, j, n - j);
        RPass(p, _x, _y, b, ws, default, column, col);
        for (int r = j; r < n; r++)
        {
            h[j * n + r] = col[r];
            h[r * n + j] = col[r];
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"MLP {Sizes(_sizes)} {Naming.Of(_activation, _pieces)}, {Naming.Of(_loss)}, {Dimension} parameters, {_n} examples"
        + (_l2 > 0 ? $", L2 λ = {_l2:G3}" : "");

    // ---------------------------------------------------------------- engine

    private sealed class Workspace
    {
        public readonly int Capacity;
        public readonly double[] X, Y, P;

        /// <summary>Each row's loss (added in row order after the rows are split over threads).</summary>
        public readonly double[] RowLoss;

        /// <summary>A copy of an R-pass direction (workers cannot hold the caller's span).</summary>
        public readonly double[] Direction;

        private readonly List<double[]> _partSums = [];
        private readonly int _dimension;

        /// <summary>Part t's parameter-sized sum for a pass split over threads (allocated zeroed on first use; the part
        /// clears it before summing).</summary>
        public double[] PartSum(int t)
        {
            lock (_partSums)
            {
                while (_partSums.Count <= t)
                {
                    _partSums.Add(new double[_dimension]);
                }

                return _partSums[t];
            }
        }
        public readonly double[][] Z, A, D, DA, RZ, RA, RD, RDA;
        public readonly int[][] Arg;

        public Workspace(Mlp m, int capacity)
        {
            Capacity = capacity;
            int layers = m.LayerCount, k = m._sizes[^1];
            X = new double[capacity * m._sizes[0]];
            Y = new double[capacity * k];
            P = new double[capacity * k];
            RowLoss = new double[capacity];
            _dimension = m.Dimension;
            Direction = new double[m.Dimension];
            Z = new double[layers][]; D = new double[layers][]; RZ = new double[layers][]; RD = new double[layers][];
            A = new double[layers][]; DA = new double[layers][]; RA = new double[layers][]; RDA = new double[layers][];
            Arg = new int[layers][];
            for (int l = 0; l < layers; l++)
            {
                Z[l] = new double[capacity * m._rowsW[l]];
                D[l] = new double[capacity * m._rowsW[l]];
                RZ[l] = new double[capacity * m._rowsW[l]];
                RD[l] = new double[capacity * m._rowsW[l]];
                int width = l == 0 ? 0 : capacity * m._sizes[l];
                A[l] = new double[width]; DA[l] = new double[width]; RA[l] = new double[width]; RDA[l] = new double[width];
                Arg[l] = m._activation == Activation.Maxout ? new int[width] : [];
            }
        }

        /// <summary>A view of <paramref name="shared"/>'s forward/backward buffers (read-only use) with its own R-pass
        /// buffers (RZ, RA, RD, RDA) for the first <paramref name="rows"/> rows: one per Hessian worker thread.</summary>
        public Workspace(Workspace shared, int rows)
        {
            Capacity = shared.Capacity;
            X = shared.X; Y = shared.Y; P = shared.P; RowLoss = shared.RowLoss;
            Direction = []; // a Hessian column's R-pass runs on its worker alone
            Z = shared.Z; A = shared.A; D = shared.D; DA = shared.DA; Arg = shared.Arg;
            int layers = Z.Length;
            RZ = new double[layers][]; RD = new double[layers][]; RA = new double[layers][]; RDA = new double[layers][];
            for (int l = 0; l < layers; l++)
            {
                RZ[l] = new double[shared.RZ[l].Length];
                RD[l] = new double[shared.RD[l].Length];
                RA[l] = new double[shared.RA[l].Length];
                RDA[l] = new double[shared.RDA[l].Length];
            }
        }
    }

    /// <summary>The direction eⱼ of one Hessian column: the weight W[<see cref="O"/>, <see cref="I"/>] of
    /// <see cref="Layer"/>, or its bias b[O] when I = −1; <see cref="J"/> is the parameter's index in θ.</summary>
    private readonly record struct UnitDirection(int Layer, int O, int I, int J);

    /// <summary>The rows of the batch: every example when <paramref name="all"/>, otherwise <paramref name="rows"/>
    /// gathered into the workspace.</summary>
    private (double[] X, double[] Y) Batch(ReadOnlySpan<int> rows, bool all, Workspace ws)
    {
        if (all)
        {
            return (_x, _y);
        }

        int k = _sizes[^1], d0 = _sizes[0];
        for (int r = 0; r < rows.Length; r++)
        {
            _x.AsSpan(rows[r] * d0, d0).CopyTo(ws.X.AsSpan(r * d0, d0));
            _y.AsSpan(rows[r] * k, k).CopyTo(ws.Y.AsSpan(r * k, k));
        }
        return (ws.X, ws.Y);
    }

    /// <inheritdoc />
    protected override double Evaluate(double[] theta, ReadOnlySpan<int> rows, bool all, Span<double> gradient,
        ReadOnlySpan<double> direction, Span<double> hessianVector)
    {
        int b = all ? _n : rows.Length;
        using var lease = _pool.Rent(b);
        var ws = lease.Workspace;
        var (x, y) = Batch(rows, all, ws);
        double value = ForwardBackward(theta, x, y, b, ws, !gradient.IsEmpty || !direction.IsEmpty, gradient);
        if (!direction.IsEmpty)
        {
            RPass(theta, x, y, b, ws, direction, default, hessianVector);
        }

        return value;
    }

    /// <summary>Below this many multiply-adds (examples × parameters) a batch stays on one thread: starting a worker
    /// costs tens of microseconds, a minibatch's whole pass less.</summary>
    private const long ParallelBatchWork = 1L << 20;

    /// <summary>At most this many threads share one batch's pass: each keeps a parameter-sized sum, so the memory a
    /// pass adds stays within 8 × the parameters, and a pass over 2²⁰ multiply-adds has little to gain beyond.</summary>
    private const int MaxBatchThreads = 8;

    /// <summary>Threads for one pass over <paramref name="b"/> rows: <see cref="Threads"/> (at most the cores and
    /// <see cref="MaxBatchThreads"/>) when the batch is large enough, else 1.</summary>
    private int BatchThreads(int b) =>
        (long)b * Dimension >= ParallelBatchWork ? Math.Max(1, Math.Min(Math.Min(_threads, Environment.ProcessorCount), MaxBatchThreads)) : 1;

    /// <summary>
    /// Runs <paramref name="part"/>(t, parts) for t = 0 … parts − 1, on <paramref name="parts"/> threads when more than one.
    /// </summary>
    /// <remarks>
    /// Every pass is split in the two ways that leave each number's operations unchanged, so the results are bit-for-bit
    /// those of one thread for any thread count (tested): the forward pass, the loss and δ of each example, and the
    /// backward propagation of δ are computed row by row, so they are split by <b>rows</b>; the sums over examples (∇L's
    /// weight and bias entries, and the loss) are split by <b>output units</b>, each thread summing its entries over all
    /// rows in the one-thread order, and the per-row losses are added in row order afterwards.
    /// </remarks>
    private static void InParts(int parts, Action<int, int> part)
    {
        if (parts <= 1)
        {
            part(0, 1);
            return;
        }

        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, t => part(t, parts));
    }

    /// <summary>A part of a sum split over threads: adds part t's entries into <c>sum</c>.</summary>
    private delegate void SumPart(Span<double> sum, int t, int parts);

    /// <summary>Adds every part's entries into <paramref name="target"/> (zero on entry). On one thread the part sums into
    /// the target itself; on several, workers cannot hold the caller's span, so each sums into its own buffer (no cache
    /// line written by two threads) and the buffers are then added to the target: each entry is the same sum of the same
    /// terms in the same order, plus zeros.</summary>
    private static void SumInParts(int parts, Workspace ws, Span<double> target, SumPart part)
    {
        if (parts <= 1)
        {
            part(target, 0, 1);
            return;
        }

        InParts(parts, (t, count) =>
        {
            var sum = ws.PartSum(t);
            Array.Clear(sum);
            part(sum, t, count);
        });
        for (int t = 0; t < parts; t++)
        {
            Kernels.Add(ws.PartSum(t), target);
        }
    }

    /// <summary>[start, end) of part t of <paramref name="count"/> items split into <paramref name="parts"/> contiguous parts.</summary>
    private static (int Start, int End) Part(int count, int t, int parts) => ((int)((long)count * t / parts), (int)((long)count * (t + 1) / parts));

    /// <summary>The forward pass and the loss L over the b rows of (x, y); when <paramref name="backward"/>, also
    /// δ at the output and the backward pass, adding ∇L into <paramref name="grad"/> when it is not empty.</summary>
    private double ForwardBackward(double[] theta, double[] x, double[] y, int b, Workspace ws, bool backward, Span<double> grad)
    {
        int parts = BatchThreads(b), last = LayerCount - 1;
        double scale = 1.0 / b;
        InParts(parts, (t, count) =>
        {
            var (r0, r1) = Part(b, t, count);
            ForwardRows(theta, x, ws, r0, r1);
            LossRows(y, ws, r0, r1, backward, scale);
            if (backward)
            {
                DeltaRows(theta, ws, r0, r1);
            }
        });
        double total = 0;
        for (int r = 0; r < b; r++)
        {
            total += ws.RowLoss[r];
        }
        double penalty = 0;
        if (_l2 > 0)
        {
            for (int l = 0; l <= last; l++)
            {
                var w = theta.AsSpan(_wOffset[l], _rowsW[l] * _sizes[l]);
                penalty += Kernels.Dot(w, w);
            }
        }

        double value = total * scale + 0.5 * _l2 * penalty;
        if (backward && !grad.IsEmpty)
        {
            SumInParts(parts, ws, grad, (sum, t, count) => AccumulateGradient(theta, x, b, ws, sum, t, count));
        }

        return value;
    }

    private void Forward(double[] theta, double[] x, int b, Workspace ws) => ForwardRows(theta, x, ws, 0, b);

    /// <summary>The forward pass of rows [r0, r1): z and a of every layer.</summary>
    private void ForwardRows(double[] theta, double[] x, Workspace ws, int r0, int r1)
    {
        int last = LayerCount - 1, rows = r1 - r0;
        for (int l = 0; l <= last; l++)
        {
            int n = _sizes[l], m = _rowsW[l];
            ReadOnlySpan<double> input = l == 0 ? x.AsSpan(r0 * n, rows * n) : ws.A[l].AsSpan(r0 * n, rows * n);
            var z = ws.Z[l].AsSpan(r0 * m, rows * m);
            Kernels.MultiplyTransposed(input, rows, n, theta.AsSpan(_wOffset[l], m * n), m, theta.AsSpan(_bOffset[l], m), z, false);
            if (l < last)
            {
                int width = _sizes[l + 1];
                Activate(z, ws.A[l + 1].AsSpan(r0 * width, rows * width), _activation == Activation.Maxout ? ws.Arg[l + 1].AsSpan(r0 * width, rows * width) : default);
            }
        }
    }

    /// <summary>The loss of each row in [r0, r1) into <c>RowLoss</c>, and δ at the output when <paramref name="backward"/>.</summary>
    private void LossRows(double[] y, Workspace ws, int r0, int r1, bool backward, double scale)
    {
        int k = _sizes[^1];
        var o = ws.Z[LayerCount - 1];
        var d = ws.D[LayerCount - 1];
        for (int r = r0; r < r1; r++)
        {
            ws.RowLoss[r] = Elementwise.Loss(_loss, o.AsSpan(r * k, k), y.AsSpan(r * k, k), backward ? d.AsSpan(r * k, k) : default,
                ws.P.AsSpan(r * k, k), scale);
        }
    }

    private void Activate(ReadOnlySpan<double> z, Span<double> a, Span<int> arg)
    {
        if (_activation == Activation.Maxout)
        {
            int p = _pieces;
            for (int u = 0; u < a.Length; u++)
            {
                int best = 0;
                double max = z[u * p];
                for (int q = 1; q < p; q++)
                {
                    if (z[u * p + q] > max) { max = z[u * p + q]; best = q; }
                }

                a[u] = max;
                arg[u] = best;
            }
            return;
        }

        Elementwise.Apply(_activation, z, a);
    }

    /// <summary>The backward propagation of δ for rows [r0, r1): δ of every layer below the output.</summary>
    private void DeltaRows(double[] theta, Workspace ws, int r0, int r1)
    {
        int rows = r1 - r0;
        for (int l = LayerCount - 1; l >= 1; l--)
        {
            int n = _sizes[l], m = _rowsW[l], below = _rowsW[l - 1];
            var da = ws.DA[l].AsSpan(r0 * n, rows * n);
            Kernels.Multiply(ws.D[l].AsSpan(r0 * m, rows * m), rows, m, theta.AsSpan(_wOffset[l], m * n), n, da, false);
            BackThroughActivation(l, ws, r0 * n, da, ws.D[l - 1].AsSpan(r0 * below, rows * below));
        }
    }

    /// <summary>∇L's entries of part t of every layer's output units (weights, biases, the L2 term), each summed over all
    /// b rows in row order, added into <paramref name="grad"/>.</summary>
    private void AccumulateGradient(double[] theta, double[] x, int b, Workspace ws, Span<double> grad, int t, int parts)
    {
        for (int l = LayerCount - 1; l >= 0; l--)
        {
            int n = _sizes[l], m = _rowsW[l];
            var (o0, o1) = Part(m, t, parts);
            ReadOnlySpan<double> input = l == 0 ? x.AsSpan(0, b * n) : ws.A[l].AsSpan(0, b * n);
            var d = ws.D[l].AsSpan(0, b * m);
            var gw = grad.Slice(_wOffset[l], m * n);
            Kernels.AccumulateTransposedProduct(d, b, m, input, n, gw, o0, o1);
            Kernels.AccumulateColumnSums(d, b, m, grad.Slice(_bOffset[l], m), o0, o1);
            if (_l2 > 0)
            {
                Kernels.Axpy(_l2, theta.AsSpan(_wOffset[l] + o0 * n, (o1 - o0) * n), gw.Slice(o0 * n, (o1 - o0) * n));
            }
        }
    }

    /// <summary>δ wrt z of layer l−1 from δ wrt a of layer l: δz = φ'(z) ⊙ δa (maxout: routed to the active piece);
    /// <paramref name="offset"/> is the first entry's index in layer l's a.</summary>
    private void BackThroughActivation(int l, Workspace ws, int offset, ReadOnlySpan<double> da, Span<double> dz)
    {
        var z = ws.Z[l - 1].AsSpan(offset * (_activation == Activation.Maxout ? _pieces : 1));
        var a = ws.A[l].AsSpan(offset);
        if (_activation == Activation.Maxout)
        {
            dz.Clear();
            var arg = ws.Arg[l].AsSpan(offset);
            for (int u = 0; u < da.Length; u++)
            {
                dz[u * _pieces + arg[u]] = da[u];
            }

            return;
        }
        Elementwise.BackThrough(_activation, z, a, da, dz);
    }

    /// <summary>Pearlmutter's R-operator after a forward and backward pass: R-forward, R{δ} at the output, R-backward,
    /// adding ∇²L·d into <paramref name="hv"/>. The direction d is <paramref name="v"/>, or when v is empty the unit
    /// direction <paramref name="unit"/>: then everything below its layer has R{·} = 0, so the pass starts and ends
    /// there, and at that layer only the rows i ≥ j are computed (the Hessian's columns). A full direction on a large
    /// batch is split over threads as <see cref="InParts"/> describes; a unit direction (one Hessian column, whose
    /// columns are already spread over threads) runs on the calling thread.</summary>
    private void RPass(double[] theta, double[] x, double[] y, int b, Workspace ws, ReadOnlySpan<double> v, UnitDirection unit,
        Span<double> hv)
    {
        bool full = !v.IsEmpty;
        int parts = full ? BatchThreads(b) : 1;
        if (parts <= 1)
        {
            RRows(theta, x, y, b, ws, v, unit, 0, b);
            RAccumulate(theta, x, b, ws, v, unit, hv, 0, 1);
            return;
        }

        var direction = ws.Direction;
        v.CopyTo(direction);
        InParts(parts, (t, count) =>
        {
            var (r0, r1) = Part(b, t, count);
            RRows(theta, x, y, b, ws, direction, unit, r0, r1);
        });
        SumInParts(parts, ws, hv, (sum, t, count) => RAccumulate(theta, x, b, ws, direction, unit, sum, t, count));
    }

    /// <summary>The row-by-row part of the R-pass for rows [r0, r1): R-forward, R{δ} at the output, and R-backward's
    /// propagation of R{δ} down to the first layer of the direction.</summary>
    private void RRows(double[] theta, double[] x, double[] y, int b, Workspace ws, ReadOnlySpan<double> v, UnitDirection unit,
        int r0, int r1)
    {
        bool full = !v.IsEmpty;
        int first = full ? 0 : unit.Layer, last = LayerCount - 1, k = _sizes[^1], rows = r1 - r0;
        // R-forward: R{z_l} = W_l R{a_l} + V_l a_l + c_l, R{a_{l+1}} = φ'(z_l) R{z_l}.
        for (int l = first; l <= last; l++)
        {
            int n = _sizes[l], m = _rowsW[l];
            ReadOnlySpan<double> input = l == 0 ? x.AsSpan(r0 * n, rows * n) : ws.A[l].AsSpan(r0 * n, rows * n);
            var rz = ws.RZ[l].AsSpan(r0 * m, rows * m);
            if (!full && l == first)
            {
                // V a + c for the unit direction: one column of R{z}.
                rz.Clear();
                for (int r = 0; r < rows; r++)
                {
                    rz[r * m + unit.O] = unit.I < 0 ? 1.0 : input[r * n + unit.I];
                }
            }
            else
            {
                if (full)
                {
                    Kernels.MultiplyTransposed(input, rows, n, v.Slice(_wOffset[l], m * n), m, v.Slice(_bOffset[l], m), rz, false);
                }

                if (l > first)
                {
                    Kernels.MultiplyTransposed(ws.RA[l].AsSpan(r0 * n, rows * n), rows, n, theta.AsSpan(_wOffset[l], m * n), m, default, rz, full);
                }
            }

            if (l < last)
            {
                int width = _sizes[l + 1];
                var ra = ws.RA[l + 1].AsSpan(r0 * width, rows * width);
                if (_activation == Activation.Maxout)
                {
                    var arg = ws.Arg[l + 1].AsSpan(r0 * width, rows * width);
                    for (int u = 0; u < ra.Length; u++)
                    {
                        ra[u] = rz[u * _pieces + arg[u]];
                    }
                }
                else
                {
                    var z = ws.Z[l].AsSpan(r0 * m, rows * m);
                    var a = ws.A[l + 1].AsSpan(r0 * width, rows * width);
                    var act = _activation;
                    for (int i = 0; i < ra.Length; i++)
                    {
                        ra[i] = Elementwise.First(act, z[i], a[i]) * rz[i];
                    }
                }
            }
        }
        // R{δ_L} = ℓ''(o) R{o} / B.
        double scale = 1.0 / b;
        var o = ws.Z[last];
        for (int r = r0; r < r1; r++)
        {
            Elementwise.LossCurvature(_loss, o.AsSpan(r * k, k), y.AsSpan(r * k, k), ws.P.AsSpan(r * k, k),
                ws.RZ[last].AsSpan(r * k, k), ws.RD[last].AsSpan(r * k, k), scale);
        }
        // R-backward's propagation: R{δa} = W^T R{δ} + V^T δ; R{δz} = φ'(z) R{δa} + φ''(z) R{z} δa.
        for (int l = last; l > first; l--)
        {
            int n = _sizes[l], m = _rowsW[l], below = _rowsW[l - 1];
            var rd = ws.RD[l].AsSpan(r0 * m, rows * m);
            var rda = ws.RDA[l].AsSpan(r0 * n, rows * n);
            Kernels.Multiply(rd, rows, m, theta.AsSpan(_wOffset[l], m * n), n, rda, false);
            if (full)
            {
                Kernels.Multiply(ws.D[l].AsSpan(r0 * m, rows * m), rows, m, v.Slice(_wOffset[l], m * n), n, rda, true);
            }

            var rdz = ws.RD[l - 1].AsSpan(r0 * below, rows * below);
            if (_activation == Activation.Maxout)
            {
                rdz.Clear();
                var arg = ws.Arg[l].AsSpan(r0 * n, rows * n);
                for (int u = 0; u < rda.Length; u++)
                {
                    rdz[u * _pieces + arg[u]] = rda[u];
                }
            }
            else
            {
                var z = ws.Z[l - 1].AsSpan(r0 * below, rows * below);
                var a = ws.A[l].AsSpan(r0 * n, rows * n);
                var da = ws.DA[l].AsSpan(r0 * n, rows * n);
                var rz = ws.RZ[l - 1].AsSpan(r0 * below, rows * below);
                var act = _activation;
                for (int i = 0; i < rda.Length; i++)
                {
                    rdz[i] = Elementwise.First(act, z[i], a[i]) * rda[i] + Elementwise.Second(act, z[i], a[i]) * rz[i] * da[i];
                }
            }
        }
    }

    /// <summary>The sums over rows of the R-pass for part t of every layer's output units: ∇²L·d's weight and bias
    /// entries (and the L2 term), added into <paramref name="hv"/>.</summary>
    private void RAccumulate(double[] theta, double[] x, int b, Workspace ws, ReadOnlySpan<double> v, UnitDirection unit,
        Span<double> hv, int t, int parts)
    {
        bool full = !v.IsEmpty;
        int first = full ? 0 : unit.Layer, last = LayerCount - 1;
        for (int l = last; l >= first; l--)
        {
            int n = _sizes[l], m = _rowsW[l];
            var (o0, o1) = Part(m, t, parts);
            var rd = ws.RD[l].AsSpan(0, b * m);
            ReadOnlySpan<double> input = l == 0 ? x.AsSpan(0, b * n) : ws.A[l].AsSpan(0, b * n);
            var hw = hv.Slice(_wOffset[l], m * n);
            if (!full && l == first)
            {
                // The direction's own layer: R{a} below is zero and only rows ≥ j are needed.
                if (unit.I >= 0)
                {
                    Kernels.AccumulateTransposedProduct(rd, b, m, input, n, hw, unit.O, m);
                    if (_l2 > 0)
                    {
                        hv[unit.J] += _l2;
                    }
                }

                Kernels.AccumulateColumnSums(rd, b, m, hv.Slice(_bOffset[l], m), 0, m);
                break;
            }

            Kernels.AccumulateTransposedProduct(rd, b, m, input, n, hw, o0, o1);
            if (l > first)
            {
                Kernels.AccumulateTransposedProduct(ws.D[l].AsSpan(0, b * m), b, m, ws.RA[l].AsSpan(0, b * n), n, hw, o0, o1);
            }

            if (full && _l2 > 0)
            {
                Kernels.Axpy(_l2, v.Slice(_wOffset[l] + o0 * n, (o1 - o0) * n), hw.Slice(o0 * n, (o1 - o0) * n));
            }

            Kernels.AccumulateColumnSums(rd, b, m, hv.Slice(_bOffset[l], m), o0, o1);
        }
    }

    private int CountErrors(double[] theta, ReadOnlySpan<int> rows, bool all)
    {
        int b = all ? _n : rows.Length, k = _sizes[^1];
        using var lease = _pool.Rent(b);
        var ws = lease.Workspace;
        var (x, y) = Batch(rows, all, ws);
        Forward(theta, x, b, ws);
        var o = ws.Z[LayerCount - 1];
        int errors = 0;
        for (int r = 0; r < b; r++)
        {
            if (k == 1)
            {
                if (o[r] > _threshold != y[r] > _targetThreshold)
                {
                    errors++;
                }
            }
            else if (ArgMax(o.AsSpan(r * k, k)) != ArgMax(y.AsSpan(r * k, k)))
            {
                errors++;
            }
        }
        return errors;
    }

    private static int ArgMax(ReadOnlySpan<double> s)
    {
        int best = 0;
        for (int i = 1; i < s.Length; i++)
        {
            if (s[i] > s[best])
            {
                best = i;
            }
        }

        return best;
    }

    // ---------------------------------------------------------------- validation and layout

    internal static double[] Values(Vector<double> v) => v is DenseVector dense ? dense.Values : v.ToArray();

    private static string Sizes(int[]? sizes) => sizes is null ? "?" : string.Join("-", sizes);

    private static int CountParameters(int[] layerSizes, Activation activation, int maxoutPieces)
    {
        var (_, _, _, bOffset) = Layout(layerSizes, activation, maxoutPieces);
        int last = layerSizes.Length - 2;
        return bOffset[last] + layerSizes[^1];
    }

    private static (int[] Sizes, int[] RowsW, int[] WOffset, int[] BOffset) Layout(int[] layerSizes, Activation activation, int maxoutPieces)
    {
        ArgumentNullException.ThrowIfNull(layerSizes);
        if (layerSizes.Length < 2)
        {
            throw new ArgumentException("layerSizes needs at least an input and an output width, e.g. [64, 32, 10].", nameof(layerSizes));
        }

        for (int i = 0; i < layerSizes.Length; i++)
        {
            if (layerSizes[i] < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(layerSizes), layerSizes[i], $"layerSizes[{i}] must be at least 1.");
            }
        }

        if (!Enum.IsDefined(activation))
        {
            throw new ArgumentOutOfRangeException(nameof(activation), activation, "unknown activation.");
        }

        if (activation == Activation.Maxout && maxoutPieces < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(maxoutPieces), maxoutPieces, "a maxout unit needs at least 2 pieces.");
        }

        int layers = layerSizes.Length - 1;
        var rowsW = new int[layers];
        var wOffset = new int[layers];
        var bOffset = new int[layers];
        long offset = 0;
        for (int l = 0; l < layers; l++)
        {
            bool hidden = l < layers - 1;
            rowsW[l] = layerSizes[l + 1] * (hidden && activation == Activation.Maxout ? maxoutPieces : 1);
            wOffset[l] = (int)offset;
            offset += (long)rowsW[l] * layerSizes[l];
            bOffset[l] = (int)offset;
            offset += rowsW[l];
            if (offset > int.MaxValue / 2)
            {
                throw new ArgumentException("the network has too many parameters for one vector.", nameof(layerSizes));
            }
        }
        return ((int[])layerSizes.Clone(), rowsW, wOffset, bOffset);
    }

    private static LossFunction CheckLoss(LossFunction loss, int outputs)
    {
        if (!Enum.IsDefined(loss))
        {
            throw new ArgumentOutOfRangeException(nameof(loss), loss, "unknown loss.");
        }

        if (loss is LossFunction.Logistic or LossFunction.Hinge && outputs != 1)
        {
            throw new ArgumentException($"the {Naming.Of(loss)} loss is binary and needs exactly one output, not {outputs}.", nameof(loss));
        }

        if (loss == LossFunction.SoftmaxCrossEntropy && outputs < 2)
        {
            throw new ArgumentException("softmax cross-entropy needs at least two outputs.", nameof(loss));
        }

        return loss;
    }

    private static double CheckL2(double l2)
    {
        if (!(l2 >= 0) || !double.IsFinite(l2))
        {
            throw new ArgumentOutOfRangeException(nameof(l2), l2, "l2 must be a finite number ≥ 0.");
        }

        return l2;
    }

    internal static (double[] X, int N) CopyInputs(Matrix<double> inputs, int width, string paramName = "inputs")
    {
        ArgumentNullException.ThrowIfNull(inputs, paramName);
        if (inputs.ColumnCount != width)
        {
            throw new ArgumentException($"inputs has {inputs.ColumnCount} columns, but the input layer has width {width}.", paramName);
        }

        if (inputs.RowCount < 1)
        {
            throw new ArgumentException("inputs must have at least one row.", paramName);
        }

        int n = inputs.RowCount;
        var x = new double[n * width];
        for (int r = 0; r < n; r++)
        {
            for (int j = 0; j < width; j++)
            {
                double value = inputs[r, j];
                if (!double.IsFinite(value))
                {
                    throw new ArgumentException($"inputs[{r}, {j}] is {value}; inputs must be finite.", paramName);
                }

                x[r * width + j] = value;
            }
        }

        return (x, n);
    }

    private static Matrix<double> LabelTargets(int[] layerSizes, LossFunction loss, int[] labels, Matrix<double> inputs)
    {
        ArgumentNullException.ThrowIfNull(layerSizes);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(inputs);
        if (layerSizes.Length < 2)
        {
            throw new ArgumentException("layerSizes needs at least two entries.", nameof(layerSizes));
        }

        if (labels.Length != inputs.RowCount)
        {
            throw new ArgumentException($"labels has {labels.Length} entries, but inputs has {inputs.RowCount} rows.", nameof(labels));
        }

        int k = layerSizes[^1];
        bool oneHot = k > 1 && loss is LossFunction.SoftmaxCrossEntropy or LossFunction.SquaredError;
        var t = Matrix<double>.Build.Dense(labels.Length, k);
        for (int r = 0; r < labels.Length; r++)
        {
            int label = labels[r];
            if (oneHot)
            {
                if (label < 0 || label >= k)
                {
                    throw new ArgumentOutOfRangeException(nameof(labels), label, $"labels[{r}] = {label} is not a class index in [0, {k - 1}].");
                }

                t[r, label] = 1.0;
            }
            else
            {
                if (loss == LossFunction.Logistic && label is not (0 or 1))
                {
                    throw new ArgumentOutOfRangeException(nameof(labels), label, $"logistic labels must be 0 or 1; labels[{r}] = {label}.");
                }

                if (loss == LossFunction.Hinge && label is not (-1 or 1))
                {
                    throw new ArgumentOutOfRangeException(nameof(labels), label, $"hinge labels must be −1 or +1; labels[{r}] = {label}.");
                }

                t[r, 0] = label;
            }
        }
        return t;
    }

    private int CheckLayer(int layer)
    {
        if (layer < 0 || layer >= LayerCount)
        {
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"layer must be in [0, {LayerCount - 1}].");
        }

        return layer;
    }

    private void CheckHidden(int hiddenLayer)
    {
        if (hiddenLayer < 1 || hiddenLayer > LayerCount - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(hiddenLayer), hiddenLayer,
                LayerCount == 1 ? "this network has no hidden layer." : $"hiddenLayer must be in [1, {LayerCount - 1}] (an index into LayerSizes).");
        }
    }
}
