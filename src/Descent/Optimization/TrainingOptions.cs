using Descent.Functions;

namespace Descent.Optimization;

/// <summary>
/// Stop rules, recording and monitoring for <see cref="Trainer.Run"/>. Every rule is optional
/// except <see cref="MaxSteps"/>; the first one met stops the run.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Stop after this many updates (≥ 0; default 1000).</summary>
    public int MaxSteps { get; init => field = Guard.AtLeast(value, 0, nameof(MaxSteps)); } = 1000;

    /// <summary>Stop when ‖∇L(θ)‖ &lt; this (≥ 0; 0 disables the rule).</summary>
    public double GradientTolerance { get; init => field = Guard.NonNegative(value, nameof(GradientTolerance)); }

    /// <summary>Stop when L(θ) ≤ this (null disables the rule).</summary>
    public double? TargetLoss
    {
        get;
        init => field = value is { } v && double.IsNaN(v)
            ? throw new ArgumentOutOfRangeException(nameof(TargetLoss), v, "TargetLoss must be a number or null.")
            : value;
    }

    /// <summary>Stop when this much wall-clock time has passed (null: no budget). Checked every step.</summary>
    public TimeSpan? TimeBudget
    {
        get;
        init => field = value is { } v && v <= TimeSpan.Zero
            ? throw new ArgumentOutOfRangeException(nameof(TimeBudget), v, "TimeBudget must be positive or null.")
            : value;
    }

    /// <summary>Divergence threshold: stop when L(θₖ) &gt; L(θ₀) + DivergenceFactor·max(|L(θ₀)|, 1)
    /// (&gt; 0; default 10⁶; +∞ disables it). Non-finite values always stop the run.</summary>
    public double DivergenceFactor
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(DivergenceFactor), value, "DivergenceFactor must be > 0 (use +∞ to disable).");
    } = 1e6;

    /// <summary>Record θ every this many steps (θ₀ and the final θ always); 0 records only those two.
    /// Thin this out for big models: each record is a copy of θ. Default 1.</summary>
    public int RecordThetaEvery { get; init => field = Guard.AtLeast(value, 0, nameof(RecordThetaEvery)); } = 1;

    /// <summary>Also record gᵀHg at every step from the objective's Hessian-vector product (one extra
    /// product per step). Default false.</summary>
    public bool RecordCurvature { get; init; }

    /// <summary>Called with every <see cref="CallbackEvery"/>-th iterate and the final one (progress, live plots).</summary>
    public Action<TrainingStep>? OnStep { get; init; }

    /// <summary>Call <see cref="OnStep"/> every this many steps (≥ 1; default 1).</summary>
    public int CallbackEvery { get; init => field = Guard.AtLeast(value, 1, nameof(CallbackEvery)); } = 1;

    /// <summary>A second objective evaluated for monitoring only, e.g. the validation loss for early
    /// stopping (same dimension as the trained objective).</summary>
    public Objective? Monitor { get; init; }

    /// <summary>Evaluate <see cref="Monitor"/> every this many steps and at the end (≥ 1; default 10).</summary>
    public int MonitorEvery { get; init => field = Guard.AtLeast(value, 1, nameof(MonitorEvery)); } = 10;

    /// <summary>Early stopping (Goodfellow et al. 2016, Algorithm 7.1): stop when the <see cref="Monitor"/>
    /// value has not improved on its best for this many evaluations in a row (≥ 1; null disables).
    /// The best iterate is kept in <see cref="TrainingResult.BestMonitorTheta"/>.</summary>
    public int? Patience
    {
        get;
        init => field = value is { } p && p < 1
            ? throw new ArgumentOutOfRangeException(nameof(Patience), p, "Patience must be at least 1, or null.")
            : value;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string> { $"max {MaxSteps} steps" };
        if (GradientTolerance > 0)
        {
            parts.Add($"‖g‖ < {Text.Num(GradientTolerance)}");
        }

        if (TargetLoss is { } t)
        {
            parts.Add($"loss ≤ {Text.Num(t)}");
        }

        if (TimeBudget is { } b)
        {
            parts.Add($"time ≤ {b.TotalSeconds:G3} s");
        }

        if (RecordCurvature)
        {
            parts.Add("records gᵀHg");
        }

        if (Monitor is { } m)
        {
            parts.Add($"monitors {m.Name} every {MonitorEvery}");
        }

        if (Patience is { } p)
        {
            parts.Add($"early stopping after {p} evaluations without improvement");
        }

        return string.Join(", ", parts);
    }
}
