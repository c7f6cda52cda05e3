using SimdVector = System.Numerics.Vector;
using SimdDouble = System.Numerics.Vector<double>;
using System.Runtime.InteropServices;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Curvature;

/// <summary>
/// All eigenvalues (no eigenvectors) of a real symmetric matrix, fast enough for the full Hessian of a
/// real network (n ≈ 2,400 in a few seconds on one core): Householder reduction to tridiagonal form
/// Qᵀ A Q = T, then the implicit QL algorithm with Wilkinson shifts on T.
/// </summary>
/// <remarks>
/// <para>Reduction (as in EISPACK tred1, from the last row up): step i annihilates A[i, 0..i−2] with the
/// reflector P = I − β u uᵀ and updates the leading block A ← A − u wᵀ − w uᵀ with p = β A u,
/// w = p − (β/2)(pᵀu) u. Only the lower triangle is stored and touched, row by row with SIMD, and the
/// symmetric product A u of the next step is accumulated in the same sweep as the update, so each step
/// reads and writes the leading block once (the cost is memory traffic ≈ n³/6 reads and writes).</para>
/// <para>Backward stable: the computed eigenvalues are exact for A + E with ‖E‖₂ ≈ c·n·u·‖A‖₂ (u = 2⁻⁵³).
/// Use <see cref="Spectrum"/> when eigenvectors are needed too.</para>
/// <para>For large matrices (n ≥ <see cref="LapackMinimumOrder"/>) the platform's LAPACK is called instead when one is
/// installed (<see cref="Solver"/>, <see cref="PathFor(int, Solver)"/> says which path runs): its blocked two-stage reduction runs at
/// BLAS-3 speed, about 3× the managed reduction at n ≈ 2,400.</para>
/// </remarks>
public static class SymmetricEigenvalues
{
    /// <summary>Which implementation computes the eigenvalues.</summary>
    public enum Solver
    {
        /// <summary>The platform LAPACK for matrices of order ≥ <see cref="LapackMinimumOrder"/> when one is loaded
        /// (<see cref="LapackAvailable"/>), the managed solver otherwise.</summary>
        Auto,

        /// <summary>Descent's own solver (this class's remarks): the same bits on every machine.</summary>
        Managed,

        /// <summary>The platform LAPACK (<c>dsyevd_2stage</c> or <c>dsyevd</c>, eigenvalues only); throws when none is loaded.</summary>
        Lapack,
    }

    /// <summary>The smallest order n for which <see cref="Solver.Auto"/> uses LAPACK. Below it the managed solver takes
    /// milliseconds anyway, and its results are bit-for-bit the same on every machine (LAPACK's depend on the library the
    /// machine has installed), so the course's small examples and the Safran–Shamir end-point classification (n ≤ 400)
    /// give the same digits everywhere.</summary>
    public const int LapackMinimumOrder = 512;

    /// <summary>True when a platform LAPACK was found (Debian: <c>liblapack3</c> or <c>libopenblas0-pthread</c>; macOS:
    /// Accelerate). The environment variable <c>DESCENT_NO_LAPACK=1</c> turns it off.</summary>
    public static bool LapackAvailable => PlatformLapack.IsAvailable;

    /// <summary>The LAPACK routine and library that <see cref="Solver.Lapack"/> calls ("dsyevd_2stage in liblapack.so.3"),
    /// or null when none is loaded.</summary>
    public static string? LapackDescription => PlatformLapack.Description;

    /// <summary>The path <see cref="Compute(Matrix{double}, Solver)"/> takes for an n × n matrix with <paramref name="solver"/>:
    /// <see cref="Solver.Managed"/> or <see cref="Solver.Lapack"/>.</summary>
    public static Solver PathFor(int n, Solver solver = Solver.Auto) => PathFor(n, solver, PlatformLapack.IsAvailable);

    internal static Solver PathFor(int n, Solver solver, bool lapackAvailable) => solver switch
    {
        Solver.Auto => n >= LapackMinimumOrder && lapackAvailable ? Solver.Lapack : Solver.Managed,
        Solver.Managed or Solver.Lapack => solver,
        _ => throw new ArgumentOutOfRangeException(nameof(solver), solver, "solver must be Auto, Managed or Lapack."),
    };

