using System.Runtime.InteropServices;

namespace Descent.Curvature;

/// <summary>
/// The platform's LAPACK, found at run time: Debian/Ubuntu's <c>liblapack.so.3</c> (whichever implementation
/// update-alternatives selects: OpenBLAS from <c>libopenblas0-pthread</c>, or Netlib from <c>liblapack3</c>),
/// <c>libopenblas.so.0</c>, macOS Accelerate, or <c>libopenblas.dll</c>/<c>liblapack.dll</c> on Windows. Only the
/// symmetric eigenvalue driver is bound: <c>dsyevd_2stage</c> (LAPACK ≥ 3.7: a BLAS-3 reduction to a band, then to
/// tridiagonal form; eigenvalues only), else <c>dsyevd</c>. When nothing loads, <see cref="IsAvailable"/> is false and
/// callers use the managed solver.
/// </summary>
internal static class PlatformLapack
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void Dsyevd(ref byte jobz, ref byte uplo, ref int n, [In, Out] double[] a, ref int lda, [Out] double[] w,
        [Out] double[] work, ref int lwork, [Out] int[] iwork, ref int liwork, out int info, nuint jobzLength, nuint uploLength);

    private static readonly Lazy<(Dsyevd? Solver, string? Description)> Bound = new(Bind);

    /// <summary>True when a LAPACK library with a symmetric eigenvalue driver was loaded.</summary>
    public static bool IsAvailable => Bound.Value.Solver is not null;

    /// <summary>"dsyevd_2stage in liblapack.so.3" or similar; null when no LAPACK was found.</summary>
    public static string? Description => Bound.Value.Description;

    /// <summary>Set to a non-empty value, the environment variable <c>DESCENT_NO_LAPACK</c> keeps the platform LAPACK
    /// unloaded (the managed solver runs everywhere): to compare both paths, or to rule LAPACK out.</summary>
    public const string DisableVariable = "DESCENT_NO_LAPACK";

    private static IEnumerable<string> Candidates()
    {
        if (OperatingSystem.IsMacOS())
        {
            yield return "/System/Library/Frameworks/Accelerate.framework/Accelerate";
            yield return "libopenblas.dylib";
            yield return "liblapack.dylib";
        }
        else if (OperatingSystem.IsWindows())
        {
            yield return "libopenblas.dll";
            yield return "liblapack.dll";
        }
        else
        {
            yield return "liblapack.so.3";
            yield return "libopenblas.so.0";
            yield return "liblapack.so";
        }
    }

    private static (Dsyevd?, string?) Bind() =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable(DisableVariable)) ? Bind(Candidates()) : (null, null);

    /// <summary>The first of <paramref name="libraries"/> that loads and exports a driver (null, null when none does).</summary>
    internal static (Delegate? Solver, string? Description) TryBind(IEnumerable<string> libraries) => Bind(libraries);

    private static (Dsyevd?, string?) Bind(IEnumerable<string> libraries)
    {
        foreach (var name in libraries)
        {
            if (!NativeLibrary.TryLoad(name, out var handle))
            {
                continue;
            }

            foreach (var symbol in new[] { "dsyevd_2stage_", "dsyevd_" })
            {
                if (NativeLibrary.TryGetExport(handle, symbol, out var address))
                {
                    return (Marshal.GetDelegateForFunctionPointer<Dsyevd>(address), $"{symbol.TrimEnd('_')} in {name}");
                }
            }
        }
        return (null, null);
    }

    /// <summary>The eigenvalues (ascending) of the n × n symmetric matrix whose lower triangle is in
    /// <paramref name="columnMajor"/> (overwritten). Returns null when no LAPACK is loaded.</summary>
    /// <exception cref="ArithmeticException">LAPACK reports that the algorithm failed to converge (info &gt; 0).</exception>
    public static double[]? Eigenvalues(double[] columnMajor, int n)
    {
        var solver = Bound.Value.Solver;
        if (solver is null)
        {
            return null;
        }

        byte jobz = (byte)'N', uplo = (byte)'L';
        int lda = Math.Max(1, n), lwork = -1, liwork = -1;
        var w = new double[n];
        var workQuery = new double[1];
        var iworkQuery = new int[1];
        solver(ref jobz, ref uplo, ref n, columnMajor, ref lda, w, workQuery, ref lwork, iworkQuery, ref liwork, out int info, 1, 1);
        if (info != 0)
        {
            throw new InvalidOperationException($"LAPACK's workspace query failed (info = {info}).");
        }

        lwork = Math.Max(1, (int)workQuery[0]);
        liwork = Math.Max(1, iworkQuery[0]);
        var work = new double[lwork];
        var iwork = new int[liwork];
        solver(ref jobz, ref uplo, ref n, columnMajor, ref lda, w, work, ref lwork, iwork, ref liwork, out info, 1, 1);
        if (info > 0)
        {
            throw new ArithmeticException($"LAPACK's symmetric eigenvalue solver did not converge (info = {info}).");
        }

        if (info < 0)
        {
            throw new InvalidOperationException($"LAPACK rejected argument {-info} of its symmetric eigenvalue solver.");
        }

        GC.KeepAlive(columnMajor);
        return w;
    }
}
