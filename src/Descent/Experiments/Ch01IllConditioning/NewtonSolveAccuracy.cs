using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="NewtonSolveAccuracy"/>.</summary>
public sealed record NewtonSolveParameters
{
    /// <summary>Condition numbers κ of the Hessians.</summary>
    public double[] Kappas { get; init; } = [1e2, 1e4, 1e6, 1e8, 1e10, 1e12, 1e14];

    /// <summary>Size n of each Hessian.</summary>
    public int Dimension { get; init; } = 50;

    /// <summary>Parameter counts for the cost table (a digits MLP, a small and a large network).</summary>
    public long[] ParameterCounts { get; init; } = [4_810, 1_000_000, 100_000_000];

    /// <summary>Seed of the rotations and the true Newton step.</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>One κ: the relative error of the computed Newton step H⁻¹g.</summary>
public sealed record NewtonSolveRow(double Kappa, double RelativeError, double RoundingScale);

/// <summary>Cost of one Newton step for a network with n parameters.</summary>
/// <param name="Parameters">n.</param>
/// <param name="HessianBytes">8n² bytes to store H in double precision.</param>
/// <param name="FactorizationFlops">≈ n³/3 floating-point operations for a Cholesky factorization.</param>
public sealed record NewtonCostRow(long Parameters, double HessianBytes, double FactorizationFlops);

/// <summary>The two tables of <see cref="NewtonSolveAccuracy"/>.</summary>
public sealed record NewtonSolveResult(IReadOnlyList<NewtonSolveRow> Accuracy, IReadOnlyList<NewtonCostRow> Cost, int Dimension) : IExperimentResult
{
    /// <inheritdoc />
    public string Summary =>
        $"Newton step H⁻¹g by LU in double precision, n = {Dimension}: " + string.Join(", ", Accuracy.Select(r => $"κ = {r.Kappa:0E0}: error {r.RelativeError:0.0E0}"))
        + ".\nCost: " + string.Join("; ", Cost.Select(c => $"n = {c.Parameters:N0}: H takes {Bytes(c.HessianBytes)}, factorizing it ≈ {c.FactorizationFlops:0.0E0} flops"));

    /// <inheritdoc />
    public ResultTable ToTable() => new(["kappa", "relative_error", "kappa_times_unit_roundoff"],
        [.. Accuracy.Select(r => new object[] { r.Kappa, r.RelativeError, r.RoundingScale })]);

    private static string Bytes(double b) => b switch
    {
        < 1e9 => $"{b / 1e6:0.#} MB",
        < 1e12 => $"{b / 1e9:0.#} GB",
        < 1e15 => $"{b / 1e12:0.#} TB",
        _ => $"{b / 1e15:0.#} PB",
    };

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>
/// Harakeh's two "non-deep" disadvantages of Newton's method, measured: inverting H is unstable when κ is large (the
/// computed step H⁻¹g loses about log₁₀κ digits: relative error ≈ κ·u, u = 1.1e-16), and it is expensive when H is large
/// (8n² bytes and ≈ n³/3 flops for n parameters).
/// </summary>
public sealed class NewtonSolveAccuracy : Experiment<NewtonSolveParameters, NewtonSolveResult>
{
    /// <summary>Unit roundoff of double precision, 2⁻⁵³.</summary>
    public const double UnitRoundoff = 1.1102230246251565e-16;

    /// <inheritdoc />
    public override string Name => "newton-accuracy";

    /// <inheritdoc />
    public override string Chapter => "01";

    /// <inheritdoc />
    public override string Summary => "Accuracy of the Newton step H⁻¹g against κ, and the memory and time one step needs.";

    /// <inheritdoc />
    public override NewtonSolveResult Run(NewtonSolveParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Kappas is not { Length: > 0 } || parameters.Kappas.Any(k => !(k >= 1) || !double.IsFinite(k)))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "Kappas must list finite values ≥ 1.");
        }

        if (parameters.Dimension < 2 || parameters.Dimension > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.Dimension, "Dimension must be in [2, 1000].");
        }

        int n = parameters.Dimension;
        var rows = new List<NewtonSolveRow>();
        foreach (var kappa in parameters.Kappas)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // H = Q diag(λ) Qᵀ with λ log-spaced from 1 to κ; the true step s is known, g = Hs is formed, and s is recovered.
            var eigen = Enumerable.Range(0, n).Select(i => Math.Pow(kappa, i / (n - 1.0))).ToArray();
            var gauss = new Random(parameters.Seed);
            var q = Matrix<double>.Build.Dense(n, n, (_, _) => MathNet.Numerics.Distributions.Normal.Sample(gauss, 0, 1)).QR().Q;
            var h = q * Matrix<double>.Build.DenseOfDiagonalArray(eigen) * q.Transpose();
            h = (h + h.Transpose()) / 2;
            var random = new Random(parameters.Seed + rows.Count);
            var step = Vector<double>.Build.Dense(n, _ => 2 * random.NextDouble() - 1);
            var solved = h.LU().Solve(h * step);
            rows.Add(new NewtonSolveRow(kappa, (solved - step).L2Norm() / step.L2Norm(), kappa * UnitRoundoff));
        }

        var cost = parameters.ParameterCounts.Select(p => new NewtonCostRow(p, 8.0 * p * p, Math.Pow(p, 3) / 3)).ToArray();
        return new NewtonSolveResult(rows, cost, n);
    }
}