    /// <summary>The eigenvalues λ₁ ≤ … ≤ λₙ of the symmetric matrix <paramref name="symmetric"/> (its lower
    /// triangle is read; the matrix is not changed).</summary>
    /// <exception cref="ArgumentException">Not square, empty, or a non-finite entry in the lower triangle.</exception>
    /// <exception cref="ArithmeticException">The QL iteration did not converge (not observed for finite input).</exception>
    public static double[] Compute(Matrix<double> symmetric) => Compute(symmetric, Solver.Auto);

    /// <summary>The eigenvalues λ₁ ≤ … ≤ λₙ of <paramref name="symmetric"/> (lower triangle read, matrix unchanged) by the
    /// chosen <paramref name="solver"/>. Both paths are backward stable: each eigenvalue is that of a matrix within
    /// c·n·u·‖A‖₂ of A (u = 2⁻⁵³), so they agree to about n·u·‖A‖₂ (≈ 5e-13·‖A‖₂ at n = 2442).</summary>
    /// <exception cref="ArgumentException">Not square, empty, or a non-finite entry in the lower triangle.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Solver.Lapack"/> was asked for but no LAPACK is loaded.</exception>
    /// <exception cref="ArithmeticException">The iteration did not converge (not observed for finite input).</exception>
    public static double[] Compute(Matrix<double> symmetric, Solver solver)
    {
        ArgumentNullException.ThrowIfNull(symmetric);
        int n = symmetric.RowCount;
        if (n == 0 || symmetric.ColumnCount != n)
        {
            throw new ArgumentException($"symmetric must be a non-empty square matrix, but it is {symmetric.RowCount}×{symmetric.ColumnCount}.", nameof(symmetric));
        }

        var path = PathFor(n, solver);
        if (path == Solver.Lapack && !PlatformLapack.IsAvailable)
        {
            throw new InvalidOperationException(
                "no platform LAPACK was found (Debian: apt-get install liblapack3 or libopenblas0-pthread); use Solver.Auto or Solver.Managed.");
        }

        var columnMajor = symmetric.Storage is MathNet.Numerics.LinearAlgebra.Storage.DenseColumnMajorMatrixStorage<double> dense ? dense.Data : null;
        if (path == Solver.Lapack)
        {
            return ComputeLapack(symmetric, columnMajor, n);
        }
        // Packed lower triangle, row i at offset i(i+1)/2, so row i is contiguous (length i + 1).
        var a = new double[(long)n * (n + 1) / 2];
        for (int i = 0; i < n; i++)
        {
            long row = (long)i * (i + 1) / 2;
            for (int j = 0; j <= i; j++)
            {
                double x = columnMajor is null ? symmetric[i, j] : columnMajor[(long)j * n + i];
                if (!double.IsFinite(x))
                {
                    throw new ArgumentException($"symmetric[{i}, {j}] is {x}; entries must be finite.", nameof(symmetric));
                }

                a[row + j] = x;
            }
        }
        var d = new double[n];
        var e = new double[n];
        Tridiagonalize(a, n, d, e);
        TridiagonalQl(d, e);
        Array.Sort(d);
        return d;
    }

    private static double[] ComputeLapack(Matrix<double> symmetric, double[]? columnMajor, int n)
    {
        // LAPACK overwrites its input: copy the lower triangle (column j from row j down) into a column-major buffer.
        var a = new double[(long)n * n];
        for (int j = 0; j < n; j++)
        {
            long column = (long)j * n;
            for (int i = j; i < n; i++)
            {
                double x = columnMajor is null ? symmetric[i, j] : columnMajor[column + i];
                if (!double.IsFinite(x))
                {
                    throw new ArgumentException($"symmetric[{i}, {j}] is {x}; entries must be finite.", nameof(symmetric));
                }

                a[column + i] = x;
            }
        }
        var w = PlatformLapack.Eigenvalues(a, n)!;
        Array.Sort(w); // LAPACK returns them ascending already; sorting makes the contract independent of the library
        return w;
    }

