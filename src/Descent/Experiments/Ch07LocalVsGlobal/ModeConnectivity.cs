using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="ModeConnectivity"/>.</summary>
public sealed record ModeConnectivityParameters
{
    /// <summary>Hidden-layer widths of the digits MLP.</summary>
    public int[] Hidden { get; init; } = [16];

    /// <summary>SGD steps for each of the two networks (≥ 1).</summary>
    public int Steps { get; init; } = 1000;

    /// <summary>Learning rate ε of SGD for the two networks.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Minibatch size (≥ 1).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Seed of network A (initialization and minibatch order).</summary>
    public int SeedA { get; init; } = 1;

    /// <summary>Seed of network B.</summary>
    public int SeedB { get; init; } = 2;

    /// <summary>Shape of the trained path.</summary>
    public CurveKind Curve { get; init; } = CurveKind.Bezier;

    /// <summary>SGD steps on the bend point (≥ 0; 0 leaves it at the midpoint, i.e. the straight line).</summary>
    public int CurveSteps { get; init; } = 1000;

    /// <summary>Learning rate of the bend point's SGD.</summary>
    public double CurveLearningRate { get; init; } = 0.3;

    /// <summary>Seed of the bend training (t samples and minibatches).</summary>
    public int CurveSeed { get; init; } = 5;

    /// <summary>Points along each path where the loss is evaluated (≥ 3).</summary>
    public int Points { get; init; } = 41;
}

