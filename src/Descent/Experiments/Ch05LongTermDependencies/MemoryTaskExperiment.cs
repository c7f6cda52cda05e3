using Descent.Data;
using Descent.Models;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

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

/// <summary>
/// The long-lag memory task (Hochreiter &amp; Schmidhuber 1997; Bengio, Simard &amp; Frasconi 1994): a tanh RNN sees a symbol,
/// then T blank steps and a recall cue, and must name the symbol. The gradient that teaches it to keep the symbol passes
/// through T factors diag(φ')W, so it vanishes for a small Gaussian W and survives for a scaled orthogonal or identity W
/// (Saxe et al. 2014, arXiv:1312.6120; Le, Jaitly &amp; Hinton 2015, arXiv:1504.00941). Success rate (fresh test sequences)
/// against the lag, for each initialization, with and without clipping by norm.
/// </summary>
public sealed class MemoryTaskExperiment : Experiment<MemoryTaskParameters, MemoryTaskResult>
{
    /// <inheritdoc />
    public override string Name => "memory-task";

    /// <inheritdoc />
    public override string Chapter => "05";

    /// <inheritdoc />
    public override string Summary => "Success rate on the long-lag memory task against the lag, for Gaussian, orthogonal and identity recurrent initializations, with and without clipping.";

    /// <summary>Initial θ of <paramref name="rnn"/>: U, V (and W for "gaussian") with entries N(0, σ²), biases 0; for
    /// "gaussian-rho" W is a Gaussian matrix rescaled to spectral radius ρ, for "orthogonal" W = ρQ, for "identity" W = ρI.</summary>
    public static Vector<double> Initialize(Rnn rnn, string initialization, double weightScale, double recurrentScale, int seed)
    {
        ArgumentNullException.ThrowIfNull(rnn);
        var theta = rnn.Initialize(Initialization.Gaussian(weightScale), seed);
        return initialization switch
        {
            "gaussian" => theta,
            "gaussian-rho" => rnn.WithRecurrentMatrix(theta, GradientPropagation.GaussianWithRadius(rnn.HiddenSize, recurrentScale, new Random(seed + 7919))),
            "orthogonal" => rnn.WithRecurrentMatrix(theta, GradientPropagation.ScaledOrthogonal(rnn.HiddenSize, recurrentScale, new Random(seed + 7919))),
            "identity" => SequenceModels.WithIdentityRecurrence(rnn, theta, recurrentScale),
            _ => throw new ArgumentOutOfRangeException(nameof(initialization), initialization, "initialization must be gaussian, gaussian-rho, orthogonal or identity."),
        };
    }

    /// <inheritdoc />
    public override MemoryTaskResult Run(MemoryTaskParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Lags is not { Length: > 0 } || parameters.Lags.Any(l => l < 1))
        {
            throw new ArgumentException("Lags must list values ≥ 1.", nameof(parameters));
        }

        if (parameters.Initializations is not { Length: > 0 })
        {
            throw new ArgumentException("Initializations must list at least one of gaussian, orthogonal, identity.", nameof(parameters));
        }

        if (parameters.ClipNorms is not { Length: > 0 } || parameters.ClipNorms.Any(v => !(v >= 0) || !double.IsFinite(v)))
        {
            throw new ArgumentException("ClipNorms must list finite values ≥ 0 (0 = no clipping).", nameof(parameters));
        }

        var rows = new List<MemoryTaskRow>();
        int total = parameters.Initializations.Length * parameters.ClipNorms.Length * parameters.Lags.Length, done = 0;
        var options = new TrainingOptions { MaxSteps = parameters.Steps, RecordThetaEvery = 0, DivergenceFactor = double.PositiveInfinity };
        foreach (string init in parameters.Initializations)
        {
            foreach (double clip in parameters.ClipNorms)
            {
                foreach (int lag in parameters.Lags)
                {
                    int successes = 0;
                    double accuracy = 0, loss = 0, signal = 0, largest = 0;
                    for (int s = 0; s < parameters.Seeds; s++)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        int seed = parameters.Seed + s;
                        var train = Synthetic.MemoryTask(parameters.TrainCount, lag, seed, parameters.Symbols);
                        var test = Synthetic.MemoryTask(parameters.TestCount, lag, seed + 100_003, parameters.Symbols);
                        var rnn = SequenceModels.Rnn(train, parameters.Hidden);
                        var theta0 = Initialize(rnn, init, parameters.WeightScale, parameters.RecurrentScale, seed);
                        signal += rnn.HiddenJacobianNorms(theta0, 0)[1] / parameters.Seeds;
                        var optimizer = Optimizers.Momentum(parameters.LearningRate, parameters.Momentum);
                        if (clip > 0)
                        {
                            optimizer = optimizer.Prepend(new ClipByGlobalNorm(clip));
                        }

                        var run = Trainer.Run(rnn, optimizer, theta0, options, cancellationToken);
                        double acc = double.IsFinite(run.Loss) ? SequenceModels.Accuracy(SequenceModels.Rnn(test, parameters.Hidden), run.Theta, test.Labels!) : 0;
                        accuracy += acc / parameters.Seeds;
                        loss += run.Loss / parameters.Seeds;
                        largest = Math.Max(largest, run.GradientNorms.Max());
                        if (acc >= parameters.SuccessAccuracy)
                        {
                            successes++;
                        }
                    }
                    rows.Add(new MemoryTaskRow(init, clip, lag, successes / (double)parameters.Seeds, accuracy, loss, signal, largest));
                    progress?.Report(++done / (double)total);
                }
            }
        }

        return new MemoryTaskResult(rows, parameters.Symbols);
    }
}