    private static Span<double> Row(double[] a, int i) => a.AsSpan((int)((long)i * (i + 1) / 2), i + 1);

    /// <summary>Reduces the packed lower triangle to tridiagonal form: d = diagonal, e[i] = T[i, i−1] (e[0] = 0).</summary>
    private static void Tridiagonalize(double[] a, int n, double[] d, double[] e)
    {
        var u = new double[n];
        var p = new double[n];
        var pNext = new double[n];
        var uNext = new double[n];
        // Reflector for row n−1, and p = A u over the leading (n−1)×(n−1) block, in a first sweep.
        double beta = Reflector(Row(a, n - 1)[..(n - 1)], u, out e[n - 1]);
        d[n - 1] = Row(a, n - 1)[n - 1];
        if (n >= 2 && beta != 0)
        {
            Array.Clear(p);
            for (int r = 0; r < n - 1; r++)
            {
                var row = Row(a, r);
                p[r] += Dot(row, u.AsSpan(0, r + 1));
                if (r > 0)
                {
                    Axpy(u[r], row[..r], p.AsSpan(0, r));
                }
            }
        }
        for (int i = n - 1; i >= 1; i--)
        {
            int l = i; // the leading block is l × l (rows and columns 0 … l−1)
            double betaNext = 0, eNext = 0;
            bool haveNext = false;
            if (beta != 0)
            {
                // w = βp − (β²/2)(pᵀu) u; the block update is A ← A − u wᵀ − w uᵀ.
                double k = 0.5 * beta * beta * Dot(p.AsSpan(0, l), u.AsSpan(0, l));
                for (int j = 0; j < l; j++)
                {
                    p[j] = beta * p[j] - k * u[j]; // p now holds w
                }
            }
            // Sweep rows l−1 down to 0: update, and as soon as row l−1 is final, build the next reflector and
            // accumulate its product with the (already updated) rows.
            for (int r = l - 1; r >= 0; r--)
            {
                var row = Row(a, r);
                if (beta != 0)
                {
                    Axpy(-u[r], p.AsSpan(0, r + 1), row);
                    Axpy(-p[r], u.AsSpan(0, r + 1), row);
                }
                if (r == l - 1)
                {
                    d[r] = row[r];
                    if (r >= 1)
                    {
                        betaNext = Reflector(row[..r], uNext, out eNext);
                        haveNext = true;
                        Array.Clear(pNext, 0, r);
                    }
                }
                else if (haveNext && betaNext != 0)
                {
                    pNext[r] += Dot(row, uNext.AsSpan(0, r + 1));
                    if (r > 0)
                    {
                        Axpy(uNext[r], row[..r], pNext.AsSpan(0, r));
                    }
                }
            }
            if (!haveNext)
            {
                break;
            }

            e[l - 1] = eNext;
            beta = betaNext;
            (u, uNext) = (uNext, u);
            (p, pNext) = (pNext, p);
        }
        e[0] = 0;
    }

    /// <summary>Householder vector u (written to u[0..m−1]) and β with (I − βuuᵀ)x = α e_{m−1}; β = 0 when x is
    /// already a multiple of e_{m−1}. Returns β; α is the new sub-diagonal entry.</summary>
    private static double Reflector(Span<double> x, double[] u, out double alpha)
    {
        int m = x.Length;
        double scale = 0;
        for (int j = 0; j < m; j++)
        {
            scale = Math.Max(scale, Math.Abs(x[j]));
        }

        double last = m > 0 ? x[m - 1] : 0;
        if (m == 0 || scale == 0)
        {
            alpha = last;
            for (int j = 0; j < m; j++)
            {
                u[j] = 0;
            }

            return 0;
        }
        double head = 0;
        for (int j = 0; j < m - 1; j++) { double s = x[j] / scale; head += s * s; }
        if (head == 0)
        {
            alpha = last;
            for (int j = 0; j < m; j++)
            {
                u[j] = 0;
            }

            return 0;
        }
        double ls = last / scale;
        double norm = scale * Math.Sqrt(head + ls * ls);
        alpha = last >= 0 ? -norm : norm;
        for (int j = 0; j < m - 1; j++)
        {
            u[j] = x[j];
        }

        u[m - 1] = last - alpha;
        // β = 2/‖u‖² with ‖u‖² = 2(norm² + |last|·norm) = 2·norm·(norm + |last|).
        return 1.0 / (norm * (norm + Math.Abs(last)));
    }

