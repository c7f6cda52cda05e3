namespace Descent.Experiments;

/// <summary>Parameters of <see cref="SurrogateLossExperiment"/>: two overlapping Gaussian classes in the plane, a
/// fraction of labels flipped, a model trained by full-batch gradient descent on a surrogate loss.</summary>
public sealed record SurrogateLossParameters
{
    /// <summary>Training examples, ≥ 4.</summary>
    public int TrainCount { get; init; } = 100;

    /// <summary>Validation examples, ≥ 4.</summary>
    public int ValidationCount { get; init; } = 400;

    /// <summary>Hidden tanh units; 0 gives a linear classifier (logistic regression / linear SVM).</summary>
    public int Hidden { get; init; }

    /// <summary>Distance between the two class centres (each class has unit spread), ≥ 0.</summary>
    public double Separation { get; init; } = 2.0;

    /// <summary>Probability that a label is flipped, in [0, 0.5).</summary>
    public double LabelNoise { get; init; } = 0.1;

    /// <summary>Gradient-descent steps, ≥ 1.</summary>
    public int Steps { get; init; } = 2000;

    /// <summary>Constant step size ε &gt; 0.</summary>
    public double LearningRate { get; init; } = 0.5;

    /// <summary>Steps between two recorded points of the curves, ≥ 1.</summary>
    public int RecordEvery { get; init; } = 10;

    /// <summary>Seed of the data, the label noise and the initialization.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The chapter 00 setting: a 20-unit tanh network on 40 points with 20 % flipped labels memorizes the
    /// training set (training error → 0) while its validation error rises — early stopping's case.</summary>
    public static SurrogateLossParameters Overfitting() => new()
    {
        TrainCount = 40, ValidationCount = 200, Hidden = 20, LabelNoise = 0.2, Steps = 2000, LearningRate = 1.0, RecordEvery = 20,
    };

    internal void Validate()
    {
        if (TrainCount < 4) throw new ArgumentOutOfRangeException(nameof(TrainCount), TrainCount, "TrainCount must be at least 4.");
        if (ValidationCount < 4) throw new ArgumentOutOfRangeException(nameof(ValidationCount), ValidationCount, "ValidationCount must be at least 4.");
        if (Hidden < 0) throw new ArgumentOutOfRangeException(nameof(Hidden), Hidden, "Hidden must be 0 (linear) or a positive width.");
        if (!(Separation >= 0) || !double.IsFinite(Separation)) throw new ArgumentOutOfRangeException(nameof(Separation), Separation, "Separation must be finite and ≥ 0.");
        if (!(LabelNoise >= 0 && LabelNoise < 0.5)) throw new ArgumentOutOfRangeException(nameof(LabelNoise), LabelNoise, "LabelNoise must lie in [0, 0.5).");
        if (Steps < 1) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "Steps must be at least 1.");
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be finite and > 0.");
        if (RecordEvery < 1) throw new ArgumentOutOfRangeException(nameof(RecordEvery), RecordEvery, "RecordEvery must be at least 1.");
    }
}