/// <summary>Result of <see cref="MemoryTaskExperiment"/>: success rate against lag for each initialization and clipping.</summary>
/// <param name="Rows">One row per (initialization, clipping, lag).</param>
/// <param name="Symbols">S (chance accuracy 1/S).</param>
public sealed record MemoryTaskResult(IReadOnlyList<MemoryTaskRow> Rows, int Symbols) : IExperimentResult
{
    /// <summary>The configurations in order (initialization and clipping).</summary>
    public IReadOnlyList<string> Configurations => Rows.Select(r => r.Configuration).Distinct().ToArray();

    /// <summary>The rows of one configuration, by lag.</summary>
    public IReadOnlyList<MemoryTaskRow> Of(string configuration) => Rows.Where(r => r.Configuration == configuration).OrderBy(r => r.Lag).ToArray();

    /// <summary>Rebuilds a result from its table (e.g. the <see cref="StoredResult.Table"/> of a CLI run).</summary>
    public static MemoryTaskResult FromTable(ResultTable table, int symbols = 4)
    {
        ArgumentNullException.ThrowIfNull(table);
        var c = table.Columns.ToList();
        int I(string name) => c.IndexOf(name) is var j and >= 0 ? j : throw new ArgumentException($"the table has no column '{name}'.", nameof(table));
        double D(IReadOnlyList<object> row, string name) => Convert.ToDouble(row[I(name)], System.Globalization.CultureInfo.InvariantCulture);
        var rows = table.Rows.Select(r => new MemoryTaskRow(Convert.ToString(r[I("initialization")], System.Globalization.CultureInfo.InvariantCulture)!,
            D(r, "clip_norm"), (int)D(r, "lag"), D(r, "success_rate"), D(r, "mean_accuracy"), D(r, "mean_final_loss"), D(r, "gradient_to_start"),
            D(r, "largest_gradient"))).ToArray();
        return new MemoryTaskResult(rows, symbols);
    }

    /// <inheritdoc />
    public string Summary => $"memory task, {Symbols} symbols (chance {1.0 / Symbols:P0}):\n" + string.Join("\n", Rows);

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["initialization", "clip_norm", "lag", "success_rate", "mean_accuracy", "mean_final_loss", "gradient_to_start", "largest_gradient"],
        Rows.Select(r => (IReadOnlyList<object>)[r.Initialization, r.ClipNorm, r.Lag, r.SuccessRate, r.MeanAccuracy, r.MeanFinalLoss, r.MeanGradientToStart, r.LargestGradient]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>One (initialization, clipping, lag) cell of <see cref="MemoryTaskExperiment"/>.</summary>
/// <param name="Initialization">"gaussian", "orthogonal" or "identity".</param>
/// <param name="ClipNorm">v (0 = no clipping).</param>
/// <param name="Lag">T.</param>
/// <param name="SuccessRate">Fraction of seeds whose test accuracy reached the success level.</param>
/// <param name="MeanAccuracy">Mean test accuracy over the seeds.</param>
/// <param name="MeanFinalLoss">Mean final training loss over the seeds.</param>
/// <param name="MeanGradientToStart">Mean over seeds of ‖∂h_T/∂h₁‖ at initialization: how much signal reaches the symbol's step.</param>
/// <param name="LargestGradient">Largest ‖∇L‖ seen during training, over all seeds (before clipping).</param>
public sealed record MemoryTaskRow(string Initialization, double ClipNorm, int Lag, double SuccessRate, double MeanAccuracy, double MeanFinalLoss,
    double MeanGradientToStart, double LargestGradient)
{
    /// <summary>Legend name of the configuration.</summary>
    public string Configuration => ClipNorm > 0 ? $"{Initialization}, clip ‖g‖ ≤ {ClipNorm:G3}" : Initialization;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Configuration}, lag {Lag}: success {SuccessRate:P0}, test accuracy {MeanAccuracy:P0}, loss {MeanFinalLoss:G3}, ‖∂h_T/∂h₁‖ at start {MeanGradientToStart:G3}, largest ‖g‖ {LargestGradient:G3}";
}