    /// <summary>Eigenvalues of the symmetric tridiagonal matrix (d, e) in place (d), e[i] = T[i, i−1]:
    /// implicit QL with Wilkinson shifts (EISPACK tql1).</summary>
    private static void TridiagonalQl(double[] d, double[] e)
    {
        int n = d.Length;
        for (int i = 1; i < n; i++)
        {
            e[i - 1] = e[i];
        }

        e[n - 1] = 0;
        for (int l = 0; l < n; l++)
        {
            int iterations = 0;
            int m;
            do
            {
                for (m = l; m < n - 1; m++)
                {
                    double dd = Math.Abs(d[m]) + Math.Abs(d[m + 1]);
                    if (Math.Abs(e[m]) <= double.Epsilon || Math.Abs(e[m]) <= 1.1102230246251565e-16 * dd)
                    {
                        break;
                    }
                }
                if (m != l)
                {
                    if (++iterations > 60)
                    {
                        throw new ArithmeticException("the tridiagonal QL iteration did not converge in 60 steps.");
                    }

                    double g = (d[l + 1] - d[l]) / (2.0 * e[l]);
                    double r = Hypot(g, 1.0);
                    g = d[m] - d[l] + e[l] / (g + (g >= 0 ? Math.Abs(r) : -Math.Abs(r)));
                    double s = 1, c = 1, p = 0;
                    int i;
                    for (i = m - 1; i >= l; i--)
                    {
                        double f = s * e[i], b = c * e[i];
                        e[i + 1] = r = Hypot(f, g);
                        if (r == 0)
                        {
                            d[i + 1] -= p;
                            e[m] = 0;
                            break;
                        }
                        s = f / r;
                        c = g / r;
                        g = d[i + 1] - p;
                        r = (d[i] - g) * s + 2.0 * c * b;
                        d[i + 1] = g + (p = s * r);
                        g = c * r - b;
                    }
                    if (r == 0 && i >= l)
                    {
                        continue;
                    }

                    d[l] -= p;
                    e[l] = g;
                    e[m] = 0;
                }
            } while (m != l);
        }
    }

    private static double Hypot(double a, double b)
    {
        double x = Math.Abs(a), y = Math.Abs(b);
        if (x < y)
        {
            (x, y) = (y, x);
        }

        if (x == 0)
        {
            return 0;
        }

        double t = y / x;
        return x * Math.Sqrt(1 + t * t);
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length, i = 0;
        double sum = 0;
        if (SimdVector.IsHardwareAccelerated && n >= 2 * SimdDouble.Count)
        {
            var vx = MemoryMarshal.Cast<double, SimdDouble>(x);
            var vy = MemoryMarshal.Cast<double, SimdDouble>(y[..n]);
            SimdDouble acc0 = SimdDouble.Zero, acc1 = SimdDouble.Zero;
            int k = 0;
            for (; k + 1 < vx.Length; k += 2)
            {
                acc0 += vx[k] * vy[k];
                acc1 += vx[k + 1] * vy[k + 1];
            }
            if (k < vx.Length)
            {
                acc0 += vx[k] * vy[k];
            }

            sum = SimdVector.Sum(acc0 + acc1);
            i = vx.Length * SimdDouble.Count;
        }
        for (; i < n; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary>y += a·x.</summary>
    private static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        int n = x.Length, i = 0;
        if (SimdVector.IsHardwareAccelerated && n >= SimdDouble.Count)
        {
            var vx = MemoryMarshal.Cast<double, SimdDouble>(x);
            var vy = MemoryMarshal.Cast<double, SimdDouble>(y[..n]);
            var va = new SimdDouble(a);
            for (int k = 0; k < vx.Length; k++)
            {
                vy[k] += va * vx[k];
            }

            i = vx.Length * SimdDouble.Count;
        }
        for (; i < n; i++)
        {
            y[i] += a * x[i];
        }
    }
}
