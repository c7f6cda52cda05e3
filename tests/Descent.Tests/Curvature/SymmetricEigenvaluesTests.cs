using Descent.Curvature;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Curvature;

public sealed class SymmetricEigenvaluesTests
{
    private static Matrix<double> RandomSymmetric(int n, int seed)
    {
        var rng = new Random(seed);
        var m = Matrix<double>.Build.Dense(n, n, (_, _) => 2 * rng.NextDouble() - 1);
        return m + m.Transpose();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(57)]
    [InlineData(200)]
    public void Agree_with_MathNet_on_random_symmetric_matrices(int n)
    {
        var a = RandomSymmetric(n, 20261125 + n);
        var expected = a.Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).Order().ToArray();
        var actual = SymmetricEigenvalues.Compute(a);
        // Both methods are backward stable: each eigenvalue is within ~c·n·u·‖A‖₂ of the truth
        // (Weyl). With ‖A‖₂ ≤ 2√n·… ≤ 30 and n ≤ 200, 1e-11·max(1, ‖A‖₂) leaves a wide margin over
        // n·u·‖A‖ ≈ 1.3e-12 while any algebra error in the reduction is O(1).
        double tol = 1e-11 * Math.Max(1, expected.Max(Math.Abs));
        Assert.Equal(n, actual.Length);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(expected[i], actual[i], tol);
        }
    }

    [Fact]
    public void Recover_a_prescribed_spectrum_with_repeats_and_zeros()
    {
        // A = Q diag(λ) Qᵀ with Q orthogonal (QR of a Gaussian matrix); the spectrum is known exactly.
        double[] lambda = [-3, -3, 0, 0, 0, 1e-6, 2, 5, 5, 100];
        var rng = new Random(4);
        var g = Matrix<double>.Build.Dense(10, 10, (_, _) => rng.NextDouble() - 0.5);
        var q = g.QR().Q;
        var a = q * Matrix<double>.Build.DenseOfDiagonalArray(lambda) * q.Transpose();
        var actual = SymmetricEigenvalues.Compute(a);
        // Forming A costs ~10·u·100 ≈ 2e-13 of asymmetry and error; 1e-11 is a safe bound at ‖A‖ = 100.
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(lambda[i], actual[i], 1e-11);
        }
    }

    [Fact]
    public void Diagonal_tridiagonal_and_zero_rows_take_the_trivial_reflector_paths()
    {
        var diag = Matrix<double>.Build.DenseOfDiagonalArray([3, -1, 2, 0]);
        Assert.Equal([-1, 0, 2, 3], SymmetricEigenvalues.Compute(diag));
        // The 3×3 path graph Laplacian-like matrix tridiag(1, 2, 1): eigenvalues 2 + 2cos(kπ/4), k = 1, 2, 3.
        var t = Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 1, 0 }, { 1, 2, 1 }, { 0, 1, 2 } });
        var ev = SymmetricEigenvalues.Compute(t);
        double[] expected = [2 - Math.Sqrt(2), 2, 2 + Math.Sqrt(2)];
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i], ev[i], 1e-14); // a 3×3 of small integers: a few ulps
        }

        Assert.Equal([0.0, 0.0, 0.0], SymmetricEigenvalues.Compute(Matrix<double>.Build.Dense(3, 3)));
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        Assert.Equal("symmetric", Assert.Throws<ArgumentException>(() => SymmetricEigenvalues.Compute(Matrix<double>.Build.Dense(2, 3))).ParamName);
        var m = Matrix<double>.Build.Dense(2, 2);
        m[1, 0] = double.NaN;
        Assert.Equal("symmetric", Assert.Throws<ArgumentException>(() => SymmetricEigenvalues.Compute(m)).ParamName);
    }

    [Fact]
    public void Lapack_and_managed_paths_agree_on_a_large_matrix()
    {
        // environment/apt-packages.txt installs libopenblas0-pthread, so the platform LAPACK must be found here.
        Assert.True(SymmetricEigenvalues.LapackAvailable, "no platform LAPACK found (apt-get install libopenblas0-pthread)");
        Assert.Contains("dsyevd", SymmetricEigenvalues.LapackDescription);
        int n = SymmetricEigenvalues.LapackMinimumOrder + 88;
        Assert.Equal(SymmetricEigenvalues.Solver.Lapack, SymmetricEigenvalues.PathFor(n));
        Assert.Equal(SymmetricEigenvalues.Solver.Managed, SymmetricEigenvalues.PathFor(n - 100));
        var a = RandomSymmetric(n, 16);
        var copy = a.Clone();
        var lapack = SymmetricEigenvalues.Compute(a);
        var managed = SymmetricEigenvalues.Compute(a, SymmetricEigenvalues.Solver.Managed);
        Assert.Equal(copy, a); // the input is copied, not overwritten by LAPACK
        // Both solvers are backward stable: each returns the eigenvalues of A + E with ‖E‖₂ ≲ c·n·u·‖A‖₂, so by Weyl they
        // differ by at most about 2·c·n·u·‖A‖₂ = 2·c·600·1.1e-16·‖A‖₂ ≈ 1.3e-13·c·‖A‖₂; 1e-12·‖A‖₂ allows c ≈ 7 while
        // a wrong argument (uplo, leading dimension, a missed entry) moves eigenvalues by O(1)·‖A‖₂.
        double norm = Math.Max(Math.Abs(managed[0]), Math.Abs(managed[^1]));
        Assert.Equal(n, lapack.Length);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(managed[i], lapack[i], 1e-12 * norm);
        }

        for (int i = 1; i < n; i++)
        {
            Assert.True(lapack[i - 1] <= lapack[i]);
        }
    }

    [Fact]
    public void Explicit_lapack_path_works_on_small_matrices_and_rejects_bad_input()
    {
        var t = Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 1, 0 }, { 1, 2, 1 }, { 0, 1, 2 } });
        var ev = SymmetricEigenvalues.Compute(t, SymmetricEigenvalues.Solver.Lapack);
        double[] expected = [2 - Math.Sqrt(2), 2, 2 + Math.Sqrt(2)];
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i], ev[i], 1e-14); // a 3×3 of small integers: a few ulps
        }

        var m = Matrix<double>.Build.Dense(600, 600);
        m[599, 0] = double.PositiveInfinity;
        Assert.Equal("symmetric", Assert.Throws<ArgumentException>(() => SymmetricEigenvalues.Compute(m)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => SymmetricEigenvalues.PathFor(3, (SymmetricEigenvalues.Solver)7));
    }

    [Fact]
    public void Without_lapack_the_managed_solver_is_the_path()
    {
        // What a machine without liblapack.so.3 sees: nothing binds, and Auto falls back to the managed solver at any size.
        Assert.Equal((null, null), PlatformLapack.TryBind(["libdescent-no-such-lapack.so.3"]));
        Assert.Equal((null, null), PlatformLapack.TryBind(OperatingSystem.IsLinux() ? ["libc.so.6"] : [])); // loads, but has no dsyevd
        Assert.Equal(SymmetricEigenvalues.Solver.Managed, SymmetricEigenvalues.PathFor(5000, SymmetricEigenvalues.Solver.Auto, lapackAvailable: false));
        Assert.Equal(SymmetricEigenvalues.Solver.Lapack, SymmetricEigenvalues.PathFor(5000, SymmetricEigenvalues.Solver.Auto, lapackAvailable: true));
    }
}
