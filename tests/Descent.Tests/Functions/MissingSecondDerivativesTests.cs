using Descent.Curvature;
using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Functions;

/// <summary>
/// An objective that overrides neither HessianCore nor HessianVectorProductCore (a self-learner's "Extend this"
/// objective with value and gradient only): each default used to call the other until a stack overflow ended the
/// process. Now it reports no exact Hessian, fails with a message naming both members, and curvature tools fall back to
/// labelled finite differences.
/// </summary>
public sealed class MissingSecondDerivativesTests
{
    private static readonly Vector<double> Theta = Vector<double>.Build.DenseOfArray([0.5, -1.5]);
    private static readonly Vector<double> V = Vector<double>.Build.DenseOfArray([2.0, 1.0]);

    /// <summary>L(θ) = ½(θ₀² + 3θ₁²): value and gradient only, HasExactHessian not overridden.</summary>
    private sealed class ValueAndGradientOnly() : Objective(2, "ValueAndGradientOnly")
    {
        protected override double ValueCore(Vector<double> theta) => 0.5 * (theta[0] * theta[0] + 3 * theta[1] * theta[1]);

        protected override Vector<double> GradientCore(Vector<double> theta) =>
            Vector<double>.Build.DenseOfArray([theta[0], 3 * theta[1]]);
    }

    /// <summary>The same quadratic overriding only the product: the Hessian is assembled from it, as before.</summary>
    private sealed class ProductOnly() : Objective(2, "ProductOnly")
    {
        protected override double ValueCore(Vector<double> theta) => 0.5 * (theta[0] * theta[0] + 3 * theta[1] * theta[1]);

        protected override Vector<double> GradientCore(Vector<double> theta) =>
            Vector<double>.Build.DenseOfArray([theta[0], 3 * theta[1]]);

        protected override Vector<double> HessianVectorProductCore(Vector<double> theta, Vector<double> v) =>
            Vector<double>.Build.DenseOfArray([v[0], 3 * v[1]]);
    }

    [Fact]
    public void Overriding_neither_means_no_exact_Hessian()
    {
        Assert.False(new ValueAndGradientOnly().HasExactHessian);
        Assert.True(new ProductOnly().HasExactHessian);
        Assert.True(new Rosenbrock().HasExactHessian);
    }

    [Fact]
    public void Hessian_fails_with_a_message_naming_both_members_instead_of_overflowing_the_stack()
    {
        var f = new ValueAndGradientOnly();
        var hessian = Assert.Throws<NotSupportedException>(() => f.Hessian(Theta));
        Assert.Contains("HessianCore", hessian.Message, StringComparison.Ordinal);
        Assert.Contains("HessianVectorProductCore", hessian.Message, StringComparison.Ordinal);
        Assert.Contains("ValueAndGradientOnly", hessian.Message, StringComparison.Ordinal);
        Assert.Contains("finite differences", hessian.Message, StringComparison.Ordinal);
        var product = Assert.Throws<NotSupportedException>(() => f.HessianVectorProduct(Theta, V));
        Assert.Equal(hessian.Message, product.Message);
    }

    [Fact]
    public void Curvature_tools_fall_back_to_labelled_finite_differences()
    {
        var op = HessianOperator.ForObjective(new ValueAndGradientOnly(), Theta);
        Assert.Equal(HessianProductSource.FiniteDifference, op.Source);
        Assert.Contains("finite differences", op.Description, StringComparison.Ordinal);
        Assert.Contains("APPROXIMATE", op.ToString(), StringComparison.Ordinal);
        // H = diag(1, 3); the gradient is linear, so central differences have no truncation error and only rounding
        // (~u·‖∇L‖/h ≈ 1e-11 relative) remains: DerivativeCheck's 1e-6 leaves ample margin.
        DerivativeCheck.AssertClose(Vector<double>.Build.DenseOfArray([2.0, 3.0]), op.Apply(V), DerivativeCheck.RelativeTolerance, "FD HVP");
    }

    [Fact]
    public void Overriding_one_still_assembles_the_other()
    {
        var f = new ProductOnly();
        var h = f.Hessian(Theta);
        Assert.Equal(1.0, h[0, 0]);
        Assert.Equal(3.0, h[1, 1]);
        Assert.Equal(0.0, h[0, 1]);
        Assert.Equal(HessianProductSource.Exact, HessianOperator.ForObjective(f, Theta).Source);
    }
}
