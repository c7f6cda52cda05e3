using Descent.Curvature;
using Descent.Models;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using static Descent.Tests.Models.ModelTestData;

namespace Descent.Tests.Models;

public sealed class ReluTeacherStudentTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void Arc_cosine_kernel_matches_hand_values()
    {
        // K(w, w) = E[(wᵀx)₊²] = ‖w‖²/2; orthogonal unit vectors: 1/(2π); opposite vectors never both positive: 0.
        Assert.Equal(0.5 * 9, ReluTeacherStudent.Kernel(V(3, 0, 0), V(3, 0, 0)), 14);
        Assert.Equal(1 / (2 * Math.PI), ReluTeacherStudent.Kernel(V(1, 0), V(0, 1)), 14);
        Assert.Equal(0.0, ReluTeacherStudent.Kernel(V(1, 2), V(-2, -4)), 14);
        Assert.Equal(0.0, ReluTeacherStudent.Kernel(V(0, 0), V(1, 4)));
        // θ = π/3, ‖w‖ = 2, ‖u‖ = 1: 2/(2π)·(√3/2 + (2π/3)·½).
        Assert.Equal(1 / Math.PI * (Math.Sqrt(3) / 2 + Math.PI / 3), ReluTeacherStudent.Kernel(V(2, 0), V(0.5, Math.Sqrt(3) / 2)), 14);
    }

    [Fact]
    public void Teacher_term_and_global_minimum_match_the_formulas()
    {
        var f = new ReluTeacherStudent(5, 5);
        Assert.Equal(0.5 * (5 / 2.0 + 5 * 4 / (2 * Math.PI)), f.TeacherTerm, 14);
        var star = f.FromStudentWeights(Matrix<double>.Build.DenseIdentity(5));
        // At w = v the residual is zero for every x: F = 0 and ∇F = 0 up to rounding of the sum of kernels.
        Assert.Equal(0.0, f.Value(star), 13);
        Assert.True(f.Gradient(star).InfinityNorm() < 1e-14);
        // Any permutation of the students is also a global minimum, and the Hessian there is positive semidefinite.
        var eig = f.Hessian(star).Evd().EigenValues.Select(z => z.Real).Min();
        Assert.True(eig > -1e-12, $"λmin = {eig}");
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(3, 5)]
    [InlineData(4, 4)]
    public void Exact_gradient_and_Hessian_agree_with_finite_differences(int k, int n)
    {
        var f = new ReluTeacherStudent(k, n);
        var random = new Random(100 * k + n);
        for (int trial = 0; trial < 4; trial++)
        {
            var theta = GaussianVector(f.Dimension, random, 0.7);
            DerivativeCheck.At(f, theta, random: random); // DerivativeCheck.RelativeTolerance, see there
            var v = GaussianVector(f.Dimension, random);
            // Blockwise product vs the assembled Hessian: rounding only.
            DerivativeCheck.AssertClose(f.Hessian(theta) * v, f.HessianVectorProduct(theta, v), 1e-12, "HVP vs H·v");
        }
    }

    [Fact]
    public void General_teacher_and_parallel_students_are_handled()
    {
        var random = new Random(8);
        var teacher = Gaussian(2, 3, random);
        var f = new ReluTeacherStudent(teacher, 3);
        var theta = GaussianVector(f.Dimension, random);
        DerivativeCheck.At(f, theta, random: random);
        // Student 0 exactly parallel to teacher 0, student 1 exactly antiparallel to student 2: K is C² there
        // (K − its quadratic part is O(θ³)), so the central-difference Hessian has an O(h) ≈ 6e-6 error term
        // from the unbounded third derivative; 1e-4 relative still catches any O(1) formula error.
        var w = f.StudentWeights(theta);
        w.SetRow(0, 1.7 * teacher.Row(0));
        w.SetRow(1, -0.6 * w.Row(2));
        var p = f.FromStudentWeights(w);
        var g = f.Gradient(p);
        Assert.True(g.All(double.IsFinite));
        DerivativeCheck.AssertClose(g, FiniteDifference.Gradient(f, p), 1e-6, "gradient at parallel pairs");
        DerivativeCheck.AssertClose(f.Hessian(p), FiniteDifference.Hessian(f, p), 1e-4, "Hessian at parallel pairs");
    }

    [Fact]
    public void Zero_student_gets_the_direction_averaged_gradient_and_is_flagged()
    {
        var f = new ReluTeacherStudent(2, 1);
        var zero = Vector<double>.Build.Dense(2);
        Assert.False(f.IsDifferentiableAt(zero));
        Assert.True(f.IsDifferentiableAt(V(0.1, 0)));
        // F(0) = teacher term; ∇F(0) = 0/2 − (e₁ + e₂)/4 by the documented convention.
        Assert.Equal(f.TeacherTerm, f.Value(zero), 14);
        DerivativeCheck.AssertClose(V(-0.25, -0.25), f.Gradient(zero), 1e-15, "gradient at w = 0");
        Assert.True(f.Hessian(zero).Enumerate().All(double.IsFinite));
    }

    [Fact]
    public void Population_loss_matches_a_Monte_Carlo_estimate_within_four_standard_errors()
    {
        const int k = 3, n = 4, samples = 1_000_000;
        var f = new ReluTeacherStudent(k, n);
        var random = new Random(20180101);
        var theta = GaussianVector(f.Dimension, random, 0.8);
        var w = f.StudentWeights(theta);
        double sum = 0, sumSq = 0;
        var x = new double[k];
        for (int s = 0; s < samples; s++)
        {
            for (int c = 0; c < k; c++)
            {
                x[c] = Normal(random);
            }

            double student = 0, teacher = 0;
            for (int i = 0; i < n; i++)
            {
                double z = 0;
                for (int c = 0; c < k; c++)
                {
                    z += w[i, c] * x[c];
                }

                student += Math.Max(0, z);
            }
            for (int j = 0; j < k; j++)
            {
                teacher += Math.Max(0, x[j]); // vⱼ = eⱼ
            }

            double loss = 0.5 * (student - teacher) * (student - teacher);
            sum += loss;
            sumSq += loss * loss;
        }
        double mean = sum / samples;
        double se = Math.Sqrt((sumSq / samples - mean * mean) / (samples - 1));
        double exact = f.Value(theta);
        // The sample mean is within 4 standard errors of the expectation except with probability 6e-5.
        Assert.True(Math.Abs(mean - exact) <= 4 * se, $"closed form {exact}, Monte Carlo {mean} ± {se}");
        Assert.True(se < 1e-2 * exact, "the test has resolving power: SE below 1% of the value");
    }

    [Fact]
    public void Finite_sample_objective_has_exact_derivatives_and_tends_to_the_population()
    {
        var sample = new ReluTeacherStudentSample(3, 4, 40, seed: 5);
        var random = new Random(6);
        for (int trial = 0; trial < 3; trial++)
        {
            var theta = GaussianVector(sample.Dimension, random);
            // Kinks wᵢᵀxₛ = 0 are crossed by the ±6e-6 steps with probability ~1e-4 at Gaussian points;
            // tolerance: DerivativeCheck.RelativeTolerance.
            DerivativeCheck.At(sample, theta, random: random);
        }
        var big = new ReluTeacherStudentSample(3, 4, 200_000, seed: 9);
        var population = new ReluTeacherStudent(3, 4);
        var t = population.Initialize(Initialization.Glorot, 2);
        // The per-example loss here has s.d. ≲ its mean ≈ 0.3, so the sample mean's SE is ≲ 0.3/√200 000 ≈ 7e-4; allow 4e-3.
        Assert.Equal(population.Value(t), big.Value(t), 2);
        Assert.True((population.Gradient(t) - big.Gradient(t)).InfinityNorm() < 1e-2); // gradient SE ≈ 1e-3 per coordinate
    }

    [Fact]
    public void Permuting_students_leaves_the_loss_unchanged()
    {
        var f = new ReluTeacherStudent(4, 6);
        var theta = f.Initialize(Initialization.Glorot, 11);
        var w = f.StudentWeights(theta);
        var permuted = Matrix<double>.Build.DenseOfRowVectors(new[] { 5, 2, 0, 1, 4, 3 }.Select(w.Row));
        Assert.Equal(f.Value(theta), f.Value(f.FromStudentWeights(permuted)), 13); // sums reordered: rounding only
        Assert.Contains("n = 6 students", f.ToString());
    }
}
