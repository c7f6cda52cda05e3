namespace Descent.Experiments;

/// <summary>Parameters of <see cref="MemoryTaskExperiment"/>.</summary>
public sealed record MemoryTaskParameters
{
    /// <summary>Lags T between the symbol and the recall cue.</summary>
    public int[] Lags { get; init; } = [5, 10, 20, 40];

    /// <summary>Initializations of the recurrent matrix: "gaussian" (small entries N(0, σ²) like the other weights),
    /// "gaussian-rho" (a Gaussian matrix rescaled to spectral radius ρ), "orthogonal" (ρ·Q) or "identity" (ρ·I, Le et al. 2015).</summary>
    public string[] Initializations { get; init; } = ["gaussian", "gaussian-rho", "orthogonal", "identity"];

    /// <summary>σ of the Gaussian draws of W (for "gaussian"), U and V.</summary>
    public double WeightScale { get; init; } = 0.1;

    /// <summary>ρ of the orthogonal and identity initializations.</summary>
    public double RecurrentScale { get; init; } = 1.0;

    /// <summary>Clipping thresholds v to compare (0 = no clipping).</summary>
    public double[] ClipNorms { get; init; } = [0, 1];

    /// <summary>Hidden size H of the tanh RNN.</summary>
    public int Hidden { get; init; } = 16;

    /// <summary>Alphabet size S (chance accuracy 1/S).</summary>
    public int Symbols { get; init; } = 4;

    /// <summary>Training sequences.</summary>
    public int TrainCount { get; init; } = 64;

    /// <summary>Fresh test sequences on which success is judged.</summary>
    public int TestCount { get; init; } = 200;

    /// <summary>Full-batch momentum steps per run.</summary>
    public int Steps { get; init => field = Guard.AtLeast(value, 1, nameof(Steps)); } = 300;

    /// <summary>Learning rate ε of momentum.</summary>
    public double LearningRate { get; init => field = Guard.Positive(value, nameof(LearningRate)); } = 0.02;

    /// <summary>Momentum β.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>A run succeeds when its test accuracy reaches this.</summary>
    public double SuccessAccuracy { get; init; } = 0.95;

    /// <summary>Seeds per configuration (seed, seed + 1, …).</summary>
    public int Seeds { get; init => field = Guard.AtLeast(value, 1, nameof(Seeds)); } = 3;

    /// <summary>First seed.</summary>
    public int Seed { get; init; } = 1;
}
