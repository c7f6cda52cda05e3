using Descent.Models;
using Descent.Optimization;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="SaxeLearningCurves"/>.</summary>
public sealed record SaxeLearningCurvesParameters
{
    /// <summary>Singular values sₐ of Σyx: the mode strengths to learn (each &gt; 0).</summary>
    public double[] Strengths { get; init; } = [3.0, 2.0, 1.0, 0.5];

    /// <summary>Number of weight layers d (≥ 2).</summary>
    public int Depth { get; init => field = Guard.AtLeast(value, 2, nameof(Depth)); } = 2;

    /// <summary>How the weights start.</summary>
    public SaxeInitialization Initialization { get; init; } = SaxeInitialization.Decoupled;

    /// <summary>u₀ for <see cref="SaxeInitialization.Decoupled"/>, σ for <see cref="SaxeInitialization.SmallGaussian"/>.</summary>
    public double InitialScale { get; init; } = 1e-3;

    /// <summary>Learning rate ε (time t = kε).</summary>
    public double LearningRate { get; init => field = Guard.Positive(value, nameof(LearningRate)); } = 0.01;

    /// <summary>Gradient-descent steps.</summary>
    public int Steps { get; init => field = Guard.AtLeast(value, 1, nameof(Steps)); } = 1000;

    /// <summary>Record the mode strengths every this many steps.</summary>
    public int RecordEvery { get; init => field = Guard.AtLeast(value, 1, nameof(RecordEvery)); } = 10;

    /// <summary>Seed of U, V and of random initializations.</summary>
    public int Seed { get; init; } = 3;
}

/// <summary>Result of <see cref="SaxeLearningCurves"/>.</summary>
/// <param name="Strengths">sₐ.</param>
/// <param name="Times">t = kε at each record.</param>
/// <param name="Losses">Simulated L at each record.</param>
/// <param name="Modes">Simulated mode strengths: Modes[a][record].</param>
/// <param name="Analytic">Analytic curves u(t) per mode from the simulated initial strength (NaN when it is not in (0, s)).</param>
/// <param name="AnalyticLoss">½Σₐ(sₐ − uₐ(t))² from the analytic curves (exact for the decoupled start).</param>
/// <param name="Depth">d.</param>
/// <param name="Initialization">How the run started.</param>
public sealed record SaxeLearningCurvesResult(double[] Strengths, double[] Times, double[] Losses, double[][] Modes, double[][] Analytic,
    double[] AnalyticLoss, int Depth, SaxeInitialization Initialization) : IExperimentResult
{
    /// <summary>Largest |simulated − analytic| over all modes and records (NaN entries skipped).</summary>
    public double MaxDeviation => Modes.Zip(Analytic, (m, a) => m.Zip(a, (x, y) => Math.Abs(x - y)).Where(double.IsFinite).DefaultIfEmpty(0).Max()).Max();

    /// <summary>For each mode, the first time its simulated strength reaches half of sₐ (NaN if never).</summary>
    public double[] HalfTimes => Modes.Select((m, a) =>
    {
        int k = Array.FindIndex(m, x => x >= Strengths[a] / 2);
        return k < 0 ? double.NaN : Times[k];
    }).ToArray();

    /// <inheritdoc />
    public string Summary =>
        $"depth {Depth}, {Initialization} start: modes s = [{string.Join(", ", Strengths.Select(s => s.ToString("G3")))}] reach half strength at " +
        $"t = [{string.Join(", ", HalfTimes.Select(t => t.ToString("G3")))}]; largest gap to the analytic curves {MaxDeviation:G2}";

    /// <inheritdoc />
    public ResultTable ToTable()
    {
        var columns = new List<string> { "t", "loss", "analytic_loss" };
        for (int a = 0; a < Strengths.Length; a++)
        {
            columns.AddRange([$"mode{a}", $"mode{a}_analytic"]);
        }

        var rows = Times.Select((t, k) =>
        {
            var row = new List<object> { t, Losses[k], AnalyticLoss[k] };
            for (int a = 0; a < Strengths.Length; a++)
            {
                row.AddRange([Modes[a][k], Analytic[a][k]]);
            }

            return (IReadOnlyList<object>)row;
        }).ToArray();
        return new ResultTable(columns, rows);
    }

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>
/// Saxe, McClelland &amp; Ganguli (2014, arXiv:1312.6120; Harakeh, "Optimization for Training Deep Models"; Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions"): gradient descent on a deep linear network from a
/// small start shows long plateaus followed by sharp drops, one per input–output mode, strongest mode first; from a
/// decoupled start each mode follows the sigmoid u(t) = s/(1 + (s/u₀ − 1)e^{−2st}) (depth 2) exactly, and the simulation is
/// overlaid on the analytic curve (<see cref="SaxeLearningCurve"/>).
/// </summary>
public sealed class SaxeLearningCurves : Experiment<SaxeLearningCurvesParameters, SaxeLearningCurvesResult>
{
    /// <inheritdoc />
    public override string Name => "saxe-learning-curves";

    /// <inheritdoc />
    public override string Chapter => "03";

    /// <inheritdoc />
    public override string Summary => "Deep linear network learning curves (Saxe et al. 2014): plateaus and drops per mode vs the analytic sigmoids.";

    /// <inheritdoc />
    public override SaxeLearningCurvesResult Run(SaxeLearningCurvesParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var s = parameters.Strengths ?? throw new ArgumentNullException(nameof(parameters), "Strengths must be given.");
        var net = SaxeNetworks.Network(s, parameters.Depth, parameters.Seed);
        var theta0 = SaxeNetworks.Initialize(net, parameters.Initialization, parameters.InitialScale, parameters.Seed + 2);
        var times = new List<double>();
        var losses = new List<double>();
        var modes = s.Select(_ => new List<double>()).ToArray();
        Trainer.Run(net, Optimizers.GradientDescent(parameters.LearningRate), theta0, new TrainingOptions
        {
            MaxSteps = parameters.Steps,
            RecordThetaEvery = 0,
            CallbackEvery = parameters.RecordEvery,
            DivergenceFactor = double.PositiveInfinity,
            OnStep = step =>
            {
                times.Add(step.Step * parameters.LearningRate);
                losses.Add(step.Loss);
                var m = net.ModeStrengths(step.Theta);
                for (int a = 0; a < s.Length; a++)
                {
                    modes[a].Add(m[a]);
                }
            },
        }, cancellationToken);
        var t = times.ToArray();
        var analytic = s.Select((sa, a) =>
        {
            double u0 = modes[a][0];
            return u0 > 0 && u0 < sa ? SaxeLearningCurve.Curve(sa, u0, t, parameters.Depth) : t.Select(_ => double.NaN).ToArray();
        }).ToArray();
        var analyticLoss = t.Select((_, k) => 0.5 * s.Select((sa, a) => (sa - analytic[a][k]) * (sa - analytic[a][k])).Sum()).ToArray();
        progress?.Report(1);
        return new SaxeLearningCurvesResult(s.ToArray(), t, losses.ToArray(), modes.Select(m => m.ToArray()).ToArray(), analytic, analyticLoss,
            parameters.Depth, parameters.Initialization);
    }
}
