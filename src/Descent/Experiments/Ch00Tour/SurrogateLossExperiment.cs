using Descent.Data;
using Descent.Models;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

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
        TrainCount = 40,
        ValidationCount = 200,
        Hidden = 20,
        LabelNoise = 0.2,
        Steps = 2000,
        LearningRate = 1.0,
        RecordEvery = 20,
    };

    internal void Validate()
    {
        if (TrainCount < 4)
        {
            throw new ArgumentOutOfRangeException(nameof(TrainCount), TrainCount, "TrainCount must be at least 4.");
        }

        if (ValidationCount < 4)
        {
            throw new ArgumentOutOfRangeException(nameof(ValidationCount), ValidationCount, "ValidationCount must be at least 4.");
        }

        if (Hidden < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Hidden), Hidden, "Hidden must be 0 (linear) or a positive width.");
        }

        if (!(Separation >= 0) || !double.IsFinite(Separation))
        {
            throw new ArgumentOutOfRangeException(nameof(Separation), Separation, "Separation must be finite and ≥ 0.");
        }

        if (!(LabelNoise >= 0 && LabelNoise < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(LabelNoise), LabelNoise, "LabelNoise must lie in [0, 0.5).");
        }

        if (Steps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "Steps must be at least 1.");
        }

        if (!(LearningRate > 0) || !double.IsFinite(LearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be finite and > 0.");
        }

        if (RecordEvery < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RecordEvery), RecordEvery, "RecordEvery must be at least 1.");
        }
    }
}

/// <summary>
/// Learning vs pure optimization (Harakeh, "Optimization for Training Deep Models"): the 0-1 loss has no useful gradient, so we minimize a surrogate
/// (logistic or hinge) of the empirical risk R̂(f) = (1/m) Σᵢ L(f(xᵢ), yᵢ) on a training set, and judge by the 0-1
/// loss on a validation set — where early stopping halts.
/// </summary>
public sealed class SurrogateLossExperiment : Experiment<SurrogateLossParameters, SurrogateLossResult>
{
    /// <inheritdoc />
    public override string Name => "surrogate-losses";

    /// <inheritdoc />
    public override string Chapter => "00";

    /// <inheritdoc />
    public override string Summary => "Logistic and hinge surrogates vs the 0-1 loss on the same data, with early stopping on validation error.";

    /// <summary>Runs both surrogates on the same seeded data from the same start point.</summary>
    public override SurrogateLossResult Run(SurrogateLossParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        int seed = parameters.Seed;
        var (xTrain, yTrain, xValid, yValid) = Data(parameters);
        var logistic = Train(parameters, seed, LossFunction.Logistic, xTrain, yTrain, xValid, yValid, cancellationToken);
        progress?.Report(0.5);
        var hinge = Train(parameters, seed, LossFunction.Hinge, xTrain, yTrain, xValid, yValid, cancellationToken);
        progress?.Report(1.0);
        return new SurrogateLossResult(parameters, logistic, hinge);
    }

    /// <summary>The seeded data: two unit-variance Gaussian classes <c>Separation</c> apart, labels in {0, 1} with
    /// the given fraction flipped; training rows first, then validation rows.</summary>
    public static (Matrix<double> TrainInputs, int[] TrainLabels, Matrix<double> ValidationInputs, int[] ValidationLabels) Data(
        SurrogateLossParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        int seed = parameters.Seed;
        int n = parameters.TrainCount + parameters.ValidationCount;
        var blobs = Synthetic.GaussianBlobs((n + 1) / 2, seed, classes: 2, dimension: 2, separation: parameters.Separation / 2, spread: 1.0);
        var rng = new Random(seed + 7919);
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = rng.NextDouble() < parameters.LabelNoise ? 1 - blobs.Labels![i] : blobs.Labels![i];
        }

        var x = blobs.Inputs.SubMatrix(0, n, 0, 2);
        int m = parameters.TrainCount;
        return (x.SubMatrix(0, m, 0, 2), labels[..m], x.SubMatrix(m, n - m, 0, 2), labels[m..]);
    }

    private static LossCurves Train(SurrogateLossParameters p, int seed, LossFunction loss, Matrix<double> xTrain, int[] yTrain,
        Matrix<double> xValid, int[] yValid, CancellationToken cancellationToken)
    {
        int[] sizes = p.Hidden == 0 ? [2, 1] : [2, p.Hidden, 1];
        int[] Labels(int[] y) => loss == LossFunction.Hinge ? y.Select(v => 2 * v - 1).ToArray() : y;
        var train = new Mlp(sizes, Activation.Tanh, loss, xTrain, Labels(yTrain));
        var valid = new Mlp(sizes, Activation.Tanh, loss, xValid, Labels(yValid));
        var theta0 = train.Initialize(Initialization.Glorot, seed);
        var steps = new List<int>();
        var trainLoss = new List<double>();
        var trainError = new List<double>();
        var validLoss = new List<double>();
        var validError = new List<double>();
        void Record(int step, Vector<double> theta)
        {
            steps.Add(step);
            trainLoss.Add(train.Value(theta));
            trainError.Add(train.ZeroOneLoss(theta));
            validLoss.Add(valid.Value(theta));
            validError.Add(valid.ZeroOneLoss(theta));
        }

        Record(0, theta0);
        var options = new TrainingOptions
        {
            MaxSteps = p.Steps,
            RecordThetaEvery = 0,
            CallbackEvery = p.RecordEvery,
            OnStep = s => Record(s.Step, s.Theta),
        };
        var result = Trainer.Run(train, Optimizers.GradientDescent(p.LearningRate), theta0, options, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (result.Diverged)
        {
            throw new InvalidOperationException($"{loss} training diverged: {result.Message}; lower LearningRate (now {p.LearningRate}).");
        }

        if (steps[^1] != result.Steps)
        {
            Record(result.Steps, result.Theta);
        }

        return new LossCurves(loss == LossFunction.Logistic ? "logistic" : "hinge", [.. steps], [.. trainLoss], [.. trainError], [.. validLoss], [.. validError]);
    }
}

