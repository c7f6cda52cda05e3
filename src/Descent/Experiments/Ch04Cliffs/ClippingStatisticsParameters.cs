namespace Descent.Experiments;

/// <summary>Parameters of <see cref="ClippingStatistics"/>: SGD with clipping by norm on the digits MLP and on an RNN for the
/// adding problem, recording every minibatch gradient norm.</summary>
public sealed record ClippingStatisticsParameters
{
    /// <summary>SGD steps per model, ≥ 1.</summary>
    public int Steps { get; init => field = Guard.AtLeast(value, 1, nameof(Steps)); } = 1000;

    /// <summary>Minibatch size, ≥ 1.</summary>
    public int BatchSize { get; init => field = Guard.AtLeast(value, 1, nameof(BatchSize)); } = 32;

    /// <summary>Hidden width of the digits MLP 64-H-10 (tanh).</summary>
    public int MlpHidden { get; init; } = 64;

    /// <summary>ε of the MLP.</summary>
    public double MlpLearningRate { get; init; } = 0.1;

    /// <summary>Clipping threshold v of the MLP.</summary>
    public double MlpClipNorm { get; init; } = 1.0;

    /// <summary>T of the adding problem.</summary>
    public int AddingLength { get; init; } = 30;

    /// <summary>Number of adding-problem sequences.</summary>
    public int AddingCount { get; init; } = 512;

    /// <summary>Hidden size of the tanh RNN.</summary>
    public int RnnHidden { get; init; } = 16;

    /// <summary>Spectral radius of the RNN's initial recurrent matrix (Gaussian entries, rescaled).</summary>
    public double RnnSpectralRadius { get; init; } = 1.2;

    /// <summary>ε of the RNN.</summary>
    public double RnnLearningRate { get; init; } = 0.05;

    /// <summary>Clipping threshold v of the RNN.</summary>
    public double RnnClipNorm { get; init; } = 1.0;

    /// <summary>Seed of the data, the initializations and the minibatch order.</summary>
    public int Seed { get; init; } = 1;
}
