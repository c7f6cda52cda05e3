using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace Descent.Models;

/// <summary>
/// A vanilla (Elman) recurrent network over one flat θ, trained by backpropagation through time:
/// h₀ = 0, hₜ = φ(W hₜ₋₁ + U xₜ + b) for t = 1 … T, outputs o = V h + c (from h_T or at every step),
/// loss the mean of ℓ(o, y) (squared error or softmax cross-entropy).
/// </summary>
/// <remarks>
/// <para>φ is tanh (the vanilla RNN), identity (a linear RNN), ReLU, sigmoid or softplus.
/// θ layout: W (H×H, row-major), U (H×D), b (H), V (K×H), c (K); see the offset properties.</para>
/// <para>Gradient by BPTT: δzₜ = φ'(zₜ) ⊙ δhₜ, δhₜ₋₁ = Wᵀ δzₜ (+ output terms), ∇W = Σₜ δzₜ hₜ₋₁ᵀ, ∇U = Σₜ δzₜ xₜᵀ.
/// Hessian-vector products are exact, by the R-operator through the unrolled graph (forward-over-reverse):
/// R{zₜ} = W R{hₜ₋₁} + V_W hₜ₋₁ + V_U xₜ + v_b, R{hₜ} = φ'(zₜ) R{zₜ}, and backward
/// R{δzₜ} = φ'(zₜ) ⊙ R{δhₜ} + φ''(zₜ) ⊙ R{zₜ} ⊙ δhₜ, R{δhₜ₋₁} = Wᵀ R{δzₜ} + V_Wᵀ δzₜ.</para>
/// <para><see cref="HiddenJacobianNorms"/> returns ‖∂h_T/∂hₜ‖ for every t by accumulating the Jacobian product
/// J_t = J_{t+1} diag(φ'(z_{t+1})) W exactly (chapter 05: vanishing and exploding gradients).</para>
/// </remarks>
public sealed class Rnn : RowObjective
{
    private readonly int _d, _h, _k, _t, _n;
    private readonly Activation _activation;
    private readonly LossFunction _loss;
    private readonly RnnOutput _output;
    private readonly double[] _x; // time-major: ((t·N + s)·D + d), t = 0 … T−1 for x₁ … x_T
    private readonly double[] _y; // final: N×K; every step: ((t·N + s)·K + j)
    private readonly int _wOff, _uOff, _bOff, _vOff, _cOff;
    private readonly WorkspacePool<Workspace> _pool;

    /// <summary>An RNN with its loss on the final step only.</summary>
    /// <param name="hiddenSize">H ≥ 1.</param>
    /// <param name="activation">φ: tanh, identity (linear RNN), ReLU, sigmoid or softplus.</param>
    /// <param name="loss">Squared error or softmax cross-entropy.</param>
    /// <param name="inputs">N sequences, each a T × D matrix (row t = xₜ₊₁), all of the same shape.</param>
    /// <param name="targets">N × K targets for o = V h_T + c (one-hot rows for softmax).</param>
    public Rnn(int hiddenSize, Activation activation, LossFunction loss, IReadOnlyList<Matrix<double>> inputs, Matrix<double> targets)
        : this(hiddenSize, activation, loss, RnnOutput.FinalStep, inputs, FinalTargets(targets, inputs))
    {
    }

    /// <summary>An RNN classifying each sequence from its final state: labels in 0 … classes−1, softmax cross-entropy.</summary>
    public Rnn(int hiddenSize, Activation activation, IReadOnlyList<Matrix<double>> inputs, int[] labels, int classes)
        : this(hiddenSize, activation, LossFunction.SoftmaxCrossEntropy, RnnOutput.FinalStep, inputs, OneHot(labels, classes, inputs))
    {
    }

    /// <summary>An RNN with an output and a loss at every step: stepTargets[n] is T × K (row t is the target for o_{t+1}).</summary>
    public Rnn(int hiddenSize, Activation activation, LossFunction loss, IReadOnlyList<Matrix<double>> inputs, IReadOnlyList<Matrix<double>> stepTargets)
        : this(hiddenSize, activation, loss, RnnOutput.EveryStep, inputs, StepTargets(stepTargets, inputs))
    {
    }

