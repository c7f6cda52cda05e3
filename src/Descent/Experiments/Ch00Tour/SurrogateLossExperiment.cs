using Descent.Data;
using Descent.Models;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

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
            labels[i] = rng.NextDouble() < parameters.LabelNoise ? 1 - blobs.Labels![i] : blobs.Labels![i];
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
            throw new InvalidOperationException($"{loss} training diverged: {result.Message}; lower LearningRate (now {p.LearningRate}).");
        if (steps[^1] != result.Steps) Record(result.Steps, result.Theta);
        return new LossCurves(loss == LossFunction.Logistic ? "logistic" : "hinge", [.. steps], [.. trainLoss], [.. trainError], [.. validLoss], [.. validError]);
    }
}
