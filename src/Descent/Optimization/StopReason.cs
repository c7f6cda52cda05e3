namespace Descent.Optimization;

/// <summary>Why a training run stopped (MathNet's <c>ExitCondition</c>, for the course).</summary>
public enum StopReason
{
    /// <summary>The maximum number of steps was taken.</summary>
    MaxSteps,

    /// <summary>‖∇L(θ)‖ fell below the gradient tolerance.</summary>
    GradientTolerance,

    /// <summary>The loss reached the target.</summary>
    TargetLoss,

    /// <summary>The time budget was used up.</summary>
    TimeBudget,

    /// <summary>The cancellation token was signalled (e.g. a notebook interrupt); the partial trajectory is kept.</summary>
    Cancelled,

    /// <summary>A non-finite loss, gradient or update, or a loss that exploded beyond the divergence threshold.</summary>
    Diverged,

    /// <summary>The optimizer could not compute a step (e.g. Newton with a singular Hessian).</summary>
    Failed,

    /// <summary>Early stopping: the monitor objective (validation loss) did not improve for
    /// <see cref="TrainingOptions.Patience"/> evaluations in a row.</summary>
    EarlyStopping,
}
