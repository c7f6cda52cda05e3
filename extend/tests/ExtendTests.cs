using Descent.Curvature;
using Descent.Functions;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace Descent.Extend.Tests;

// The checks a self-learner runs after editing extend/ChapterNN.cs:  dotnet test extend --filter ChapterNN
// Expected values come from the formulas in each task's description (docs/extend.md), never from the code.

public sealed class Chapter00
{
    [Fact]
    public void Squared_hinge_matches_its_formula_and_derivative()
    {
        Assert.Equal(4.0, SquaredHinge.Loss(-1.0), 12);     // (1 − (−1))² = 4
        Assert.Equal(0.25, SquaredHinge.Loss(0.5), 12);     // (1 − 0.5)² = 0.25
        Assert.Equal(0.0, SquaredHinge.Loss(2.0));          // margin beyond 1: no loss
        foreach (var m in new[] { -2.0, -0.3, 0.2, 0.9, 1.5 })
        {
            var numeric = (SquaredHinge.Loss(m + 1e-6) - SquaredHinge.Loss(m - 1e-6)) / 2e-6;
            Assert.Equal(numeric, SquaredHinge.Derivative(m), 6); // central difference error O(h²) ≈ 1e-12, rounding ≈ 1e-10
        }

        Assert.True(SquaredHinge.Loss(0.0) >= 1.0); // an upper bound of the 0-1 loss at the decision boundary
    }
}

public sealed class Chapter01
{
    [Fact]
    public void Jacobi_preconditioning_solves_an_axis_aligned_ravine_in_one_step()
    {
        var ravine = Quadratic.FromEigenvalues([1000.0, 1.0], Matrix<double>.Build.DenseIdentity(2), Vector<double>.Build.DenseOfArray([1.0, -2.0]));
        var optimizer = Optimizers.GradientDescent(1.0).Prepend(new ScaleByInverseDiagonal());
        var run = Trainer.Run(ravine, optimizer, Vector<double>.Build.DenseOfArray([5.0, 5.0]), new TrainingOptions { MaxSteps = 1 });

        Assert.True((run.Theta - ravine.Minimizer!).L2Norm() < 1e-9); // exact in exact arithmetic: H = diag, so D⁻¹H = I
    }
}

public sealed class Chapter02
{
    [Fact]
    public void The_tilted_double_well_has_exact_derivatives_and_a_spurious_minimum()
    {
        var well = new TiltedDoubleWell(0.3);
        foreach (var p in new[] { (0.3, -0.7), (-1.1, 0.4), (1.7, 2.0) })
        {
            var theta = Vector<double>.Build.DenseOfArray([p.Item1, p.Item2]);
            Assert.True((FiniteDifference.Gradient(well, theta) - well.Gradient(theta)).L2Norm() < 1e-6);   // central differences, h chosen by the library
            Assert.True((FiniteDifference.Hessian(well, theta) - well.Hessian(theta)).FrobeniusNorm() < 1e-4);
        }

        var options = new TrainingOptions { MaxSteps = 5000, GradientTolerance = 1e-10 };
        var left = Trainer.Run(well, Optimizers.GradientDescent(0.02), Vector<double>.Build.DenseOfArray([-0.5, 1.0]), options);
        var right = Trainer.Run(well, Optimizers.GradientDescent(0.02), Vector<double>.Build.DenseOfArray([0.5, 1.0]), options);
        Assert.True(left.Theta[0] < -0.9 && right.Theta[0] > 0.9);          // the two wells of (x² − 1)²
        Assert.True(right.Loss > left.Loss + 0.5);                           // the tilt raises the right well by ≈ 2a = 0.6
        Assert.True(well.Hessian(right.Theta).Evd().EigenValues.All(l => l.Real > 0)); // a true local minimum
    }
}

public sealed class Chapter03
{
    [Fact]
    public void A_negative_curvature_step_leaves_an_exact_saddle_where_gradient_descent_stays()
    {
        var saddle = new SaddleQuadratic(); // x² − y², saddle at the origin
        var origin = Vector<double>.Build.Dense(2);
        var plain = Trainer.Run(saddle, Optimizers.GradientDescent(0.1), origin, new TrainingOptions { MaxSteps = 50 });
        var escaping = Trainer.Run(saddle, Optimizers.GradientDescent(0.1).Prepend(new NegativeCurvatureStep()), origin, new TrainingOptions { MaxSteps = 50 });

        Assert.Equal(0.0, plain.Loss);                 // g = 0 exactly: plain GD never moves
        Assert.True(escaping.Loss < -1.0);             // it moved along y, where the loss falls like −y²
        Assert.True(Math.Abs(escaping.Theta[0]) < 1e-12);
    }
}

