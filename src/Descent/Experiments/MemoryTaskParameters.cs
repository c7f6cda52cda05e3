namespace Descent.Experiments;

/// <summary>Parameters of <see cref="MemoryTaskExperiment"/>.</summary>
public sealed record MemoryTaskParameters
{
    /// <summary>Lags T between the symbol and the recall cue.</summary>
    public int[] Lags { get; set; } = [5, 10, 20, 40];

    /// <summary>Initializations of the recurrent matrix: "gaussian" (small entries N(0, σ²) like the other weights),
    /// "gaussian-rho" (a Gaussian matrix rescaled to spectral radius ρ), "orthogonal" (ρ·Q) or "identity" (ρ·I, Le et al. 2015).</summary>
    public string[] Initializations { get; set; } = ["gaussian", "gaussian-rho", "orthogonal", "identity"];

    /// <summary>σ of the Gaussian draws of W (for "gaussian"), U and V.</summary>
    public double WeightScale { get; set; } = 0.1;

    /// <summary>ρ of the orthogonal and identity initializations.</summary>
    public double RecurrentScale { get; set; } = 1.0;

    /// <summary>Clipping thresholds v to compare (0 = no clipping).</summary>
    public double[] ClipNorms { get; set; } = [0, 1];

    /// <summary>Hidden size H of the tanh RNN.</summary>
    public int Hidden { get; set; } = 16;

    /// <summary>Alphabet size S (chance accuracy 1/S).</summary>
    public int Symbols { get; set; } = 4;

    /// <summary>Training sequences.</summary>
    public int TrainCount { get; set; } = 64;

    /// <summary>Fresh test sequences on which success is judged.</summary>
    public int TestCount { get; set; } = 200;

    /// <summary>Full-batch momentum steps per run.</summary>
    public int Steps { get; set; } = 300;

    /// <summary>Learning rate ε of momentum.</summary>
    public double LearningRate { get; set; } = 0.02;

    /// <summary>Momentum β.</summary>
    public double Momentum { get; set; } = 0.9;

    /// <summary>A run succeeds when its test accuracy reaches this.</summary>
    public double SuccessAccuracy { get; set; } = 0.95;

    /// <summary>Seeds per configuration (seed, seed + 1, …).</summary>
    public int Seeds { get; set; } = 3;

    /// <summary>First seed.</summary>
    public int Seed { get; set; } = 1;
}