    private Rnn(int hiddenSize, Activation activation, LossFunction loss, RnnOutput output, IReadOnlyList<Matrix<double>> inputs, (double[] Y, int K) targets)
        : base(Count(hiddenSize, inputs, targets.K), $"RNN {Naming.Of(activation)} H = {hiddenSize}")
    {
        if (activation is Activation.Maxout || !Enum.IsDefined(activation))
        {
            throw new ArgumentOutOfRangeException(nameof(activation), activation, "an RNN supports tanh, identity, ReLU, sigmoid or softplus units.");
        }

        if (loss is not (LossFunction.SquaredError or LossFunction.SoftmaxCrossEntropy))
        {
            throw new ArgumentOutOfRangeException(nameof(loss), loss, "an RNN supports squared error or softmax cross-entropy.");
        }

        if (loss == LossFunction.SoftmaxCrossEntropy && targets.K < 2)
        {
            throw new ArgumentException("softmax cross-entropy needs at least two outputs.", nameof(loss));
        }

        _activation = activation;
        _pool = new(rows => new Workspace(rows, _t, _d, _h, _k), ws => ws.Capacity);
        _loss = loss;
        _output = output;
        _h = hiddenSize;
        _n = inputs.Count;
        _t = inputs[0].RowCount;
        _d = inputs[0].ColumnCount;
        _k = targets.K;
        _y = targets.Y;
        _x = new double[_t * _n * _d];
        for (int s = 0; s < _n; s++)
        {
            var m = inputs[s] ?? throw new ArgumentException($"inputs[{s}] is null.", nameof(inputs));
            if (m.RowCount != _t || m.ColumnCount != _d)
            {
                throw new ArgumentException($"inputs[{s}] is {m.RowCount}×{m.ColumnCount}, but every sequence must be {_t}×{_d} (T × D).", nameof(inputs));
            }

            for (int t = 0; t < _t; t++)
            {
                for (int j = 0; j < _d; j++)
                {
                    double value = m[t, j];
                    if (!double.IsFinite(value))
                    {
                        throw new ArgumentException($"inputs[{s}][{t}, {j}] is {value}; inputs must be finite.", nameof(inputs));
                    }

                    _x[(t * _n + s) * _d + j] = value;
                }
            }
        }
        _wOff = 0;
        _uOff = _h * _h;
        _bOff = _uOff + _h * _d;
        _vOff = _bOff + _h;
        _cOff = _vOff + _k * _h;
    }

    /// <summary>Input size D.</summary>
    public int InputSize => _d;

    /// <summary>Hidden size H.</summary>
    public int HiddenSize => _h;

    /// <summary>Output size K.</summary>
    public int OutputSize => _k;

    /// <summary>Sequence length T.</summary>
    public int SequenceLength => _t;

    /// <summary>Hidden nonlinearity φ.</summary>
    public Activation Activation => _activation;

    /// <summary>Where the loss is taken.</summary>
    public RnnOutput Output => _output;

    /// <summary>Per-output loss.</summary>
    public LossFunction Loss => _loss;

    /// <inheritdoc />
    public override int ExampleCount => _n;

    /// <summary>Offset of the recurrent matrix W (H×H, row-major) in θ.</summary>
    public int RecurrentOffset => _wOff;

    /// <summary>Offset of the input matrix U (H×D).</summary>
    public int InputOffset => _uOff;

    /// <summary>Offset of the hidden bias b (H).</summary>
    public int HiddenBiasOffset => _bOff;

    /// <summary>Offset of the output matrix V (K×H).</summary>
    public int OutputOffset => _vOff;

    /// <summary>Offset of the output bias c (K).</summary>
    public int OutputBiasOffset => _cOff;

    /// <summary>The recurrent matrix W (a copy).</summary>
    public Matrix<double> RecurrentMatrix(Vector<double> theta)
    {
        CheckPoint(theta);
        return Matrix<double>.Build.Dense(_h, _h, (i, j) => theta[_wOff + i * _h + j]);
    }

    /// <summary>θ with the recurrent matrix replaced by <paramref name="recurrent"/> (H×H).</summary>
    public Vector<double> WithRecurrentMatrix(Vector<double> theta, Matrix<double> recurrent)
    {
        CheckPoint(theta);
        ArgumentNullException.ThrowIfNull(recurrent);
        if (recurrent.RowCount != _h || recurrent.ColumnCount != _h)
        {
            throw new ArgumentException($"recurrent must be {_h}×{_h}.", nameof(recurrent));
        }

        var t = theta.Clone();
        for (int i = 0; i < _h; i++)
        {
            for (int j = 0; j < _h; j++)
            {
                t[_wOff + i * _h + j] = recurrent[i, j];
            }
        }

        CheckPoint(t, nameof(recurrent));
        return t;
    }