/// <summary>The same data and start point trained on two surrogates of the 0-1 loss.</summary>
/// <param name="Parameters">What was run.</param>
/// <param name="Logistic">Curves when minimizing the logistic loss log(1 + e^{−y·f(x)}).</param>
/// <param name="Hinge">Curves when minimizing the hinge loss max(0, 1 − y·f(x)).</param>
public sealed record SurrogateLossResult(SurrogateLossParameters Parameters, LossCurves Logistic, LossCurves Hinge) : IExperimentResult
{
    /// <inheritdoc />
    public string Summary =>
        $"logistic: train error {Logistic.TrainZeroOne[^1]:P1}, validation error {Logistic.ValidationZeroOne[^1]:P1} (best {Logistic.ValidationZeroOne[Logistic.BestValidationIndex]:P1} at step {Logistic.EarlyStoppingStep}); " +
        $"hinge: train error {Hinge.TrainZeroOne[^1]:P1}, validation error {Hinge.ValidationZeroOne[^1]:P1}";

    /// <summary>Both runs as one table: step, then train/validation surrogate and error for logistic and hinge.</summary>
    public ResultTable ToTable() => new(
        ["step", "logistic_train_loss", "logistic_train_error", "logistic_validation_loss", "logistic_validation_error",
         "hinge_train_loss", "hinge_train_error", "hinge_validation_loss", "hinge_validation_error"],
        Logistic.Steps.Select((s, i) => (IReadOnlyList<object>)[s, Logistic.TrainSurrogate[i], Logistic.TrainZeroOne[i], Logistic.ValidationSurrogate[i],
            Logistic.ValidationZeroOne[i], Hinge.TrainSurrogate[i], Hinge.TrainZeroOne[i], Hinge.ValidationSurrogate[i], Hinge.ValidationZeroOne[i]]).ToArray());

    /// <inheritdoc />
    public override string ToString() => $"Surrogate losses (seed {Parameters.Seed}, {Parameters.TrainCount} train / {Parameters.ValidationCount} validation, " +
        $"{(Parameters.Hidden == 0 ? "linear" : $"{Parameters.Hidden} hidden tanh units")}, {Parameters.LabelNoise:P0} flipped labels)\n  {Logistic}\n  {Hinge}";
}

/// <summary>Training and validation curves of one run: the surrogate that was minimized and the 0-1 loss (error
/// rate) it stands in for, recorded at <see cref="Steps"/>.</summary>
/// <param name="Surrogate">The surrogate's name (<c>logistic</c> or <c>hinge</c>).</param>
/// <param name="Steps">Recorded steps (0 = the start).</param>
/// <param name="TrainSurrogate">Mean surrogate loss on the training set.</param>
/// <param name="TrainZeroOne">Training error rate.</param>
/// <param name="ValidationSurrogate">Mean surrogate loss on the validation set.</param>
/// <param name="ValidationZeroOne">Validation error rate.</param>
public sealed record LossCurves(string Surrogate, int[] Steps, double[] TrainSurrogate, double[] TrainZeroOne,
    double[] ValidationSurrogate, double[] ValidationZeroOne)
{
    /// <summary>Index (into <see cref="Steps"/>) of the lowest validation error, the earliest on ties: where early
    /// stopping on the validation 0-1 loss halts.</summary>
    public int BestValidationIndex
    {
        get
        {
            int best = 0;
            for (int i = 1; i < ValidationZeroOne.Length; i++)
            {
                if (ValidationZeroOne[i] < ValidationZeroOne[best])
                {
                    best = i;
                }
            }

            return best;
        }
    }

    /// <summary>The step where early stopping on validation error halts.</summary>
    public int EarlyStoppingStep => Steps[BestValidationIndex];

    /// <summary>
    /// Index where the training surrogate has flattened: the first record i with
    /// L(i) − L(end) ≤ 5 % · (L(0) − L(end)), i.e. 95 % of the whole decrease is done.
    /// </summary>
    public int SurrogateFlatIndex
    {
        get
        {
            double start = TrainSurrogate[0], end = TrainSurrogate[^1], total = start - end;
            for (int i = 0; i < TrainSurrogate.Length; i++)
            {
                if (TrainSurrogate[i] - end <= 0.05 * total)
                {
                    return i;
                }
            }

            return TrainSurrogate.Length - 1;
        }
    }

    /// <summary>How much the training 0-1 loss still fell after the surrogate flattened:
    /// err(flat) − min over later records of err.</summary>
    public double TrainZeroOneFallAfterFlat
    {
        get
        {
            int flat = SurrogateFlatIndex;
            return TrainZeroOne[flat] - TrainZeroOne.Skip(flat).Min();
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Surrogate}: train loss {TrainSurrogate[0]:0.###} → {TrainSurrogate[^1]:0.###}, train error {TrainZeroOne[0]:P1} → {TrainZeroOne[^1]:P1}, " +
        $"validation error {ValidationZeroOne[^1]:P1} (best {ValidationZeroOne[BestValidationIndex]:P1} at step {EarlyStoppingStep}); " +
        $"surrogate flat by step {Steps[SurrogateFlatIndex]}, train error still fell {TrainZeroOneFallAfterFlat:P1} after";
}
