using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// The trajectory of one training run and why it stopped. Index k of the per-iterate arrays is the
/// iterate θₖ (k = 0 … Steps); <see cref="StepLengths"/>[k] = ‖θₖ₊₁ − θₖ‖ (k = 0 … Steps − 1).
/// </summary>
/// <remarks>When the run diverged the offending values (∞ or NaN loss) are kept in the arrays so
/// plots show the blow-up; <see cref="Reason"/> and <see cref="Message"/> say what happened.</remarks>
public sealed record TrainingResult
{
    /// <summary>Name of the objective.</summary>
    public required string Objective { get; init; }

    /// <summary>The optimizer's chain as text.</summary>
    public required string Optimizer { get; init; }

    /// <summary>Why the run stopped.</summary>
    public required StopReason Reason { get; init; }

    /// <summary>A sentence saying why the run stopped, with the numbers.</summary>
    public required string Message { get; init; }

    /// <summary>Number of updates taken.</summary>
    public required int Steps { get; init; }

    /// <summary>The final iterate θ_Steps (a copy owned by the result).</summary>
    public required Vector<double> Theta { get; init; }

    /// <summary>The optimizer state after the last update (e.g. the last optimal step size).</summary>
    public required TransformState FinalState { get; init; }

    /// <summary>L(θₖ), k = 0 … Steps.</summary>
    public required double[] Losses { get; init; }

    /// <summary>‖∇L(θₖ)‖, k = 0 … Steps.</summary>
    public required double[] GradientNorms { get; init; }

    /// <summary>‖θₖ₊₁ − θₖ‖, k = 0 … Steps − 1.</summary>
    public required double[] StepLengths { get; init; }

    /// <summary>gₖᵀHₖgₖ, k = 0 … Steps, when <see cref="TrainingOptions.RecordCurvature"/> was set; otherwise null.</summary>
    public double[]? Curvatures { get; init; }

    /// <summary>The steps k at which θ was recorded (always 0 and Steps).</summary>
    public required int[] ThetaSteps { get; init; }

    /// <summary>The recorded iterates θₖ for k in <see cref="ThetaSteps"/>.</summary>
    public required IReadOnlyList<Vector<double>> Thetas { get; init; }

    /// <summary>Steps at which the monitor objective was evaluated (empty without a monitor).</summary>
    public int[] MonitorSteps { get; init; } = [];

    /// <summary>Monitor values at <see cref="MonitorSteps"/> (e.g. validation loss).</summary>
    public double[] MonitorLosses { get; init; } = [];

    /// <summary>The step with the lowest monitor value (null without a monitor or when it was never finite).</summary>
    public int? BestMonitorStep { get; init; }

    /// <summary>The iterate with the lowest monitor value — what early stopping returns (Goodfellow et al.
    /// 2016, Algorithm 7.1); null without a monitor.</summary>
    public Vector<double>? BestMonitorTheta { get; init; }

    /// <summary>Wall-clock duration of the run.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>L(θ) at the final iterate.</summary>
    public double Loss => Losses[^1];

    /// <summary>‖∇L(θ)‖ at the final iterate.</summary>
    public double GradientNorm => GradientNorms[^1];

    /// <summary>True when the run stopped because it diverged.</summary>
    public bool Diverged => Reason == StopReason.Diverged;

    /// <summary>‖θₖ − target‖ for every recorded θₖ (e.g. the distance to a known minimizer).</summary>
    public double[] DistancesTo(Vector<double> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Count != Theta.Count)
        {
            throw new ArgumentException($"target has length {target.Count}, but θ has length {Theta.Count}.", nameof(target));
        }

        return Thetas.Select(t => (t - target).L2Norm()).ToArray();
    }

    /// <summary>min over j ≤ k of ‖∇L(θⱼ)‖ for every k: the quantity bounded by O(k^{−1/2}) in the
    /// convergence proposition of Yarotsky, "Optimization of neural networks".</summary>
    public double[] RunningMinimumGradientNorm()
    {
        var result = new double[GradientNorms.Length];
        double min = double.PositiveInfinity;
        for (int k = 0; k < result.Length; k++)
        {
            if (GradientNorms[k] < min)
            {
                min = GradientNorms[k];   // NaN never lowers the minimum
            }

            result[k] = min;
        }
        return result;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Optimizer} on {Objective}: {Reason} after {Steps} steps — {Message}; loss {Text.Num(Loss)}, ‖g‖ {Text.Num(GradientNorm)}, θ = {Text.Vec(Theta)}";
}