public sealed class Chapter04
{
    [Fact]
    public void Adaptive_clipping_cuts_a_spike_but_not_ordinary_steps()
    {
        var clip = new ClipByAdaptiveNorm(factor: 2.0);
        var bowl = Quadratic.FromEigenvalues([1.0, 1.0], Matrix<double>.Build.DenseIdentity(2));
        var theta = Vector<double>.Build.Dense(2);
        var context = new StepContext(bowl, theta, theta, 0.0, 0);
        var state = clip.Init(theta);
        Vector<double> U(double x, double y) => Vector<double>.Build.DenseOfArray([x, y]);

        (var first, state) = clip.Update(U(3, 4), state, context);     // norm 5, passes and starts the mean
        (var second, state) = clip.Update(U(0, 6), state, context);    // norm 6 ≤ 2·5: untouched
        (var spike, _) = clip.Update(U(0, 100), state, context);       // norm 100 > 2·5.5 = 11: clipped to 11

        Assert.Equal(5.0, first.L2Norm(), 12);
        Assert.Equal(6.0, second.L2Norm(), 12);
        Assert.Equal(11.0, spike.L2Norm(), 9);
        Assert.Equal(0.0, spike[0]);                                    // the direction is kept
    }
}

public sealed class Chapter05
{
    [Theory]
    [InlineData(0.9)]
    [InlineData(1.0)]
    [InlineData(1.1)]
    public void A_scaled_orthogonal_matrix_scales_every_vector_by_rho_per_step(double rho)
    {
        var w = ScaledOrthogonal.Create(8, rho, seed: 5);
        var x = Vector<double>.Build.Dense(8, i => i - 3.5);
        var wt = w.Power(30);

        Assert.Equal(Math.Pow(rho, 30) * x.L2Norm(), (wt * x).L2Norm(), 9);    // ‖ρ³⁰Q³⁰x‖ = ρ³⁰‖x‖; 30 products lose ≈ 1e-13 relative
        Assert.All(w.Evd().EigenValues, l => Assert.Equal(rho, l.Magnitude, 9)); // every |λ| = ρ
        Assert.Equal(w, ScaledOrthogonal.Create(8, rho, seed: 5));             // seeded: reproducible
    }
}

public sealed class Chapter06
{
    [Fact]
    public void Averaged_iterates_sit_closer_to_the_minimum_than_the_last_noisy_iterate()
    {
        var bowl = Quadratic.FromEigenvalues([1.0, 1.0], Matrix<double>.Build.DenseIdentity(2));
        var run = Trainer.Run(bowl, Optimizers.NoisyGradientDescent(0.2, standardDeviation: 1.0, seed: 3), Vector<double>.Build.DenseOfArray([3.0, 3.0]),
            new TrainingOptions { MaxSteps = 4000, RecordThetaEvery = 1 });
        var average = IterateAveraging.Average(run.Thetas, burnIn: 100);

        // Stationary variance per coordinate ε s²/(λ(2 − ελ)) = 0.2/1.8 ≈ 0.11, so ‖θ_T‖ ≈ 0.47 typically;
        // the average of ≈ 3900 correlated iterates has standard deviation ≈ s/(λ√T) ≈ 0.016 per coordinate.
        Assert.True(average.L2Norm() < 0.1);
        Assert.True(average.L2Norm() < run.Theta.L2Norm());
        Assert.Throws<ArgumentOutOfRangeException>(() => IterateAveraging.Average(run.Thetas, run.Thetas.Count));
    }
}

public sealed class Chapter07
{
    [Fact]
    public void The_bezier_path_starts_and_ends_at_the_solutions_and_bends_through_the_middle()
    {
        var a = Vector<double>.Build.DenseOfArray([0.0, 0.0]);
        var b = Vector<double>.Build.DenseOfArray([2.0, 0.0]);
        var c = Vector<double>.Build.DenseOfArray([1.0, 2.0]);

        Assert.Equal(a, BezierPath.Point(a, c, b, 0));
        Assert.Equal(b, BezierPath.Point(a, c, b, 1));
        Assert.Equal(Vector<double>.Build.DenseOfArray([1.0, 1.0]), BezierPath.Point(a, c, b, 0.5)); // ¼a + ½c + ¼b
        Assert.Equal(0.5, BezierPath.BendWeight(0.5), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => BezierPath.Point(a, c, b, 1.5));
    }
}

public sealed class Chapter08
{
    [Fact]
    public void Armijo_steps_decrease_rosenbrock_monotonically_without_knowing_M()
    {
        var rosenbrock = new Rosenbrock();
        var theta = Vector<double>.Build.DenseOfArray([-1.2, 1.0]);
        var previous = rosenbrock.Value(theta);
        for (var step = 0; step < 200; step++)
        {
            var g = rosenbrock.Gradient(theta);
            var alpha = Armijo.Step(rosenbrock, theta);
            var next = theta - alpha * g;
            Assert.True(rosenbrock.Value(next) <= previous - 1e-4 * alpha * g.DotProduct(g)); // the sufficient-decrease condition itself
            theta = next;
            previous = rosenbrock.Value(theta);
        }

        Assert.True(previous < rosenbrock.Value(Vector<double>.Build.DenseOfArray([-1.2, 1.0])) / 4);

        // On a quadratic with M = λmax = 10 the accepted step is at least 2β(1 − c)/M ≈ 0.1.
        var bowl = Quadratic.FromEigenvalues([10.0, 1.0], Matrix<double>.Build.DenseIdentity(2));
        Assert.True(Armijo.Step(bowl, Vector<double>.Build.DenseOfArray([1.0, 1.0])) >= 2 * 0.5 * (1 - 1e-4) / 10);
    }
}