    /// <summary>Initial θ: W, U and V drawn by <paramref name="initialization"/> from <c>new Random(seed)</c>
    /// (in that order), biases zero. When <paramref name="spectralRadius"/> is given, W is rescaled so that its
    /// spectral radius max|λᵢ(W)| equals it (chapter 05).</summary>
    public Vector<double> Initialize(Initialization initialization, int seed, double? spectralRadius = null)
    {
        ArgumentNullException.ThrowIfNull(initialization);
        var random = new Random(seed);
        var theta = new double[Dimension];
        initialization.Fill(theta.AsSpan(_wOff, _h * _h), _h, _h, random);
        initialization.Fill(theta.AsSpan(_uOff, _h * _d), _h, _d, random);
        initialization.Fill(theta.AsSpan(_vOff, _k * _h), _k, _h, random);
        if (spectralRadius is { } rho)
        {
            if (!(rho >= 0) || !double.IsFinite(rho))
            {
                throw new ArgumentOutOfRangeException(nameof(spectralRadius), rho, "spectralRadius must be a finite number ≥ 0.");
            }

            var w = Matrix<double>.Build.Dense(_h, _h, (i, j) => theta[_wOff + i * _h + j]);
            double current = w.Evd().EigenValues.Select(z => z.Magnitude).Max();
            if (current == 0 && rho > 0)
            {
                throw new ArgumentException("the drawn W has spectral radius 0 and cannot be rescaled (use a nonzero initialization).", nameof(initialization));
            }

            double f = current == 0 ? 0 : rho / current;
            for (int i = 0; i < _h * _h; i++)
            {
                theta[_wOff + i] *= f;
            }
        }
        return new DenseVector(theta);
    }

    /// <summary>Hidden states h₀ … h_T of one example, as a (T+1) × H matrix (row t = hₜ).</summary>
    public Matrix<double> HiddenStates(Vector<double> theta, int example)
    {
        CheckPoint(theta);
        CheckExample(example);
        using var lease = _pool.Rent(1);
        var ws = lease.Workspace;
        Forward(Mlp.Values(theta), [example], false, 1, ws);
        return Matrix<double>.Build.Dense(_t + 1, _h, (t, i) => ws.Hs[t * _h + i]);
    }

    /// <summary>‖∂h_T/∂hₜ‖ for t = 0 … T for one example: entry t is the norm of
    /// J_t = ∂h_T/∂hₜ = diag(φ'(z_T)) W · diag(φ'(z_{T−1})) W ⋯ diag(φ'(z_{t+1})) W, accumulated exactly
    /// (J_T = I). For a linear RNN with diagonal W the spectral norm is maxᵢ|Wᵢᵢ|^{T−t}; for tanh it is at most
    /// ‖W‖₂^{T−t} since |φ'| ≤ 1.</summary>
    public double[] HiddenJacobianNorms(Vector<double> theta, int example, JacobianNorm norm = JacobianNorm.Spectral)
    {
        CheckPoint(theta);
        CheckExample(example);
        if (!Enum.IsDefined(norm))
        {
            throw new ArgumentOutOfRangeException(nameof(norm), norm, "unknown norm.");
        }

        var p = Mlp.Values(theta);
        using var lease = _pool.Rent(1);
        var ws = lease.Workspace;
        Forward(p, [example], false, 1, ws);
        var w = Matrix<double>.Build.Dense(_h, _h, (i, j) => p[_wOff + i * _h + j]);
        var jac = Matrix<double>.Build.DenseIdentity(_h);
        var result = new double[_t + 1];
        result[_t] = Norm(jac, norm);
        var scaled = Matrix<double>.Build.Dense(_h, _h);
        var next = Matrix<double>.Build.Dense(_h, _h);
        for (int t = _t; t >= 1; t--)
        {
            // J_{t−1} = J_t · diag(φ'(z_t)) · W.
            for (int i = 0; i < _h; i++)
            {
                double d = Elementwise.First(_activation, ws.Zs[(t - 1) * _h + i], ws.Hs[t * _h + i]);
                for (int j = 0; j < _h; j++)
                {
                    scaled[i, j] = d * w[i, j];
                }
            }
            jac.Multiply(scaled, next);
            (jac, next) = (next, jac);
            result[t - 1] = Norm(jac, norm);
        }
        return result;
    }

