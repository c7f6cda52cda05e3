using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace Descent.Models;

/// <summary>
/// The finite-sample version of <see cref="ReluTeacherStudent"/>: over inputs x₁ … x_N,
/// F̂(w) = (1/N) Σₛ ½ (Σᵢ (wᵢᵀxₛ)₊ − Σⱼ (vⱼᵀxₛ)₊)², θ = (w₁; …; wₙ).
/// </summary>
/// <remarks>
/// Gradient ∇_{wᵢ}F̂ = (1/N) Σₛ rₛ 1[wᵢᵀxₛ &gt; 0] xₛ with residual rₛ; Hessian-vector product by the R-operator,
/// R{rₛ} = Σᵢ 1[wᵢᵀxₛ &gt; 0] vᵢᵀxₛ, (Hv)ᵢ = (1/N) Σₛ R{rₛ} 1[wᵢᵀxₛ &gt; 0] xₛ — exact wherever no wᵢᵀxₛ = 0
/// (ReLU kinks; second derivative of the ReLU taken as 0 almost everywhere).
/// </remarks>
public sealed class ReluTeacherStudentSample : RowObjective
{
    private readonly double[] _x;      // N × k
    private readonly double[] _target; // Σⱼ (vⱼᵀxₛ)₊
    private readonly int _k, _students, _n;
    private readonly int _teachers;

    /// <summary>Inputs xₛ ~ N(0, I_k) drawn from <c>new Random(seed)</c>, teacher vⱼ = eⱼ, n students.</summary>
    public ReluTeacherStudentSample(int k, int n, int sampleCount, int seed)
        : this(Matrix<double>.Build.DenseIdentity(Check(k, nameof(k))), n, DrawInputs(k, Check(sampleCount, nameof(sampleCount)), seed))
    {
    }

    /// <summary>Given teacher neurons (rows), n students and inputs (rows = examples, k columns).</summary>
    public ReluTeacherStudentSample(Matrix<double> teacher, int n, Matrix<double> inputs)
        : base(Check(n, nameof(n)) * (teacher ?? throw new ArgumentNullException(nameof(teacher))).ColumnCount,
            $"ReLU teacher–student sample (k = {teacher.ColumnCount}, n = {n})")
    {
        _k = teacher.ColumnCount;
        _students = n;
        _teachers = teacher.RowCount;
        (_x, _n) = Mlp.CopyInputs(inputs, _k);
        _target = new double[_n];
        for (int s = 0; s < _n; s++)
        {
            double t = 0;
            for (int j = 0; j < teacher.RowCount; j++)
            {
                double z = 0;
                for (int c = 0; c < _k; c++)
                {
                    z += teacher[j, c] * _x[s * _k + c];
                }

                t += Math.Max(z, 0);
            }
            _target[s] = t;
        }
    }

    /// <summary>Input dimension k.</summary>
    public int InputDimension => _k;

    /// <summary>Number of student neurons n.</summary>
    public int StudentCount => _students;

    /// <inheritdoc />
    public override int ExampleCount => _n;

    /// <inheritdoc />
    protected override double Evaluate(double[] w, ReadOnlySpan<int> rows, bool all, Span<double> grad, ReadOnlySpan<double> v, Span<double> hv)
    {
        int count = all ? _n : rows.Length, k = _k;
        Span<double> pre = _students <= 256 ? stackalloc double[_students] : new double[_students];
        double total = 0, scale = 1.0 / count;
        for (int q = 0; q < count; q++)
        {
            int s = all ? q : rows[q];
            var x = _x.AsSpan(s * k, k);
            double output = 0;
            for (int i = 0; i < _students; i++)
            {
                pre[i] = Kernels.Dot(w.AsSpan(i * k, k), x);
                if (pre[i] > 0)
                {
                    output += pre[i];
                }
            }
            double r = output - _target[s];
            total += 0.5 * r * r;
            if (!grad.IsEmpty)
            {
                for (int i = 0; i < _students; i++)
                {
                    if (pre[i] > 0)
                    {
                        Kernels.Axpy(scale * r, x, grad.Slice(i * k, k));
                    }
                }
            }

            if (!v.IsEmpty)
            {
                double rr = 0;
                for (int i = 0; i < _students; i++)
                {
                    if (pre[i] > 0)
                    {
                        rr += Kernels.Dot(v.Slice(i * k, k), x);
                    }
                }

                for (int i = 0; i < _students; i++)
                {
                    if (pre[i] > 0)
                    {
                        Kernels.Axpy(scale * rr, x, hv.Slice(i * k, k));
                    }
                }
            }
        }
        return total * scale;
    }

    private static Matrix<double> DrawInputs(int k, int count, int seed)
    {
        var random = new Random(seed);
        return Matrix<double>.Build.Dense(count, k, (_, _) => Initialization.StandardNormal(random));
    }

    private static int Check(int value, string name) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1.");

    /// <inheritdoc />
    public override string ToString() =>
        $"ReLU teacher–student, sample loss (1/N)Σ½(Σᵢ(wᵢᵀxₛ)₊ − Σⱼ(vⱼᵀxₛ)₊)², N = {_n}, k = {_k}, n = {_students} students, {_teachers} teachers";
}
