namespace Descent.Experiments;

/// <summary>Parameters of <see cref="ContrastiveDivergenceBias"/>.</summary>
public sealed record ContrastiveDivergenceParameters
{
    /// <summary>Visible units V (1 … 12).</summary>
    public int Visible { get; init; } = 6;

    /// <summary>Hidden units H of the student (1 … 12).</summary>
    public int Hidden { get; init; } = 4;


    /// <summary>Training vectors N (≥ 1), drawn from two modes: all units off or all on, each unit then flipped with
    /// probability <see cref="FlipProbability"/>.</summary>
    public int Examples { get; init; } = 300;

    /// <summary>Probability in (0, 1) that a training vector comes from the all-off mode (the rest from the all-on mode).</summary>
    public double FirstModeWeight { get; init => field = Guard.Between(value, 0, 1, nameof(FirstModeWeight)); } = 0.8;

    /// <summary>Probability in [0, 0.5) that a unit of a training vector is flipped away from its mode.</summary>
    public double FlipProbability { get; init; } = 0.05;

    /// <summary>Steps of training (≥ 1), for each gradient: exact, CD-1 and CD-<see cref="TrainingK"/>.</summary>
    public int TrainSteps { get; init; } = 300;

    /// <summary>Learning rate ε &gt; 0 of the training runs.</summary>
    public double LearningRate { get; init; } = 0.5;

    /// <summary>k of the longer CD training run (≥ 2).</summary>
    public int TrainingK { get; init; } = 10;

    /// <summary>Gibbs steps k (each ≥ 1) at which bias and variance are measured.</summary>
    public int[] Ks { get; init; } = [1, 2, 5, 10, 20, 50];

    /// <summary>Monte Carlo CD-k estimates (≥ 2) per k for the variance.</summary>
    public int Draws { get; init; } = 40;

    /// <summary>Seed of the teacher, the data, the initialization and the Gibbs chains.</summary>
    public int Seed { get; init; } = 6;
}
