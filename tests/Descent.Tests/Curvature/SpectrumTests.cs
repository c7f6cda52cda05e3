using Descent.Curvature;
using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Curvature;

public sealed class SpectrumTests
{
    private static Matrix<double> Diag(params double[] d) => Matrix<double>.Build.DenseOfDiagonalArray(d);

    [Fact]
    public void Eigenvalues_of_a_rotated_matrix_are_the_ones_it_was_built_from()
    {
        // A = Q diag(5, −1, 2) Qᵀ for a random orthogonal Q: the spectrum is {−1, 2, 5} by construction.
        var a = Quadratic.FromEigenvalues([5.0, -1.0, 2.0], seed: 7).A;
        var s = Spectrum.Of(a);
        // Symmetric QR eigensolver: backward error ~n·u·‖A‖ ≈ 1e-15; 1e-12 is a wide margin.
        Assert.Equal(-1.0, s.Eigenvalues[0], 12);
        Assert.Equal(2.0, s.Eigenvalues[1], 12);
        Assert.Equal(5.0, s.Eigenvalues[2], 12);
        Assert.Equal(6.0, s.Trace, 12);
        Assert.Equal(-10.0, s.Determinant, 11);
        Assert.True(s.IsIndefinite);
        Assert.False(s.IsPositiveDefinite);
        Assert.Equal(1, s.NegativeCount);
        Assert.Equal(5.0, s.ConditionNumber, 11); // |λ|max/|λ|min = 5/1
        Assert.Equal(5.0, s.SpectralNorm, 12);
        DerivativeCheck.AssertClose(a, s.Reconstruct(), 1e-12, "QΛQᵀ");
        var q = s.Eigenvectors;
        DerivativeCheck.AssertClose(Matrix<double>.Build.DenseIdentity(3), q.TransposeThisAndMultiply(q), 1e-12, "QᵀQ");
        DerivativeCheck.AssertClose(a * s.Eigenvector(0), -1.0 * s.Eigenvector(0), 1e-12, "A v₁ = λ₁ v₁");
    }

    [Fact]
    public void The_d2l_quadratic_has_condition_number_twenty()
    {
        // 0.1x₁² + 2x₂²: Hessian diag(0.2, 4), κ = 4/0.2 = 20, trace 4.2.
        var s = Spectrum.At(Quadratic.D2l(), Vector<double>.Build.Dense(2));
        Assert.True(s.IsPositiveDefinite);
        Assert.Equal(20.0, s.ConditionNumber, 12);
        Assert.Equal(4.2, s.Trace, 12);
        Assert.Contains("κ = λmax/λmin = 20", s.ToString());
        Assert.Contains("positive definite", s.ToString());
    }

    [Fact]
    public void Rosenbrock_hessian_at_the_minimum_has_the_hand_computed_eigenvalues()
    {
        // H(1, 1) = [[802, −400], [−400, 200]]: trace 1002, det 802·200 − 400² = 400,
        // λ = (1002 ± √(1002² − 4·400)) / 2.
        var s = Spectrum.At(new Rosenbrock(), Vector<double>.Build.DenseOfArray([1.0, 1.0]));
        double root = Math.Sqrt(1002.0 * 1002.0 - 1600.0);
        // Relative 1e-12 of λmax ≈ 1e3 → absolute 1e-9; λmin ≈ 0.4 is computed to ~u·‖H‖ ≈ 1e-13 absolute.
        Assert.Equal((1002 + root) / 2, s.Max, 9);
        Assert.Equal((1002 - root) / 2, s.Min, 9);
        Assert.Equal(400.0, s.Determinant, 8);
    }

    [Fact]
    public void A_zero_eigenvalue_makes_the_condition_number_infinite_and_is_named()
    {
        var s = Spectrum.Of(Diag(0.0, 3.0));
        Assert.Equal(double.PositiveInfinity, s.ConditionNumber);
        Assert.True(s.IsSingular);
        Assert.Equal("positive semidefinite, singular", s.Definiteness);
        Assert.Equal("negative definite", Spectrum.Of(Diag(-1.0, -3.0)).Definiteness);
        Assert.Equal("indefinite, singular", Spectrum.Of(Diag(-1.0, 0.0, 3.0)).Definiteness);
    }

    [Fact]
    public void Apply_maps_eigenvalues_through_a_function()
    {
        // |H| for H = diag(−2, 3) rotated: Q diag(2, 3) Qᵀ, which is what saddle-free Newton uses.
        var q = Quadratic.FromEigenvalues2D(-2, 3, 0.4);
        var abs = Spectrum.Of(q.A).Apply(Math.Abs);
        var expected = Quadratic.FromEigenvalues2D(2, 3, 0.4).A;
        DerivativeCheck.AssertClose(expected, abs, 1e-12, "|H|");
    }

    [Fact]
    public void Bad_input_is_rejected_by_name()
    {
        var nonSymmetric = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2.0 }, { 0.0, 1.0 } });
        Assert.Equal("symmetric", Assert.Throws<ArgumentException>(() => Spectrum.Of(nonSymmetric)).ParamName);
        Assert.Equal("symmetric", Assert.Throws<ArgumentException>(() => Spectrum.Of(Diag(1.0, double.NaN))).ParamName);
        Assert.Equal("symmetric", Assert.Throws<ArgumentException>(() => Spectrum.Of(Matrix<double>.Build.Dense(2, 3))).ParamName);
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => Spectrum.Of(Diag(1.0), -1)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => Spectrum.Of(Diag(1.0)).Eigenvector(1)).ParamName);
        Assert.Throws<NotSupportedException>(() => Spectrum.At(new GradientOnlyRosenbrock(), Vector<double>.Build.Dense(2)));
    }
}