/// <summary>Result of <see cref="ModeConnectivity"/>: the loss along the straight line and along the trained curve between two solutions.</summary>
/// <param name="T">Path positions t ∈ [0, 1].</param>
/// <param name="LineTrainLosses">Training loss at (1 − t)θ_A + tθ_B.</param>
/// <param name="LineValidationLosses">Validation loss on the line.</param>
/// <param name="CurveTrainLosses">Training loss at φ(t) on the trained curve.</param>
/// <param name="CurveValidationLosses">Validation loss on the curve.</param>
/// <param name="Curve">Shape of the curve.</param>
/// <param name="A">Network A's run.</param>
/// <param name="B">Network B's run.</param>
/// <param name="Bend">The trained bend point θ_bend.</param>
public sealed record ModeConnectivityResult(double[] T, double[] LineTrainLosses, double[] LineValidationLosses, double[] CurveTrainLosses,
    double[] CurveValidationLosses, CurveKind Curve, DigitsTrainingRun A, DigitsTrainingRun B, Vector<double> Bend) : IExperimentResult
{
    /// <summary>Barrier of the training loss along the straight line (<see cref="LossBarrier"/>).</summary>
    public double LineBarrier => LossBarrier.Height(T, LineTrainLosses);

    /// <summary>Barrier of the training loss along the trained curve.</summary>
    public double CurveBarrier => LossBarrier.Height(T, CurveTrainLosses);

    /// <summary>‖θ_A − θ_B‖: how far apart the two solutions are.</summary>
    public double Distance => (A.Theta - B.Theta).L2Norm();

    /// <inheritdoc />
    public string Summary =>
        $"Two digits networks (train loss {A.TrainLoss:G3} and {B.TrainLoss:G3}, ‖θ_A − θ_B‖ = {Distance:G3}): the straight line between them peaks at "
        + $"{LineTrainLosses.Max():G3} (barrier {LineBarrier:G3}); the trained {(Curve == CurveKind.Bezier ? "Bézier curve" : "one-bend chain")} peaks at "
        + $"{CurveTrainLosses.Max():G3} (barrier {CurveBarrier:G3}, {CurveBarrier / LineBarrier:P1} of the line's)";

    /// <inheritdoc />
    public ResultTable ToTable() => new(["t", "line_train", "line_validation", "curve_train", "curve_validation"],
        Enumerable.Range(0, T.Length).Select(i => (IReadOnlyList<object>)[T[i], LineTrainLosses[i], LineValidationLosses[i], CurveTrainLosses[i], CurveValidationLosses[i]]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>
/// Mode connectivity (Draxler, Veschgini, Salmhofer &amp; Hamprecht 2018, arXiv:1803.00885; Garipov, Izmailov, Podoprikhin,
/// Vetrov &amp; Wilson 2018, arXiv:1802.10026), Yarotsky, "Optimization of neural networks": two digits networks trained from different seeds are joined
/// by the straight line, which crosses a loss barrier, and by a curve with one trainable bend θ_bend, trained by SGD on
/// the loss averaged over the path, E_{t~U(0,1)} L(φ(t)); its gradient with respect to the bend is
/// (∂φ(t)/∂θ_bend)·∇L(φ(t)) = w(t)∇L(φ(t)), w(t) = 2t(1 − t) for the Bézier curve and 2min(t, 1 − t) for the chain.
/// The trained path has almost no barrier: the two minima lie in one connected low-loss valley.
/// </summary>
public sealed class ModeConnectivity : Experiment<ModeConnectivityParameters, ModeConnectivityResult>
{
    /// <inheritdoc />
    public override string Name => "mode-connectivity";

    /// <inheritdoc />
    public override string Chapter => "07";

    /// <inheritdoc />
    public override string Summary => "Loss along the straight line and along a trained one-bend curve between two independently trained digits networks.";

    /// <inheritdoc />
    public override ModeConnectivityResult Run(ModeConnectivityParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var network = new DigitsNetwork(parameters.Hidden);
        var a = network.Fit(network.Initialize(parameters.SeedA), parameters.Steps, parameters.LearningRate, parameters.BatchSize, parameters.SeedA,
            cancellationToken: cancellationToken);
        progress?.Report(0.3);
        var b = network.Fit(network.Initialize(parameters.SeedB), parameters.Steps, parameters.LearningRate, parameters.BatchSize, parameters.SeedB,
            cancellationToken: cancellationToken);
        progress?.Report(0.6);
        var result = Between(network, a, b, parameters.Curve, parameters.CurveSteps, parameters.CurveLearningRate, parameters.BatchSize,
            parameters.CurveSeed, parameters.Points, cancellationToken);
        progress?.Report(1.0);
        return result;
    }

    /// <summary>Trains a bend between two existing runs (<see cref="TrainBend"/>) and evaluates the line and the curve at
    /// <paramref name="points"/> evenly spaced t on the training and validation splits.</summary>
    public static ModeConnectivityResult Between(DigitsNetwork network, DigitsTrainingRun a, DigitsTrainingRun b, CurveKind curve = CurveKind.Bezier,
        int curveSteps = 1000, double curveLearningRate = 0.3, int batchSize = 32, int curveSeed = 5, int points = 41,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!(curveLearningRate > 0) || !double.IsFinite(curveLearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(curveLearningRate), curveLearningRate, "curveLearningRate must be a finite number > 0.");
        }

        if (points < 3 || points > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, "points must be in [3, 10000].");
        }

        var bend = TrainBend(network, a.Theta, b.Theta, curve, curveSteps, curveLearningRate, batchSize, curveSeed, cancellationToken);
        var t = LinearInterpolation.Grid(0, 1, points);
        var (lineTrain, lineValidation) = LinearInterpolation.LossesAlong(network, a.Theta, b.Theta, t);
        var curveTrain = new double[t.Length];
        var curveValidation = new double[t.Length];
        for (int i = 0; i < t.Length; i++)
        {
            var p = PointOn(curve, a.Theta, bend, b.Theta, t[i]);
            curveTrain[i] = network.Train.Value(p);
            curveValidation[i] = network.Validation.Value(p);
        }
        return new ModeConnectivityResult(t, lineTrain, lineValidation, curveTrain, curveValidation, curve, a, b, bend);
    }

    /// <summary>φ(t) on the curve of the given kind from <paramref name="a"/> through the bend to <paramref name="b"/>.</summary>
    public static Vector<double> PointOn(CurveKind kind, Vector<double> a, Vector<double> bend, Vector<double> b, double t)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(bend);
        ArgumentNullException.ThrowIfNull(b);
        if (!(t >= 0 && t <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, "t must be in [0, 1].");
        }

        return kind switch
        {
            CurveKind.Bezier => (1 - t) * (1 - t) * a + 2 * t * (1 - t) * bend + t * t * b,
            CurveKind.PolyChain => t <= 0.5 ? a + 2 * t * (bend - a) : bend + (2 * t - 1) * (b - bend),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "kind must be Bezier or PolyChain."),
        };
    }

    /// <summary>w(t) = ∂φ(t)/∂θ_bend (a scalar times the identity): 2t(1 − t) for Bézier, 2min(t, 1 − t) for the chain.</summary>
    public static double BendWeight(CurveKind kind, double t) => kind switch
    {
        CurveKind.Bezier => 2 * t * (1 - t),
        CurveKind.PolyChain => 2 * Math.Min(t, 1 - t),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "kind must be Bezier or PolyChain."),
    };

    /// <summary>
    /// SGD on the path-averaged loss: from θ_bend = (θ_A + θ_B)/2 (for which both curves are the straight line), each step draws
    /// t ~ U(0, 1) and a minibatch B and sets θ_bend ← θ_bend − ε w(t) ∇L_B(φ(t)).
    /// </summary>
    public static Vector<double> TrainBend(DigitsNetwork network, Vector<double> a, Vector<double> b, CurveKind kind, int steps,
        double learningRate, int batchSize, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (steps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be ≥ 0.");
        }

        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1.");
        }

        cancellationToken = AmbientCancellation.Or(cancellationToken);
        var random = new Random(seed);
        var sampler = Data.MinibatchSampler.ShuffledEachEpoch(network.Train.ExampleCount, Math.Min(batchSize, network.Train.ExampleCount), seed);
        var bend = new DenseVector(((a + b) / 2).ToArray());
        var gradient = new double[bend.Count];
        for (int k = 0; k < steps; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double t = random.NextDouble();
            var p = PointOn(kind, a, bend, b, t);
            double loss = network.Train.ValueAndGradient(p, sampler.Next(), gradient);
            if (!double.IsFinite(loss))
            {
                throw new InvalidOperationException($"bend training diverged at step {k}; use a smaller CurveLearningRate.");
            }

            double w = learningRate * BendWeight(kind, t);
            for (int i = 0; i < gradient.Length; i++)
            {
                bend.Values[i] -= w * gradient[i];
            }
        }
        return bend;
    }
}
