using Descent.Curvature;
using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Curvature;

public sealed class HessianOperatorTests
{
    private static readonly Vector<double> Theta = Vector<double>.Build.DenseOfArray([-0.7, 1.3]);
    private static readonly Vector<double> V = Vector<double>.Build.DenseOfArray([0.3, -2.0]);

    [Fact]
    public void Exact_products_are_used_when_the_objective_has_them()
    {
        var f = new Rosenbrock();
        var op = HessianOperator.ForObjective(f, Theta);
        Assert.Equal(HessianProductSource.Exact, op.Source);
        Assert.True(op.IsExact);
        // The same exact arithmetic as H·v: agreement to rounding.
        DerivativeCheck.AssertClose(f.Hessian(Theta) * V, op.Apply(V), 1e-13, "exact HVP");
        Assert.Equal(1, op.ProductCount);
        Assert.Contains("exact products", op.ToString());
    }

    [Fact]
    public void Without_exact_second_derivatives_the_product_is_a_flagged_finite_difference()
    {
        var op = HessianOperator.ForObjective(new GradientOnlyRosenbrock(), Theta);
        Assert.Equal(HessianProductSource.FiniteDifference, op.Source);
        Assert.False(op.IsExact);
        Assert.Contains("APPROXIMATE", op.ToString());
        // Central difference of an exact gradient: error ~r²·|∇³L|·‖v‖³ + u‖∇L‖/r ≈ 1e-8 relative; 1e-6 as in DerivativeCheck.
        DerivativeCheck.AssertClose(new Rosenbrock().Hessian(Theta) * V, op.Apply(V), DerivativeCheck.RelativeTolerance, "FD HVP");
        // And it can be forced, e.g. to compare the two.
        Assert.Equal(HessianProductSource.FiniteDifference, HessianOperator.ForObjective(new Rosenbrock(), Theta, forceFiniteDifference: true).Source);
    }

    [Fact]
    public void The_operator_is_bound_to_the_point_it_was_made_at()
    {
        var theta = Theta.Clone();
        var f = new Rosenbrock();
        var op = HessianOperator.ForObjective(f, theta);
        theta[0] = 5.0; // mutating the caller's vector afterwards must not move the operator
        DerivativeCheck.AssertClose(f.Hessian(Theta), op.ToMatrix(), 1e-13, "H assembled from products");
    }

    [Fact]
    public void Bad_input_is_rejected_by_name()
    {
        var op = HessianOperator.FromMatrix(Matrix<double>.Build.DenseIdentity(2));
        Assert.Equal(HessianProductSource.Matrix, op.Source);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => op.Apply(Vector<double>.Build.Dense(3))).ParamName);
        var nonSymmetric = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 1.0 }, { 0.0, 1.0 } });
        Assert.Equal("symmetric", Assert.Throws<ArgumentException>(() => HessianOperator.FromMatrix(nonSymmetric)).ParamName);
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => HessianOperator.ForObjective(new Rosenbrock(), Vector<double>.Build.Dense(3))).ParamName);
    }
}
