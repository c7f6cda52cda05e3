using Descent.Curvature;
using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Curvature;

public sealed class LanczosTests
{
    [Fact]
    public void Extreme_eigenvalues_of_a_random_symmetric_matrix_converge_in_few_steps()
    {
        // n = 200 GOE-style matrix (spectrum ≈ semicircle on [−2, 2]); reference from the dense eigensolver.
        var h = RandomMatrices.Symmetric(200, seed: 42);
        var exact = RandomMatrices.Eigenvalues(h);
        var run = Lanczos.Run(HessianOperator.FromMatrix(h), steps: 80, seed: 1);
        Assert.Equal(80, run.Steps);
        // Extreme Ritz values converge first (Kaniel–Paige); with full reorthogonalization and 80 of 200 steps
        // the residual bound ‖Hy − θy‖ is far below 1e-8, and |θ − λ| ≤ that bound, so 1e-8 is a tight test.
        Assert.True(run.ResidualBounds[0] < 1e-8, run.ToString());
        Assert.True(run.ResidualBounds[^1] < 1e-8, run.ToString());
        Assert.Equal(exact[0], run.MinEigenvalue, 8);
        Assert.Equal(exact[^1], run.MaxEigenvalue, 8);
        // Cauchy interlacing: every Ritz value lies within [λmin, λmax] (up to rounding ~1e-14).
        Assert.All(run.RitzValues, t => Assert.InRange(t, exact[0] - 1e-12, exact[^1] + 1e-12));
        // Full reorthogonalization keeps the basis orthonormal to rounding.
        DerivativeCheck.AssertClose(Matrix<double>.Build.DenseIdentity(80), run.Basis.TransposeThisAndMultiply(run.Basis), 1e-12, "QᵀQ");
        // QᵀHQ = T.
        DerivativeCheck.AssertClose(run.Tridiagonal(), run.Basis.TransposeThisAndMultiply(h * run.Basis), 1e-12, "QᵀHQ");
    }

    [Fact]
    public void The_residual_bound_is_the_true_residual_of_the_ritz_pair()
    {
        var h = RandomMatrices.Symmetric(60, seed: 9);
        var run = Lanczos.Run(HessianOperator.FromMatrix(h), steps: 15, seed: 2);
        // After 15 steps the extremes are only partly converged, so the bound is a non-trivial number.
        var y = run.RitzVector(0);
        double residual = (h * y - run.MinEigenvalue * y).L2Norm();
        Assert.Equal(residual, run.ResidualBounds[0], 10);
        Assert.True(residual > 1e-6, "15 steps should not have converged λmin of a 60×60 GOE matrix");
        // Some exact eigenvalue lies within the residual of θ (Bauer–Fike for symmetric matrices).
        var exact = RandomMatrices.Eigenvalues(h);
        Assert.Contains(exact, l => Math.Abs(l - run.MinEigenvalue) <= residual + 1e-12);
    }

    [Fact]
    public void With_n_steps_every_eigenvalue_is_recovered()
    {
        var h = RandomMatrices.Symmetric(30, seed: 5);
        var exact = RandomMatrices.Eigenvalues(h);
        var run = Lanczos.Run(HessianOperator.FromMatrix(h), steps: 30, seed: 3);
        Assert.Equal(30, run.RitzValues.Length);
        // The Krylov space is all of ℝ³⁰: T is similar to H, eigenvalues agree to ~n·u·‖H‖ ≈ 1e-14.
        for (int i = 0; i < 30; i++)
        {
            Assert.Equal(exact[i], run.RitzValues[i], 11);
        }

        Assert.Equal(1.0, run.RitzWeights.Sum(), 12);
    }

    [Fact]
    public void Three_distinct_eigenvalues_end_the_iteration_after_three_steps()
    {
        // A = Q diag(1,1,1,1, 2,2,2, 5,5,5) Qᵀ: the Krylov space of any start vector has dimension 3.
        var a = Quadratic.FromEigenvalues([1, 1, 1, 1, 2, 2, 2, 5, 5, 5.0], seed: 8).A;
        var run = Lanczos.Run(HessianOperator.FromMatrix(a), steps: 10, seed: 4);
        Assert.True(run.Breakdown);
        Assert.Equal(3, run.Steps);
        Assert.Equal(1.0, run.RitzValues[0], 12);
        Assert.Equal(2.0, run.RitzValues[1], 12);
        Assert.Equal(5.0, run.RitzValues[2], 12);
        Assert.Contains("invariant subspace", run.ToString());
    }

    [Fact]
    public void Gauss_quadrature_reproduces_the_first_moments_of_the_start_vector()
    {
        // For unit q, Σ τᵢ θᵢᵏ = qᵀHᵏq exactly for k ≤ 2m − 1 (Golub–Meurant); here m = 4, k = 0..3.
        var h = RandomMatrices.Symmetric(40, seed: 12);
        var rng = new Random(77);
        var q = Vector<double>.Build.Dense(40, _ => RandomMatrices.Gaussian(rng));
        var run = Lanczos.Run(HessianOperator.FromMatrix(h), steps: 4, start: q);
        q /= q.L2Norm();
        var hq = h * q;
        double[] expected = [1.0, q.DotProduct(hq), hq.DotProduct(hq), hq.DotProduct(h * hq)];
        for (int k = 0; k < 4; k++)
        {
            double quad = run.RitzValues.Select((t, i) => run.RitzWeights[i] * Math.Pow(t, k)).Sum();
            // Sums of O(1) terms: rounding ~1e-15; 1e-12 is a wide margin.
            Assert.Equal(expected[k], quad, 12);
        }
    }

    [Fact]
    public void Lanczos_on_an_objective_hessian_finds_its_extremes()
    {
        // 12-D Rosenbrock at a seeded point: exact products, reference from the dense Hessian.
        var f = new Rosenbrock(12);
        var rng = new Random(31);
        var theta = Vector<double>.Build.Dense(12, _ => rng.NextDouble() * 2 - 1);
        var exact = RandomMatrices.Eigenvalues(f.Hessian(theta));
        var op = HessianOperator.ForObjective(f, theta);
        var run = Lanczos.Run(op, steps: 12, seed: 6);
        Assert.Equal(HessianProductSource.Exact, run.Source);
        // ‖H‖ ~ 1e3, so relative 1e-12 is ~1e-9 absolute.
        Assert.Equal(exact[0], run.MinEigenvalue, 8);
        Assert.Equal(exact[^1], run.MaxEigenvalue, 8);
        Assert.Equal(run.Steps, op.ProductCount);
    }

    [Fact]
    public void Runs_are_reproducible_for_a_seed_and_reject_bad_arguments()
    {
        var op = HessianOperator.FromMatrix(RandomMatrices.Symmetric(20, seed: 1));
        Assert.Equal(Lanczos.Run(op, 5, seed: 10).Alpha, Lanczos.Run(op, 5, seed: 10).Alpha);
        Assert.NotEqual(Lanczos.Run(op, 5, seed: 10).Alpha, Lanczos.Run(op, 5, seed: 11).Alpha);
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => Lanczos.Run(op, 0, seed: 1)).ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => Lanczos.Run(op, 21, seed: 1)).ParamName);
        Assert.Equal("start", Assert.Throws<ArgumentException>(() => Lanczos.Run(op, 3, Vector<double>.Build.Dense(20))).ParamName);
    }
}
