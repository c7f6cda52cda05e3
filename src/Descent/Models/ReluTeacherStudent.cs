using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace Descent.Models;

/// <summary>
/// The two-layer ReLU teacher–student problem of Safran &amp; Shamir (2018), population version in closed form:
/// F(w₁ … wₙ) = ½ E_{x~N(0,I_k)} [(Σᵢ (wᵢᵀx)₊ − Σⱼ (vⱼᵀx)₊)²] over student neurons wᵢ ∈ ℝᵏ, with fixed teacher
/// neurons vⱼ (vⱼ = eⱼ, j = 1 … k, in the paper). θ = (w₁; …; wₙ), n·k parameters, wᵢ at offset i·k.
/// </summary>
/// <remarks>
/// <para>The factor ½ is the paper's (Safran &amp; Shamir 2018, eq. (1), arXiv:1712.08968; the objective values in
/// their tables, ≈ 0.02–0.03, are on this scale). The lecture slide (Yarotsky, "Optimization of neural networks") writes the objective without it.</para>
/// <para>Expanding the square, F = ½ Σᵢᵢ' K(wᵢ, wᵢ') − Σᵢⱼ K(wᵢ, vⱼ) + ½ Σⱼⱼ' K(vⱼ, vⱼ') with the arc-cosine kernel
/// K(w, u) = E[(wᵀx)₊(uᵀx)₊] = ‖w‖‖u‖/(2π)·(sin θ + (π − θ) cos θ), θ = ∠(w, u) (Cho &amp; Saul 2009); K(w, w) = ‖w‖²/2.</para>
/// <para>Exact derivatives (derived in the source and checked against finite differences):
/// ∇_w K(w, u) = (1/2π)(‖u‖ sin θ ŵ + (π − θ) u);
/// ∂²K/∂w² = ‖u‖ sin θ/(2π‖w‖)·(I − ŵŵᵀ + n_w n_wᵀ);
/// ∂²K/∂w∂u = (1/2π)((π − θ) I + sin θ (ŵûᵀ + n_w n_uᵀ)),
/// where n_w = (û − cos θ ŵ)/sin θ and n_u = (ŵ − cos θ û)/sin θ are the unit vectors in the plane of w and u
/// orthogonal to ŵ and û. Parallel and antiparallel pairs (sin θ = 0) are smooth (K is C² there) and use
/// the limits (terms with sin θ vanish). Hence ∇_{wᵢ}F = wᵢ/2 + Σ_{i'≠i} ∇_w K(wᵢ, wᵢ') − Σⱼ ∇_w K(wᵢ, vⱼ).</para>
/// <para>At wᵢ = 0, F is continuous but not differentiable (K is positively homogeneous of degree 1 in w).
/// There ∇_w K(0, u) is taken as u/4, the average of the one-sided directional gradients over all
/// directions of approach; the 1/‖w‖ Hessian block is set to 0 and the mixed block to I/4.
/// <see cref="IsDifferentiableAt"/> says whether θ avoids this set.</para>
/// </remarks>
public sealed class ReluTeacherStudent : Objective
{
    private readonly double[] _teacher; // k_teacher × dim, row-major
    private readonly int _dim;          // input dimension (k in the paper)
    private readonly int _teachers;     // number of teacher neurons
    private readonly int _students;     // n

    /// <summary>The Safran–Shamir problem: input dimension k, teacher vⱼ = eⱼ (j = 1 … k), n ≥ 1 student neurons.</summary>
    public ReluTeacherStudent(int k, int n)
        : this(Matrix<double>.Build.DenseIdentity(CheckPositive(k, nameof(k))), n)
    {
    }