    private static double Norm(Matrix<double> m, JacobianNorm norm) => norm == JacobianNorm.Spectral ? m.L2Norm() : m.FrobeniusNorm();

    /// <inheritdoc />
    public override string ToString() =>
        $"RNN {Naming.Of(_activation)} D = {_d}, H = {_h}, K = {_k}, T = {_t}, {Naming.Of(_loss)} at {(_output == RnnOutput.FinalStep ? "the final step" : "every step")}, {Dimension} parameters, {_n} sequences";

    // ---------------------------------------------------------------- engine

    private sealed class Workspace(int capacity, int t, int d, int h, int k)
    {
        public readonly int Capacity = capacity;
        public readonly double[] X = new double[t * capacity * d];
        public readonly double[] Hs = new double[(t + 1) * capacity * h];   // h_0 … h_T, each B×H
        public readonly double[] Zs = new double[t * capacity * h];         // z_1 … z_T
        public readonly double[] O = new double[t * capacity * k];          // outputs (final: first block)
        public readonly double[] P = new double[t * capacity * k];
        public readonly double[] DO = new double[t * capacity * k];
        public readonly double[] DH = new double[(t + 1) * capacity * h];   // δh_t (total, incl. output terms)
        public readonly double[] DZ = new double[t * capacity * h];
        public double[]? RHs, RZs, RO, RDO, RDH, RDZ;

        public void EnsureR(int t, int h, int k)
        {
            RHs ??= new double[(t + 1) * Capacity * h];
            RZs ??= new double[t * Capacity * h];
            RO ??= new double[t * Capacity * k];
            RDO ??= new double[t * Capacity * k];
            RDH ??= new double[(t + 1) * Capacity * h];
            RDZ ??= new double[t * Capacity * h];
        }
    }

    private int Steps => _output == RnnOutput.FinalStep ? 1 : _t;

    /// <summary>Output step index s (0-based block) → time t of its hidden state.</summary>
    private int TimeOf(int block) => _output == RnnOutput.FinalStep ? _t : block + 1;

    private void Forward(double[] p, ReadOnlySpan<int> rows, bool all, int b, Workspace ws)
    {
        int h = _h, d = _d;
        // Gather x_t for the batch (time-major, B rows per step).
        double[] x = _x;
        if (!all)
        {
            for (int t = 0; t < _t; t++)
            {
                for (int r = 0; r < b; r++)
                {
                    _x.AsSpan((t * _n + rows[r]) * d, d).CopyTo(ws.X.AsSpan((t * b + r) * d, d));
                }
            }

            x = ws.X;
        }
        var w = p.AsSpan(_wOff, h * h);
        var u = p.AsSpan(_uOff, h * d);
        var bias = p.AsSpan(_bOff, h);
        ws.Hs.AsSpan(0, b * h).Clear();
        for (int t = 1; t <= _t; t++)
        {
            var z = ws.Zs.AsSpan((t - 1) * b * h, b * h);
            Kernels.MultiplyTransposed(x.AsSpan((t - 1) * b * d, b * d), b, d, u, h, bias, z, false);
            if (t > 1)
            {
                Kernels.MultiplyTransposed(ws.Hs.AsSpan((t - 1) * b * h, b * h), b, h, w, h, default, z, true);
            }

            Elementwise.Apply(_activation, z, ws.Hs.AsSpan(t * b * h, b * h));
        }
    }

    private double[] BatchX(bool all, Workspace ws) => all ? _x : ws.X;

