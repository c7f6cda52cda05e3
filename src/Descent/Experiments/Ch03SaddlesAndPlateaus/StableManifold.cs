using Descent.Functions;
using Descent.Optimization;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="StableManifold"/>.</summary>
public sealed record StableManifoldParameters
{
    /// <summary>Offsets δ ≥ 0 of the start (1, δ) off the stable manifold y = 0.</summary>
    public double[] Offsets { get; init; } = [0, 1e-15, 1e-12, 1e-9, 1e-6, 1e-3];

    /// <summary>Learning rate ε of gradient descent, in (0, 1).</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>|y| at which the run counts as escaped, in (0, 0.5] (small, so the quartic barely slows the growth).</summary>
    public double EscapeRadius { get; init; } = 0.1;

    /// <summary>Distance from the saddle that counts as "near" for <see cref="StableManifoldRow.StepsNearSaddle"/> (&gt; 0).</summary>
    public double NearDistance { get; init => field = Guard.Positive(value, nameof(NearDistance)); } = 0.1;

    /// <summary>Step cap per run.</summary>
    public int MaxSteps { get; init; } = 1000;
}

/// <summary>One start (1, δ).</summary>
/// <param name="Offset">δ.</param>
/// <param name="EscapeSteps">First k with |yₖ| ≥ R, or −1 when the run never escaped (δ = 0).</param>
/// <param name="PredictedSteps">⌈ln(R/δ)/ln(1 + ε|λ|)⌉ from the linearization (|λ| = 1), −1 for δ = 0.</param>
/// <param name="LowerBound">⌈ln(R/δ)/ln(1 + ε)⌉: y grows by at most 1 + ε per step.</param>
/// <param name="UpperBound">⌈ln(R/δ)/ln(1 + ε(1 − R²))⌉: while |y| ≤ R it grows by at least 1 + ε(1 − R²).</param>
/// <param name="StepsNearSaddle">Iterates within <see cref="StableManifoldParameters.NearDistance"/> of the saddle: the plateau's length.</param>
/// <param name="FinalDistanceToSaddle">‖θ‖ at the end of the run.</param>
/// <param name="FinalLoss">L at the end of the run.</param>
public sealed record StableManifoldRow(double Offset, int EscapeSteps, int PredictedSteps, int LowerBound, int UpperBound,
    int StepsNearSaddle, double FinalDistanceToSaddle, double FinalLoss);

/// <summary>Result of <see cref="StableManifold"/>.</summary>
public sealed record StableManifoldResult(IReadOnlyList<StableManifoldRow> Rows, double LearningRate, double EscapeRadius) : IExperimentResult
{
    /// <inheritdoc />
    public string Summary
    {
        get
        {
            var on = Rows.FirstOrDefault(r => r.Offset == 0);
            var off = Rows.Where(r => r.Offset > 0).ToArray();
            return (on is null ? "" : $"on the manifold (δ = 0): never escapes, ends {on.FinalDistanceToSaddle:G2} from the saddle; ")
                + string.Join(", ", off.Select(r => $"δ = {r.Offset:G2}: escapes after {r.EscapeSteps} steps (linear prediction {r.PredictedSteps})"));
        }
    }

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["offset", "escape_steps", "predicted_steps", "lower_bound", "upper_bound", "steps_near_saddle", "final_distance_to_saddle", "final_loss"],
        Rows.Select(r => (IReadOnlyList<object>)[r.Offset, r.EscapeSteps, r.PredictedSteps, r.LowerBound, r.UpperBound,
            r.StepsNearSaddle, r.FinalDistanceToSaddle, r.FinalLoss]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + ToTable();
}

/// <summary>
/// The set of starts from which gradient descent converges to a saddle has measure zero (Yarotsky, "Optimization of neural networks", after Recht's
/// "Saddles again"; Lee et al. 2016, arXiv:1602.04915). On L = ½x² − ½y² + ¼y⁴ the stable manifold of the saddle is the
/// line y = 0: gradient descent from (1, 0) converges to the saddle, from (1, δ) with any δ ≠ 0 it escapes, because the
/// escape coordinate grows like (1 + ε|λ|)ᵏδ — after about ln(R/δ)/ln(1 + ε|λ|) steps, so the time spent near the
/// saddle grows only like ln(1/δ).
/// </summary>
public sealed class StableManifold : Experiment<StableManifoldParameters, StableManifoldResult>
{
    /// <inheritdoc />
    public override string Name => "stable-manifold";

    /// <inheritdoc />
    public override string Chapter => "03";

    /// <inheritdoc />
    public override string Summary => "GD from starts on and just off a saddle's stable manifold: converge vs escape after ln(1/δ) steps.";

    /// <summary>⌈ln(R/δ)/ln(1 + ε|λ|)⌉: steps for an escape coordinate growing by (1 + ε|λ|) per step to go from δ to R.</summary>
    public static int PredictedEscapeSteps(double offset, double radius, double learningRate, double negativeCurvature)
    {
        if (!(offset > 0) || !(radius > offset))
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "offset must be in (0, radius).");
        }

        if (!(learningRate > 0) || !(negativeCurvature > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "learningRate and |λ| (negativeCurvature) must be > 0.");
        }

        return (int)Math.Ceiling(Math.Log(radius / offset) / Math.Log(1 + learningRate * negativeCurvature));
    }

    /// <inheritdoc />
    public override StableManifoldResult Run(StableManifoldParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(parameters.Offsets, nameof(parameters.Offsets));
        double eps = parameters.LearningRate, r = parameters.EscapeRadius;
        if (parameters.Offsets.Length == 0 || parameters.Offsets.Any(d => !(d >= 0) || !(d < r)))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), $"Offsets must be a non-empty list of numbers in [0, EscapeRadius = {r}).");
        }

        if (!(eps > 0 && eps < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), eps, "LearningRate must be in (0, 1).");
        }

        if (!(r > 0 && r <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), r, "EscapeRadius must be in (0, 0.5].");
        }

        if (parameters.MaxSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.MaxSteps, "MaxSteps must be at least 1.");
        }

        var surface = SaddleAttraction.Surface;
        var rows = new List<StableManifoldRow>();
        foreach (double delta in parameters.Offsets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int escape = -1, near = 0;
            var run = Trainer.Run(surface, Optimizers.GradientDescent(eps), Point.Of(1, delta), new TrainingOptions
            {
                MaxSteps = parameters.MaxSteps,
                RecordThetaEvery = 0,
                OnStep = s =>
                {
                    if (escape < 0 && Math.Abs(s.Theta[1]) >= r)
                    {
                        escape = s.Step;
                    }

                    if (s.Theta.L2Norm() < parameters.NearDistance)
                    {
                        near++;
                    }
                },
            }, cancellationToken);
            rows.Add(delta == 0
                ? new StableManifoldRow(0, escape, -1, -1, -1, near, run.Theta.L2Norm(), run.Loss)
                : new StableManifoldRow(delta, escape, PredictedEscapeSteps(delta, r, eps, 1.0),
                    (int)Math.Ceiling(Math.Log(r / delta) / Math.Log(1 + eps)),
                    (int)Math.Ceiling(Math.Log(r / delta) / Math.Log(1 + eps * (1 - r * r))),
                    near, run.Theta.L2Norm(), run.Loss));
        }
        progress?.Report(1);
        return new StableManifoldResult(rows, eps, r);
    }
}
