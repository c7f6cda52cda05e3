using Descent.Curvature;
using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Curvature;

public sealed class CriticalPointTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static Quadratic Diagonal(params double[] d) => new(Matrix<double>.Build.DenseOfDiagonalArray(d));

    [Fact]
    public void Origin_of_x1_squared_minus_x2_squared_is_a_saddle_of_index_one()
    {
        // x₁² − x₂² = ½θᵀdiag(2, −2)θ: gradient 0 at the origin, eigenvalues −2 and 2.
        var p = CriticalPoint.Classify(Diagonal(2, -2), V(0, 0));
        Assert.Equal(CriticalPointKind.Saddle, p.Kind);
        Assert.Equal(1, p.Index);
        Assert.Equal([-2.0, 2.0], p.Eigenvalues);
        Assert.Equal(0.0, p.GradientNorm);
        Assert.Contains("saddle of index 1", p.ToString());
    }

    [Fact]
    public void Away_from_the_origin_it_is_not_critical()
    {
        // At (1, 0) the gradient is (2, 0): ‖g‖ = 2.
        var p = CriticalPoint.Classify(Diagonal(2, -2), V(1, 0));
        Assert.Equal(CriticalPointKind.NotCritical, p.Kind);
        Assert.False(p.IsCritical);
        Assert.Equal(2.0, p.GradientNorm, 14);
        Assert.Contains("not a critical point", p.ToString());
    }

    [Fact]
    public void Minimum_maximum_and_higher_index_saddles_are_told_apart()
    {
        Assert.Equal(CriticalPointKind.Minimum, CriticalPoint.Classify(Quadratic.D2l(), V(0, 0)).Kind);
        Assert.Equal(CriticalPointKind.Minimum, CriticalPoint.Classify(new Rosenbrock(3), V(1, 1, 1)).Kind);

        var max = CriticalPoint.Classify(Diagonal(-1, -2, -3), V(0, 0, 0));
        Assert.Equal(CriticalPointKind.Maximum, max.Kind);
        Assert.Equal(3, max.Index);

        // Eigenvalues −3, −1, 2, 4 in a random basis, critical point moved to (1, 2, 3, 4): index 2.
        var q = Quadratic.FromEigenvalues([-3.0, -1.0, 2.0, 4.0], seed: 5, minimizer: V(1, 2, 3, 4));
        var saddle = CriticalPoint.Classify(q, V(1, 2, 3, 4));
        Assert.Equal(CriticalPointKind.Saddle, saddle.Kind);
        Assert.Equal(2, saddle.Index);
        Assert.Contains("saddle of index 2", saddle.ToString());
    }

    [Fact]
    public void A_high_dimensional_saddle_gets_its_index_counted()
    {
        // 200-D Hessian Q diag(−17, …, −1, 1, …, 183) Qᵀ with Q random orthogonal: index 17 by construction.
        var eigenvalues = Enumerable.Range(-17, 201).Where(k => k != 0).Select(k => (double)k).ToArray();
        var q = Quadratic.RandomOrthogonal(200, seed: 200);
        var h = q * Matrix<double>.Build.DenseOfDiagonalArray(eigenvalues) * q.Transpose();
        h = (h + h.Transpose()) * 0.5;
        var zero = Vector<double>.Build.Dense(200);
        var p = CriticalPoint.Classify(zero, zero, h);
        Assert.Equal(CriticalPointKind.Saddle, p.Kind);
        Assert.Equal(17, p.Index);
        // Eigenvalues are exact to ~n·u·‖H‖ ≈ 1e-12; integers are recovered to 1e-8.
        Assert.Equal(-17.0, p.Eigenvalues[0], 8);
        Assert.Equal(183.0, p.Eigenvalues[^1], 8);
        Assert.Contains("saddle of index 17", p.ToString());
    }

    [Fact]
    public void Zero_eigenvalues_make_the_test_inconclusive_unless_both_signs_appear()
    {
        // Monkey saddle x³ − 3xy²: gradient and Hessian vanish at the origin.
        var monkey = CriticalPoint.Classify(new MonkeySaddle(), V(0, 0));
        Assert.Equal(CriticalPointKind.Degenerate, monkey.Kind);
        Assert.True(monkey.HasZeroEigenvalue);
        Assert.Contains("degenerate", monkey.ToString());

        // ½θᵀdiag(1, 0)θ: a valley floor, eigenvalues 0 and 1, no negative curvature: inconclusive.
        Assert.Equal(CriticalPointKind.Degenerate, CriticalPoint.Classify(Diagonal(1, 0), V(0, 0)).Kind);

        // diag(2, 0, −2): both signs already prove a saddle, whatever the zero direction does.
        var mixed = CriticalPoint.Classify(Diagonal(2, 0, -2), V(0, 0, 0));
        Assert.Equal(CriticalPointKind.Saddle, mixed.Kind);
        Assert.True(mixed.HasZeroEigenvalue);
    }

    public static TheoryData<string> CatalogueObjectives() =>
        ["SaddleQuadratic", "MonkeySaddle", "DegenerateSaddle", "IndexSaddle", "IndexSaddle(6, 2)", "BaityJesiValley", "Rosenbrock(4)"];

    private static Objective Make(string name) => name switch
    {
        "SaddleQuadratic" => new SaddleQuadratic(),
        "MonkeySaddle" => new MonkeySaddle(),
        "DegenerateSaddle" => new DegenerateSaddle(),
        "IndexSaddle" => new IndexSaddle(),
        "IndexSaddle(6, 2)" => new IndexSaddle(6, 2),
        "BaityJesiValley" => new BaityJesiValley(),
        _ => new Rosenbrock(4),
    };

    [Theory]
    [MemberData(nameof(CatalogueObjectives))]
    public void Classification_agrees_with_the_critical_points_the_objectives_declare(string name)
    {
        // The objectives state their critical points, indices and degeneracy from closed-form analysis
        // (Descent.Functions); the classifier must reach the same verdict from the gradient and Hessian alone.
        var f = Make(name);
        var points = f.KnownCriticalPoints.Count > 0
            ? f.KnownCriticalPoints.Select(c => (c.Theta, c.Index, c.IsDegenerate)).ToList()
            : f.KnownMinimizers.Select(m => (Theta: m, Index: 0, IsDegenerate: false)).ToList();
        Assert.NotEmpty(points);
        foreach (var (theta, index, isDegenerate) in points)
        {
            // Closed-form points have ‖∇L‖ at rounding level (≤ 1e-9·max(1, ‖θ‖∞), checked in AllObjectivesTests);
            // eigenvalues are exact to ~u·‖H‖, so 1e-9·max(1, ‖H‖) separates zero from any designed curvature.
            double gtol = 1e-8 * Math.Max(1.0, theta.InfinityNorm());
            double etol = 1e-9 * Math.Max(1.0, f.Hessian(theta).InfinityNorm());
            var p = CriticalPoint.Classify(f, theta, gtol, etol);
            Assert.True(p.IsCritical, p.ToString());
            Assert.Equal(index, p.Index);
            Assert.Equal(isDegenerate, p.HasZeroEigenvalue);
            var expected = isDegenerate ? (index > 0 && RandomMatrices.Eigenvalues(f.Hessian(theta))[^1] > etol ? CriticalPointKind.Saddle : CriticalPointKind.Degenerate)
                : index == 0 ? CriticalPointKind.Minimum
                : index == f.Dimension ? CriticalPointKind.Maximum
                : CriticalPointKind.Saddle;
            Assert.Equal(expected, p.Kind);
        }
    }

    [Fact]
    public void Tolerances_decide_what_counts_as_zero()
    {
        // Gradient (1e-9, 0) at θ = (5e-10, 0) for diag(2, 3): critical at the default 1e-8, not at 1e-10.
        var q = Diagonal(2, 3);
        Assert.Equal(CriticalPointKind.Minimum, CriticalPoint.Classify(q, V(5e-10, 0)).Kind);
        Assert.Equal(CriticalPointKind.NotCritical, CriticalPoint.Classify(q, V(5e-10, 0), gradientTolerance: 1e-10).Kind);
        // Eigenvalue 1e-6 is positive at tolerance 1e-8 but zero at tolerance 1e-5.
        var flat = Diagonal(1e-6, 1);
        Assert.Equal(CriticalPointKind.Minimum, CriticalPoint.Classify(flat, V(0, 0)).Kind);
        Assert.Equal(CriticalPointKind.Degenerate, CriticalPoint.Classify(flat, V(0, 0), eigenvalueTolerance: 1e-5).Kind);
    }

    [Fact]
    public void Bad_tolerances_and_objectives_without_hessian_are_rejected()
    {
        var q = Diagonal(1, 1);
        Assert.Equal("gradientTolerance",
            Assert.Throws<ArgumentOutOfRangeException>(() => CriticalPoint.Classify(q, V(0, 0), gradientTolerance: -1)).ParamName);
        Assert.Equal("eigenvalueTolerance",
            Assert.Throws<ArgumentOutOfRangeException>(() => CriticalPoint.Classify(q, V(0, 0), eigenvalueTolerance: double.NaN)).ParamName);
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => CriticalPoint.Classify(q, V(0, 0, 0))).ParamName);
        Assert.Throws<NotSupportedException>(() => CriticalPoint.Classify(new GradientOnlyRosenbrock(), V(1, 1)));
    }
}