    /// <inheritdoc />
    protected override double Evaluate(double[] p, ReadOnlySpan<int> rows, bool all, Span<double> grad, ReadOnlySpan<double> v, Span<double> hv)
    {
        int b = all ? _n : rows.Length;
        using var lease = _pool.Rent(b);
        var ws = lease.Workspace;
        Forward(p, rows, all, b, ws);
        int h = _h, k = _k, steps = Steps;
        var vm = p.AsSpan(_vOff, k * h);
        var c = p.AsSpan(_cOff, k);
        bool backward = !grad.IsEmpty || !v.IsEmpty;
        double scale = 1.0 / (b * (double)steps), total = 0;
        for (int s = 0; s < steps; s++)
        {
            int t = TimeOf(s);
            var o = ws.O.AsSpan(s * b * k, b * k);
            Kernels.MultiplyTransposed(ws.Hs.AsSpan(t * b * h, b * h), b, h, vm, k, c, o, false);
            for (int r = 0; r < b; r++)
            {
                int example = all ? r : rows[r];
                var y = _output == RnnOutput.FinalStep ? _y.AsSpan(example * k, k) : _y.AsSpan(((t - 1) * _n + example) * k, k);
                total += Elementwise.Loss(_loss, o.Slice(r * k, k), y,
                    backward ? ws.DO.AsSpan((s * b + r) * k, k) : default, ws.P.AsSpan((s * b + r) * k, k), scale);
            }
        }
        double value = total * scale;
        if (!backward)
        {
            return value;
        }

        Backward(p, b, all, ws, grad);
        if (!v.IsEmpty)
        {
            RPass(p, rows, all, b, ws, v, hv);
        }

        return value;
    }

    private void Backward(double[] p, int b, bool all, Workspace ws, Span<double> grad)
    {
        int h = _h, d = _d, k = _k;
        var w = p.AsSpan(_wOff, h * h);
        var vm = p.AsSpan(_vOff, k * h);
        var x = BatchX(all, ws);
        bool g = !grad.IsEmpty;
        // Output layer: δh_t = Vᵀ δo_t; ∇V += δoᵀ h_t; ∇c += Σ δo.
        ws.DH.AsSpan(0, (_t + 1) * b * h).Clear();
        for (int s = 0; s < Steps; s++)
        {
            int t = TimeOf(s);
            var dout = ws.DO.AsSpan(s * b * k, b * k);
            var ht = ws.Hs.AsSpan(t * b * h, b * h);
            if (g)
            {
                Kernels.AccumulateTransposedProduct(dout, b, k, ht, h, grad.Slice(_vOff, k * h));
                Kernels.AccumulateColumnSums(dout, b, k, grad.Slice(_cOff, k));
            }
            Kernels.Multiply(dout, b, k, vm, h, ws.DH.AsSpan(t * b * h, b * h), true);
        }
        for (int t = _t; t >= 1; t--)
        {
            var dh = ws.DH.AsSpan(t * b * h, b * h);
            var dz = ws.DZ.AsSpan((t - 1) * b * h, b * h);
            var z = ws.Zs.AsSpan((t - 1) * b * h, b * h);
            var a = ws.Hs.AsSpan(t * b * h, b * h);
            var act = _activation;
            for (int i = 0; i < dz.Length; i++)
            {
                dz[i] = dh[i] * Elementwise.First(act, z[i], a[i]);
            }

            if (g)
            {
                if (t > 1)
                {
                    Kernels.AccumulateTransposedProduct(dz, b, h, ws.Hs.AsSpan((t - 1) * b * h, b * h), h, grad.Slice(_wOff, h * h));
                }

                Kernels.AccumulateTransposedProduct(dz, b, h, x.AsSpan((t - 1) * b * d, b * d), d, grad.Slice(_uOff, h * d));
                Kernels.AccumulateColumnSums(dz, b, h, grad.Slice(_bOff, h));
            }
            if (t > 1)
            {
                Kernels.Multiply(dz, b, h, w, h, ws.DH.AsSpan((t - 1) * b * h, b * h), true);
            }
        }
    }

