using Descent.Functions;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="ConditioningSweep"/>.</summary>
public sealed record ConditioningSweepParameters
{
    /// <summary>Condition numbers κ = λmax/λmin to try (each &gt; 1).</summary>
    public double[] Kappas { get; init; } = [2, 5, 10, 20, 50, 100, 200, 500, 1000];

    /// <summary>Stop when ‖θₖ − θ*‖ ≤ Tolerance·‖θ₀ − θ*‖, in (0, 1).</summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>Rotation of the eigenvectors (radians), so the ravine is not axis-aligned.</summary>
    public double Angle { get; init; } = 0.5;

    /// <summary>Step cap per run.</summary>
    public int MaxSteps { get; init => field = Guard.AtLeast(value, 1, nameof(MaxSteps)); } = 100_000;
}

/// <summary>One κ of the sweep: measured iterations of GD at the optimal constant step, of heavy-ball momentum
/// with Polyak's tuning and of Newton, next to the iterations the contraction factors predict.</summary>
public sealed record ConditioningRow(double Kappa, int GradientDescentSteps, int PredictedGradientDescentSteps,
    int MomentumSteps, int PredictedMomentumSteps, int NewtonSteps);

/// <summary>Result of <see cref="ConditioningSweep"/>.</summary>
public sealed record ConditioningSweepResult(IReadOnlyList<ConditioningRow> Rows, double Tolerance) : IExperimentResult
{
    /// <inheritdoc />
    public string Summary
    {
        get
        {
            var last = Rows[^1];
            return $"κ = {last.Kappa:G4}: GD {last.GradientDescentSteps} steps (predicted {last.PredictedGradientDescentSteps}), "
                 + $"momentum {last.MomentumSteps} (rate-predicted {last.PredictedMomentumSteps}), Newton {last.NewtonSteps}";
        }
    }

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["kappa", "gd_steps", "gd_predicted", "momentum_steps", "momentum_predicted", "newton_steps"],
        Rows.Select(r => (IReadOnlyList<object>)[r.Kappa, r.GradientDescentSteps, r.PredictedGradientDescentSteps,
            r.MomentumSteps, r.PredictedMomentumSteps, r.NewtonSteps]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + ToTable();
}

/// <summary>
/// Condition number vs iterations (Harakeh's "learning proceeds very slowly when the Hessian has a large
/// condition number"): on the 2-D quadratic with eigenvalues 1 and κ, gradient descent at the optimal constant
/// step ε = 2/(λ₁ + λₙ) shrinks the error by (κ − 1)/(κ + 1) per step, so it needs
/// ⌈ln(1/tol) / −ln((κ − 1)/(κ + 1))⌉ ≈ (κ/2)·ln(1/tol) steps; heavy-ball momentum with Polyak's tuning
/// contracts at (√κ − 1)/(√κ + 1) (≈ (√κ/2)·ln(1/tol) steps, plus a polynomial factor because its iteration
/// matrix is defective at that tuning); Newton needs one step whatever κ.
/// </summary>
public sealed class ConditioningSweep : Experiment<ConditioningSweepParameters, ConditioningSweepResult>
{
    /// <inheritdoc />
    public override string Name => "conditioning-sweep";

    /// <inheritdoc />
    public override string Chapter => "01";

    /// <inheritdoc />
    public override string Summary => "Iterations of GD, tuned momentum and Newton to a tolerance as the condition number grows.";

    /// <summary>GD iterations predicted by the contraction factor (κ − 1)/(κ + 1).</summary>
    public static int PredictedGradientDescentSteps(double kappa, double tolerance) =>
        (int)Math.Ceiling(Math.Log(1 / tolerance) / -Math.Log((kappa - 1) / (kappa + 1)));

    /// <summary>Momentum iterations predicted by the rate (√κ − 1)/(√κ + 1) alone.</summary>
    public static int PredictedMomentumSteps(double kappa, double tolerance) =>
        (int)Math.Ceiling(Math.Log(1 / tolerance) / -Math.Log((Math.Sqrt(kappa) - 1) / (Math.Sqrt(kappa) + 1)));

    /// <inheritdoc />
    public override ConditioningSweepResult Run(ConditioningSweepParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(parameters.Kappas, nameof(parameters.Kappas));
        if (parameters.Kappas.Length == 0 || parameters.Kappas.Any(k => !(k > 1) || !double.IsFinite(k)))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "Kappas must be a non-empty list of finite numbers > 1.");
        }

        if (!(parameters.Tolerance > 0 && parameters.Tolerance < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.Tolerance, "Tolerance must be in (0, 1).");
        }

        var rows = new List<ConditioningRow>();
        for (int i = 0; i < parameters.Kappas.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double kappa = parameters.Kappas[i];
            var bowl = Quadratic.FromEigenvalues2D(1.0, kappa, parameters.Angle);
            // Start with equal weight on both eigenvectors, at distance 1 from θ* = 0.
            var q = bowl.Eigen.EigenVectors;
            var theta0 = (q.Column(0) + q.Column(1)) / Math.Sqrt(2);
            double gdStep = 2 / (1 + kappa);
            double sqrtK = Math.Sqrt(kappa);
            var momentum = Optimizers.Momentum(4 / Math.Pow(Math.Sqrt(kappa) + 1, 2), Math.Pow((sqrtK - 1) / (sqrtK + 1), 2));
            rows.Add(new ConditioningRow(
                kappa,
                StepsToTolerance(bowl, Optimizers.GradientDescent(gdStep), theta0, parameters, cancellationToken),
                PredictedGradientDescentSteps(kappa, parameters.Tolerance),
                StepsToTolerance(bowl, momentum, theta0, parameters, cancellationToken),
                PredictedMomentumSteps(kappa, parameters.Tolerance),
                StepsToTolerance(bowl, Optimizers.Newton(), theta0, parameters, cancellationToken)));
            progress?.Report((i + 1.0) / parameters.Kappas.Length);
        }
        return new ConditioningSweepResult(rows, parameters.Tolerance);
    }

    /// <summary>First k with ‖θₖ‖ ≤ tol·‖θ₀‖ (θ* = 0), or MaxSteps + 1 when never reached.</summary>
    private static int StepsToTolerance(Quadratic bowl, Optimizer optimizer, Vector<double> theta0,
        ConditioningSweepParameters parameters, CancellationToken cancellationToken)
    {
        double target = parameters.Tolerance * theta0.L2Norm();
        int found = -1;
        var result = Trainer.Run(bowl, optimizer, theta0, new TrainingOptions
        {
            MaxSteps = parameters.MaxSteps,
            RecordThetaEvery = 0,
            OnStep = s =>
            {
                if (found < 0 && s.Theta.L2Norm() <= target)
                {
                    found = s.Step;
                }
            },
            // L(θ) ≥ ½λmin‖θ‖², so L ≤ ½λmin·target² implies ‖θ‖ ≤ target: the run stops at or after the first hit.
            TargetLoss = 0.5 * bowl.Eigenvalues[0] * target * target,
        }, cancellationToken);
        return found >= 0 ? found : parameters.MaxSteps + 1;
    }
}