    /// <summary>A teacher given as a matrix whose rows are the teacher neurons vⱼ ∈ ℝᵏ, and n student neurons.</summary>
    public ReluTeacherStudent(Matrix<double> teacher, int n)
        : base(CheckPositive(n, nameof(n)) * (teacher ?? throw new ArgumentNullException(nameof(teacher))).ColumnCount,
            $"ReLU teacher–student (k = {teacher.ColumnCount}, {teacher.RowCount} teachers, n = {n})")
    {
        _dim = teacher.ColumnCount;
        _teachers = teacher.RowCount;
        _students = n;
        _teacher = new double[_teachers * _dim];
        for (int j = 0; j < _teachers; j++)
        {
            for (int c = 0; c < _dim; c++)
            {
                double value = teacher[j, c];
                if (!double.IsFinite(value))
                {
                    throw new ArgumentException($"teacher[{j}, {c}] is {value}; entries must be finite.", nameof(teacher));
                }

                _teacher[j * _dim + c] = value;
            }
        }

        double constant = 0;
        for (int j = 0; j < _teachers; j++)
        {
            for (int j2 = 0; j2 < _teachers; j2++)
            {
                constant += Kernel(_teacher.AsSpan(j * _dim, _dim), _teacher.AsSpan(j2 * _dim, _dim));
            }
        }

        TeacherTerm = 0.5 * constant;
    }

    /// <summary>Input dimension k.</summary>
    public int InputDimension => _dim;

    /// <summary>Number of student neurons n.</summary>
    public int StudentCount => _students;

    /// <summary>Number of teacher neurons.</summary>
    public int TeacherCount => _teachers;

    /// <summary>The teacher neurons as rows (a copy).</summary>
    public Matrix<double> Teacher => Matrix<double>.Build.Dense(_teachers, _dim, (j, c) => _teacher[j * _dim + c]);

    /// <summary>The constant ½ Σⱼⱼ' K(vⱼ, vⱼ') = ½ E[(Σⱼ (vⱼᵀx)₊)²]; for vⱼ = eⱼ it is ½(k/2 + k(k−1)/(2π)).</summary>
    public double TeacherTerm { get; }

    /// <summary>The student neurons as rows of an n × k matrix.</summary>
    public Matrix<double> StudentWeights(Vector<double> theta)
    {
        CheckPoint(theta);
        return Matrix<double>.Build.Dense(_students, _dim, (i, c) => theta[i * _dim + c]);
    }

    /// <summary>θ for given student neurons (rows of an n × k matrix).</summary>
    public Vector<double> FromStudentWeights(Matrix<double> students)
    {
        ArgumentNullException.ThrowIfNull(students);
        if (students.RowCount != _students || students.ColumnCount != _dim)
        {
            throw new ArgumentException($"students must be {_students}×{_dim}.", nameof(students));
        }

        return Vector<double>.Build.Dense(Dimension, t => students[t / _dim, t % _dim]);
    }

    /// <summary>Initial student neurons drawn by <paramref name="initialization"/> (fan-in k, fan-out n) from a seed.
    /// Safran &amp; Shamir start from Xavier initialization: <see cref="Initialization.Glorot"/>.</summary>
    public Vector<double> Initialize(Initialization initialization, int seed)
    {
        ArgumentNullException.ThrowIfNull(initialization);
        var theta = new double[Dimension];
        initialization.Fill(theta, _students, _dim, new Random(seed));
        return new DenseVector(theta);
    }