    private void RPass(double[] p, ReadOnlySpan<int> rows, bool all, int b, Workspace ws, ReadOnlySpan<double> v, Span<double> hv)
    {
        ws.EnsureR(_t, _h, _k);
        int h = _h, d = _d, k = _k;
        var w = p.AsSpan(_wOff, h * h);
        var vm = p.AsSpan(_vOff, k * h);
        var rw = v.Slice(_wOff, h * h);
        var ru = v.Slice(_uOff, h * d);
        var rb = v.Slice(_bOff, h);
        var rv = v.Slice(_vOff, k * h);
        var rc = v.Slice(_cOff, k);
        var x = BatchX(all, ws);
        double[] rhs = ws.RHs!, rzs = ws.RZs!, ro = ws.RO!, rdo = ws.RDO!, rdh = ws.RDH!, rdz = ws.RDZ!;
        var act = _activation;
        // R-forward.
        rhs.AsSpan(0, b * h).Clear();
        for (int t = 1; t <= _t; t++)
        {
            var rz = rzs.AsSpan((t - 1) * b * h, b * h);
            Kernels.MultiplyTransposed(x.AsSpan((t - 1) * b * d, b * d), b, d, ru, h, rb, rz, false);
            if (t > 1)
            {
                Kernels.MultiplyTransposed(ws.Hs.AsSpan((t - 1) * b * h, b * h), b, h, rw, h, default, rz, true);
                Kernels.MultiplyTransposed(rhs.AsSpan((t - 1) * b * h, b * h), b, h, w, h, default, rz, true);
            }
            var rh = rhs.AsSpan(t * b * h, b * h);
            var z = ws.Zs.AsSpan((t - 1) * b * h, b * h);
            var a = ws.Hs.AsSpan(t * b * h, b * h);
            for (int i = 0; i < rh.Length; i++)
            {
                rh[i] = Elementwise.First(act, z[i], a[i]) * rz[i];
            }
        }
        double scale = 1.0 / (b * (double)Steps);
        rdh.AsSpan(0, (_t + 1) * b * h).Clear();
        for (int s = 0; s < Steps; s++)
        {
            int t = TimeOf(s);
            var ht = ws.Hs.AsSpan(t * b * h, b * h);
            var rht = rhs.AsSpan(t * b * h, b * h);
            var ros = ro.AsSpan(s * b * k, b * k);
            Kernels.MultiplyTransposed(ht, b, h, rv, k, rc, ros, false);
            Kernels.MultiplyTransposed(rht, b, h, vm, k, default, ros, true);
            for (int r = 0; r < b; r++)
            {
                int example = all ? r : rows[r];
                var y = _output == RnnOutput.FinalStep ? _y.AsSpan(example * k, k) : _y.AsSpan(((t - 1) * _n + example) * k, k);
                Elementwise.LossCurvature(_loss, ws.O.AsSpan((s * b + r) * k, k), y, ws.P.AsSpan((s * b + r) * k, k),
                    ros.Slice(r * k, k), rdo.AsSpan((s * b + r) * k, k), scale);
            }
            var dout = ws.DO.AsSpan(s * b * k, b * k);
            var rdout = rdo.AsSpan(s * b * k, b * k);
            Kernels.AccumulateTransposedProduct(rdout, b, k, ht, h, hv.Slice(_vOff, k * h));
            Kernels.AccumulateTransposedProduct(dout, b, k, rht, h, hv.Slice(_vOff, k * h));
            Kernels.AccumulateColumnSums(rdout, b, k, hv.Slice(_cOff, k));
            var rdht = rdh.AsSpan(t * b * h, b * h);
            Kernels.Multiply(rdout, b, k, vm, h, rdht, true);
            Kernels.Multiply(dout, b, k, rv, h, rdht, true);
        }
        // R-backward.
        for (int t = _t; t >= 1; t--)
        {
            var rdht = rdh.AsSpan(t * b * h, b * h);
            var dh = ws.DH.AsSpan(t * b * h, b * h);
            var z = ws.Zs.AsSpan((t - 1) * b * h, b * h);
            var a = ws.Hs.AsSpan(t * b * h, b * h);
            var rz = rzs.AsSpan((t - 1) * b * h, b * h);
            var rdzt = rdz.AsSpan((t - 1) * b * h, b * h);
            for (int i = 0; i < rdzt.Length; i++)
            {
                rdzt[i] = Elementwise.First(act, z[i], a[i]) * rdht[i] + Elementwise.Second(act, z[i], a[i]) * rz[i] * dh[i];
            }

            var dz = ws.DZ.AsSpan((t - 1) * b * h, b * h);
            if (t > 1)
            {
                Kernels.AccumulateTransposedProduct(rdzt, b, h, ws.Hs.AsSpan((t - 1) * b * h, b * h), h, hv.Slice(_wOff, h * h));
                Kernels.AccumulateTransposedProduct(dz, b, h, rhs.AsSpan((t - 1) * b * h, b * h), h, hv.Slice(_wOff, h * h));
            }
            Kernels.AccumulateTransposedProduct(rdzt, b, h, x.AsSpan((t - 1) * b * d, b * d), d, hv.Slice(_uOff, h * d));
            Kernels.AccumulateColumnSums(rdzt, b, h, hv.Slice(_bOff, h));
            if (t > 1)
            {
                var prev = rdh.AsSpan((t - 1) * b * h, b * h);
                Kernels.Multiply(rdzt, b, h, w, h, prev, true);
                Kernels.Multiply(dz, b, h, rw, h, prev, true);
            }
        }
    }

