using Descent.Curvature;
using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="FlatSharpPerturbation"/>.</summary>
public sealed record FlatSharpPerturbationParameters
{
    /// <summary>Dimension n of <see cref="FlatAndSharpMinima"/> (≥ 1).</summary>
    public int Dimension { get; init; } = 10;

    /// <summary>Width σ_a of the flat minimum.</summary>
    public double FlatWidth { get; init; } = 1.0;

    /// <summary>Width σ_b of the sharp minimum.</summary>
    public double SharpWidth { get; init; } = 0.15;

    /// <summary>Perturbation sizes δ = ‖ξ‖ (each &gt; 0).</summary>
    public double[] Radii { get; init => field = Guard.AllPositive(value, nameof(Radii)); } = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0];

    /// <summary>Random directions per size (≥ 1).</summary>
    public int Directions { get; init => field = Guard.AtLeast(value, 1, nameof(Directions)); } = 200;

    /// <summary>Seed of the directions.</summary>
    public int Seed { get; init; } = 2;
}

/// <summary>One perturbation size: mean loss increase at each minimum, and the quadratic prediction δ²·tr H/(2n).</summary>
public sealed record FlatSharpRow(double Radius, double FlatIncrease, double FlatPredicted, double SharpIncrease, double SharpPredicted);

/// <summary>Result of <see cref="FlatSharpPerturbation"/>.</summary>
/// <param name="Rows">One row per δ.</param>
/// <param name="FlatLoss">L at the flat minimizer (0).</param>
/// <param name="SharpLoss">L at the sharp minimizer (0).</param>
/// <param name="FlatTrace">tr ∇²L at the flat minimizer, from the exact Hessian.</param>
/// <param name="SharpTrace">tr ∇²L at the sharp minimizer.</param>
public sealed record FlatSharpPerturbationResult(IReadOnlyList<FlatSharpRow> Rows, double FlatLoss, double SharpLoss, double FlatTrace, double SharpTrace)
    : IExperimentResult
{
    /// <inheritdoc />
    public string Summary =>
        $"both minima have L = {FlatLoss:G3} and {SharpLoss:G3}; tr H = {FlatTrace:G4} (flat) vs {SharpTrace:G4} (sharp), ratio {SharpTrace / FlatTrace:G3}; " +
        $"a random perturbation of size {Rows[^1].Radius:G3} raises L by {Rows[^1].FlatIncrease:G3} (flat) vs {Rows[^1].SharpIncrease:G3} (sharp)";

    /// <inheritdoc />
    public ResultTable ToTable() => new(["radius", "flat_increase", "flat_predicted", "sharp_increase", "sharp_predicted"],
        Rows.Select(r => (IReadOnlyList<object>)[r.Radius, r.FlatIncrease, r.FlatPredicted, r.SharpIncrease, r.SharpPredicted]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + ToTable();
}

/// <summary>
/// Flat vs sharp minima (the UvA notes, "Challenges of optimizing deep neural networks"; Hochreiter &amp; Schmidhuber 1997; Keskar et al. 2017, arXiv:1609.04836): two global minima
/// with the same loss 0 but Hessian traces far apart, and the mean loss increase when the weights are moved by a random ξ of
/// size δ. For a small δ, E[L(θ* + ξ)] − L(θ*) ≈ ½E[ξᵀHξ] = δ²·tr H/(2n) (ξ uniform on the sphere, E[ξξᵀ] = δ²I/n), so
/// the sharp minimum pays tr H_sharp/tr H_flat times more; for a large δ both losses saturate at the plateau.
/// </summary>
public sealed class FlatSharpPerturbation : Experiment<FlatSharpPerturbationParameters, FlatSharpPerturbationResult>
{
    /// <inheritdoc />
    public override string Name => "flat-vs-sharp";

    /// <inheritdoc />
    public override string Chapter => "03";

    /// <inheritdoc />
    public override string Summary => "Flat vs sharp minimum: same loss, Hessian traces, and the loss increase under random weight perturbations.";

    /// <inheritdoc />
    public override FlatSharpPerturbationResult Run(FlatSharpPerturbationParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(parameters.Radii, nameof(parameters.Radii));
        var f = new FlatAndSharpMinima(parameters.FlatWidth, parameters.SharpWidth, dimension: parameters.Dimension);
        var (a, b) = (f.FlatMinimizer, f.SharpMinimizer);
        double ta = f.Hessian(a).Trace(), tb = f.Hessian(b).Trace();
        int n = f.Dimension;
        var random = new Random(parameters.Seed);
        var directions = Enumerable.Range(0, parameters.Directions).Select(_ =>
        {
            var v = Vector<double>.Build.Dense(n, _ => RandomSymmetric.Gaussian(random));
            return v / v.L2Norm();
        }).ToArray();
        double la = f.Value(a) + 0.0, lb = f.Value(b) + 0.0;   // + 0.0 turns −0 into 0 for display
        var rows = parameters.Radii.Select(r =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new FlatSharpRow(r,
                directions.Average(v => f.Value(a + r * v)) - la, r * r * ta / (2 * n),
                directions.Average(v => f.Value(b + r * v)) - lb, r * r * tb / (2 * n));
        }).ToArray();
        progress?.Report(1);
        return new FlatSharpPerturbationResult(rows, la, lb, ta, tb);
    }
}