    /// <summary>True when every student neuron is nonzero (F is then twice differentiable at θ).</summary>
    public bool IsDifferentiableAt(Vector<double> theta)
    {
        CheckPoint(theta);
        var t = Mlp.Values(theta);
        for (int i = 0; i < _students; i++)
        {
            if (Norm(t.AsSpan(i * _dim, _dim)) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The arc-cosine kernel K(w, u) = E_{x~N(0,I)}[(wᵀx)₊(uᵀx)₊] = ‖w‖‖u‖/(2π)·(sin θ + (π − θ) cos θ).</summary>
    public static double Kernel(Vector<double> w, Vector<double> u)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(u);
        if (w.Count != u.Count)
        {
            throw new ArgumentException("w and u must have the same length.", nameof(u));
        }

        return Kernel(Mlp.Values(w), Mlp.Values(u));
    }

    internal static double Kernel(ReadOnlySpan<double> w, ReadOnlySpan<double> u)
    {
        var p = Pair.Of(w, u);
        if (p.Degenerate)
        {
            return 0.0;
        }

        return p.NormW * p.NormU / (2 * Math.PI) * (p.Sin + (Math.PI - p.Angle) * p.Cos);
    }

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta)
    {
        var t = Mlp.Values(theta);
        double students = 0, cross = 0;
        for (int i = 0; i < _students; i++)
        {
            var wi = t.AsSpan(i * _dim, _dim);
            students += 0.5 * Kernels.Dot(wi, wi);
            for (int i2 = i + 1; i2 < _students; i2++)
            {
                students += 2 * Kernel(wi, t.AsSpan(i2 * _dim, _dim));
            }

            for (int j = 0; j < _teachers; j++)
            {
                cross += Kernel(wi, _teacher.AsSpan(j * _dim, _dim));
            }
        }
        return 0.5 * students - cross + TeacherTerm;
    }

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta) => ValueAndGradientCore(theta).Gradient;