    // ---------------------------------------------------------------- validation

    private void CheckExample(int example)
    {
        if (example < 0 || example >= _n)
        {
            throw new ArgumentOutOfRangeException(nameof(example), example, $"example must be in [0, {_n - 1}].");
        }
    }

    private static int Count(int hiddenSize, IReadOnlyList<Matrix<double>> inputs, int k)
    {
        if (hiddenSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(hiddenSize), hiddenSize, "hiddenSize must be at least 1.");
        }

        int d = inputs[0].ColumnCount;
        return hiddenSize * hiddenSize + hiddenSize * d + hiddenSize + k * hiddenSize + k;
    }

    private static void CheckInputs(IReadOnlyList<Matrix<double>> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("inputs must contain at least one sequence.", nameof(inputs));
        }

        if (inputs[0] is null)
        {
            throw new ArgumentException("inputs[0] is null.", nameof(inputs));
        }

        if (inputs[0].RowCount < 1 || inputs[0].ColumnCount < 1)
        {
            throw new ArgumentException("each sequence needs T ≥ 1 rows and D ≥ 1 columns.", nameof(inputs));
        }
    }

    private static (double[] Y, int K) FinalTargets(Matrix<double> targets, IReadOnlyList<Matrix<double>> inputs)
    {
        CheckInputs(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.RowCount != inputs.Count)
        {
            throw new ArgumentException($"targets has {targets.RowCount} rows, but there are {inputs.Count} sequences.", nameof(targets));
        }

        var y = new double[targets.RowCount * targets.ColumnCount];
        for (int r = 0; r < targets.RowCount; r++)
        {
            for (int j = 0; j < targets.ColumnCount; j++)
            {
                double value = targets[r, j];
                if (!double.IsFinite(value))
                {
                    throw new ArgumentException($"targets[{r}, {j}] is {value}; targets must be finite.", nameof(targets));
                }

                y[r * targets.ColumnCount + j] = value;
            }
        }

        return (y, targets.ColumnCount);
    }

    private static (double[] Y, int K) OneHot(int[] labels, int classes, IReadOnlyList<Matrix<double>> inputs)
    {
        CheckInputs(inputs);
        ArgumentNullException.ThrowIfNull(labels);
        if (classes < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), classes, "classes must be at least 2.");
        }

        if (labels.Length != inputs.Count)
        {
            throw new ArgumentException($"labels has {labels.Length} entries, but there are {inputs.Count} sequences.", nameof(labels));
        }

        var y = new double[labels.Length * classes];
        for (int r = 0; r < labels.Length; r++)
        {
            if (labels[r] < 0 || labels[r] >= classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), labels[r], $"labels[{r}] = {labels[r]} is not in [0, {classes - 1}].");
            }

            y[r * classes + labels[r]] = 1.0;
        }
        return (y, classes);
    }

    private static (double[] Y, int K) StepTargets(IReadOnlyList<Matrix<double>> stepTargets, IReadOnlyList<Matrix<double>> inputs)
    {
        CheckInputs(inputs);
        ArgumentNullException.ThrowIfNull(stepTargets);
        int n = inputs.Count, t = inputs[0].RowCount;
        if (stepTargets.Count != n)
        {
            throw new ArgumentException($"stepTargets has {stepTargets.Count} sequences, but inputs has {n}.", nameof(stepTargets));
        }

        int k = stepTargets[0]?.ColumnCount ?? throw new ArgumentException("stepTargets[0] is null.", nameof(stepTargets));
        var y = new double[t * n * k];
        for (int s = 0; s < n; s++)
        {
            var m = stepTargets[s];
            if (m is null || m.RowCount != t || m.ColumnCount != k)
            {
                throw new ArgumentException($"stepTargets[{s}] must be {t}×{k} (T × K).", nameof(stepTargets));
            }

            for (int step = 0; step < t; step++)
            {
                for (int j = 0; j < k; j++)
                {
                    double value = m[step, j];
                    if (!double.IsFinite(value))
                    {
                        throw new ArgumentException($"stepTargets[{s}][{step}, {j}] is {value}; targets must be finite.", nameof(stepTargets));
                    }

                    y[(step * n + s) * k + j] = value;
                }
            }
        }
        return (y, k);
    }
}