    /// <inheritdoc />
    protected override (double Loss, Vector<double> Gradient) ValueAndGradientCore(Vector<double> theta)
    {
        var t = Mlp.Values(theta);
        var g = new double[Dimension];
        double students = 0, cross = 0;
        int k = _dim;
        for (int i = 0; i < _students; i++)
        {
            var wi = t.AsSpan(i * k, k);
            var gi = g.AsSpan(i * k, k);
            double sq = Kernels.Dot(wi, wi);
            students += 0.5 * sq;
            Kernels.Axpy(0.5, wi, gi);
            for (int i2 = i + 1; i2 < _students; i2++)
            {
                var w2 = t.AsSpan(i2 * k, k);
                var p = Pair.Of(wi, w2);
                students += 2 * p.Value;
                p.AddGradientW(wi, w2, 1.0, gi);
                Pair.Of(w2, wi).AddGradientW(w2, wi, 1.0, g.AsSpan(i2 * k, k));
            }
            for (int j = 0; j < _teachers; j++)
            {
                var v = _teacher.AsSpan(j * k, k);
                var p = Pair.Of(wi, v);
                cross += p.Value;
                p.AddGradientW(wi, v, -1.0, gi);
            }
        }
        return (0.5 * students - cross + TeacherTerm, new DenseVector(g));
    }

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> theta)
    {
        var t = Mlp.Values(theta);
        int k = _dim, n = Dimension;
        var h = new double[n * n]; // row-major
        var block = new double[k * k];
        for (int i = 0; i < _students; i++)
        {
            var wi = t.AsSpan(i * k, k);
            for (int c = 0; c < k; c++)
            {
                h[(i * k + c) * n + i * k + c] += 0.5;
            }

            for (int i2 = 0; i2 < _students; i2++)
            {
                if (i2 == i)
                {
                    continue;
                }

                var w2 = t.AsSpan(i2 * k, k);
                var p = Pair.Of(wi, w2);
                Array.Clear(block);
                p.AddHessianWW(1.0, block);
                AddBlock(h, n, i * k, i * k, block, k);
                Array.Clear(block);
                p.AddHessianWU(1.0, block);
                AddBlock(h, n, i * k, i2 * k, block, k);
            }
            for (int j = 0; j < _teachers; j++)
            {
                Array.Clear(block);
                Pair.Of(wi, _teacher.AsSpan(j * k, k)).AddHessianWW(-1.0, block);
                AddBlock(h, n, i * k, i * k, block, k);
            }
        }
        var symmetric = new double[n * n]; // column-major
        for (int c = 0; c < n; c++)
        {
            for (int r = 0; r < n; r++)
            {
                symmetric[c * n + r] = 0.5 * (h[r * n + c] + h[c * n + r]);
            }
        }
        return Matrix<double>.Build.Dense(n, n, symmetric);
    }

    /// <inheritdoc />
    protected override Vector<double> HessianVectorProductCore(Vector<double> theta, Vector<double> v)
    {
        var t = Mlp.Values(theta);
        var x = Mlp.Values(v);
        int k = _dim;
        var hv = new double[Dimension];
        for (int i = 0; i < _students; i++)
        {
            var wi = t.AsSpan(i * k, k);
            var xi = x.AsSpan(i * k, k);
            var out_ = hv.AsSpan(i * k, k);
            Kernels.Axpy(0.5, xi, out_);
            for (int i2 = 0; i2 < _students; i2++)
            {
                if (i2 == i)
                {
                    continue;
                }

                var p = Pair.Of(wi, t.AsSpan(i2 * k, k));
                p.ApplyHessianWW(1.0, xi, out_);
                p.ApplyHessianWU(1.0, x.AsSpan(i2 * k, k), out_);
            }
            for (int j = 0; j < _teachers; j++)
            {
                Pair.Of(wi, _teacher.AsSpan(j * k, k)).ApplyHessianWW(-1.0, xi, out_);
            }
        }
        return new DenseVector(hv);
    }

    private static void AddBlock(double[] h, int n, int row, int col, double[] block, int k)
    {
        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b < k; b++)
            {
                h[(row + a) * n + col + b] += block[a * k + b];
            }
        }
    }

    private static double Norm(ReadOnlySpan<double> x) => Math.Sqrt(Kernels.Dot(x, x));

    private static int CheckPositive(int value, string name) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1.");

    /// <inheritdoc />
    public override string ToString() =>
        $"ReLU teacher–student, population loss ½E[(Σᵢ(wᵢᵀx)₊ − Σⱼ(vⱼᵀx)₊)²], x ~ N(0, I_{_dim}), n = {_students} students, {_teachers} teachers, {Dimension} parameters";

    /// <summary>Geometry of one pair (w, u): norms, unit vectors, angle and in-plane normals.</summary>
    private ref struct Pair
    {
        public double NormW, NormU, Cos, Sin, Angle, Value;
        public bool Degenerate; // w = 0 or u = 0
        private ReadOnlySpan<double> _w, _u;

        public static Pair Of(ReadOnlySpan<double> w, ReadOnlySpan<double> u)
        {
            var p = new Pair { _w = w, _u = u, NormW = Norm(w), NormU = Norm(u) };
            if (p.NormW == 0 || p.NormU == 0)
            {
                p.Degenerate = true;
                return p;
            }
            double c = Kernels.Dot(w, u) / (p.NormW * p.NormU);
            c = Math.Clamp(c, -1.0, 1.0);
            // sin θ from the rejection ‖û − cŵ‖ (accurate near θ = 0 and π, unlike √(1 − c²)).
            double s2 = 0;
            for (int a = 0; a < w.Length; a++)
            {
                double r = u[a] / p.NormU - c * w[a] / p.NormW;
                s2 += r * r;
            }
            p.Cos = c;
            p.Sin = Math.Min(1.0, Math.Sqrt(s2));
            p.Angle = Math.Atan2(p.Sin, c);
            p.Value = p.NormW * p.NormU / (2 * Math.PI) * (p.Sin + (Math.PI - p.Angle) * c);
            return p;
        }

        /// <summary>out += scale · ∇_w K(w, u).</summary>
        public readonly void AddGradientW(ReadOnlySpan<double> w, ReadOnlySpan<double> u, double scale, Span<double> output)
        {
            if (Degenerate)
            {
                if (NormW == 0)
                {
                    Kernels.Axpy(scale * 0.25, u, output);
                }

                return;
            }
            double f = scale / (2 * Math.PI);
            Kernels.Axpy(f * NormU * Sin / NormW, w, output);
            Kernels.Axpy(f * (Math.PI - Angle), u, output);
        }

        private readonly double Hat(int a, bool ofW) => ofW ? _w[a] / NormW : _u[a] / NormU;

        /// <summary>n_w (ofW) or n_u, valid when Sin &gt; 0.</summary>
        private readonly double Normal(int a, bool ofW) =>
            ofW ? (Hat(a, false) - Cos * Hat(a, true)) / Sin : (Hat(a, true) - Cos * Hat(a, false)) / Sin;

        /// <summary>block (k×k) += scale · ∂²K/∂w².</summary>
        public readonly void AddHessianWW(double scale, Span<double> block)
        {
            if (Degenerate || Sin == 0)
            {
                return;
            }

            int k = _w.Length;
            double f = scale * NormU * Sin / (2 * Math.PI * NormW);
            // ŵ and n_w once per pair (the same divisions as per entry, so the same values), not once per entry; on the
            // heap, since k has no bound that would keep a stack buffer safe.
            Span<double> hat = new double[k], normal = new double[k];
            Fill(hat, normal, true);
            for (int a = 0; a < k; a++)
            {
                double wa = hat[a], na = normal[a];
                for (int b = 0; b < k; b++)
                {
                    block[a * k + b] += f * ((a == b ? 1.0 : 0.0) - wa * hat[b] + na * normal[b]);
                }
            }
        }

        /// <summary>block (k×k) += scale · ∂²K/∂w∂u (rows: w, columns: u).</summary>
        public readonly void AddHessianWU(double scale, Span<double> block)
        {
            int k = _w.Length;
            if (Degenerate)
            {
                for (int a = 0; a < k; a++)
                {
                    block[a * k + a] += scale * 0.25;
                }

                return;
            }
            double f = scale / (2 * Math.PI);
            Span<double> hatW = new double[k], normalW = new double[k], hatU = new double[k], normalU = new double[k];
            if (Sin != 0)
            {
                Fill(hatW, normalW, true);
                Fill(hatU, normalU, false);
            }
            for (int a = 0; a < k; a++)
            {
                block[a * k + a] += f * (Math.PI - Angle);
                if (Sin == 0)
                {
                    continue;
                }

                double wa = hatW[a], na = normalW[a];
                for (int b = 0; b < k; b++)
                {
                    block[a * k + b] += f * Sin * (wa * hatU[b] + na * normalU[b]);
                }
            }
        }

        /// <summary>Hat(·, ofW) and Normal(·, ofW) for every coordinate.</summary>
        private readonly void Fill(Span<double> hat, Span<double> normal, bool ofW)
        {
            for (int a = 0; a < hat.Length; a++)
            {
                hat[a] = Hat(a, ofW);
                normal[a] = Normal(a, ofW);
            }
        }

        /// <summary>out += scale · (∂²K/∂w²) x.</summary>
        public readonly void ApplyHessianWW(double scale, ReadOnlySpan<double> x, Span<double> output)
        {
            if (Degenerate || Sin == 0)
            {
                return;
            }

            int k = _w.Length;
            double f = scale * NormU * Sin / (2 * Math.PI * NormW);
            double wx = 0, nx = 0;
            for (int b = 0; b < k; b++)
            {
                wx += Hat(b, true) * x[b];
                nx += Normal(b, true) * x[b];
            }
            for (int a = 0; a < k; a++)
            {
                output[a] += f * (x[a] - Hat(a, true) * wx + Normal(a, true) * nx);
            }
        }

        /// <summary>out += scale · (∂²K/∂w∂u) y.</summary>
        public readonly void ApplyHessianWU(double scale, ReadOnlySpan<double> y, Span<double> output)
        {
            int k = _w.Length;
            if (Degenerate)
            {
                Kernels.Axpy(scale * 0.25, y, output);
                return;
            }
            double f = scale / (2 * Math.PI);
            Kernels.Axpy(f * (Math.PI - Angle), y, output);
            if (Sin == 0)
            {
                return;
            }

            double uy = 0, ny = 0;
            for (int b = 0; b < k; b++)
            {
                uy += Hat(b, false) * y[b];
                ny += Normal(b, false) * y[b];
            }
            for (int a = 0; a < k; a++)
            {
                output[a] += f * Sin * (Hat(a, true) * uy + Normal(a, true) * ny);
            }
        }
    }
}
