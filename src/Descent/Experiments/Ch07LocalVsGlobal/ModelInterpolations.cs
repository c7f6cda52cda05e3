using Descent.Data;
using Descent.Models;
using Descent.Optimization;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="ModelInterpolations"/>.</summary>
public sealed record ModelInterpolationsParameters
{
    /// <summary>SGD steps for each digits network.</summary>
    public int DigitsSteps { get; init; } = 400;

    /// <summary>Training steps for the memory-task RNN.</summary>
    public int RnnSteps { get; init; } = 200;

    /// <summary>Exact-gradient steps for the RBM.</summary>
    public int RbmSteps { get; init; } = 300;

    /// <summary>Points on each line.</summary>
    public int Count { get; init; } = 41;

    /// <summary>Seed of every initialization and sampler.</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>The five lines of <see cref="ModelInterpolations"/>.</summary>
/// <param name="Lines">tanh MLP, ReLU MLP, a failed tanh MLP run, a tanh RNN, an RBM.</param>
public sealed record ModelInterpolationsResult(IReadOnlyList<LossLine> Lines) : IExperimentResult
{
    /// <inheritdoc />
    public string Summary => string.Join("\n", Lines.Select(l => l.ToString()));

    /// <inheritdoc />
    public ResultTable ToTable() => new(["model", "alpha", "loss"],
        [.. Lines.SelectMany(l => l.Alphas.Select((a, i) => new object[] { l.Name, a, l.Losses[i] }))]);

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>
/// Goodfellow's question "is the 1-D picture special to one model?" (Goodfellow et al. 2015 show maxout, other activations,
/// convolutional, LSTM and MP-DBM models): the loss along θ₀ → θ* for a tanh and a ReLU digits MLP, for a run that
/// fails (weights initialized 8× too large, so the units saturate — "history is written by the winners"), for a tanh RNN
/// on the memory task (standing in for the LSTM) and for an RBM trained by its exact gradient (standing in for the
/// MP-DBM; the loss is its exact negative log-likelihood).
/// </summary>
public sealed class ModelInterpolations : Experiment<ModelInterpolationsParameters, ModelInterpolationsResult>
{
    /// <inheritdoc />
    public override string Name => "model-interpolations";

    /// <inheritdoc />
    public override string Chapter => "07";

    /// <inheritdoc />
    public override string Summary => "Loss along θ₀ → θ* for other models: ReLU MLP, a failed run, a tanh RNN (memory task), an RBM (exact likelihood).";

    /// <inheritdoc />
    public override ModelInterpolationsResult Run(ModelInterpolationsParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.DigitsSteps < 1 || parameters.RnnSteps < 1 || parameters.RbmSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "DigitsSteps, RnnSteps and RbmSteps must be at least 1.");
        }

        int seed = parameters.Seed, count = parameters.Count;
        var lines = new List<LossLine>();

        foreach (var (activation, scale, name) in new[]
                 {
                     (Activation.Tanh, 1.0, "tanh MLP (digits)"),
                     (Activation.Relu, 1.0, "ReLU MLP (digits)"),
                     (Activation.Tanh, 8.0, "tanh MLP, 8× too large init (a failed run)"),
                 })
        {
            var net = new DigitsNetwork(activation: activation);
            var run = net.Fit(net.Initialize(seed, scale), parameters.DigitsSteps, seed: seed, cancellationToken: cancellationToken);
            lines.Add(LossLine.Along(net.Train, run.Start, run.Theta, name, count: count));
            progress?.Report(lines.Count / 5.0);
        }

        var memory = Synthetic.MemoryTask(64, lag: 5, seed: seed);
        var rnn = SequenceModels.Rnn(memory, 16);
        var rnn0 = MemoryTaskExperiment.Initialize(rnn, "orthogonal", 0.1, 1.0, seed);
        var rnnRun = Trainer.Run(rnn, Optimizers.Momentum(0.02, 0.9).Prepend(new ClipByGlobalNorm(1.0)), rnn0,
            new TrainingOptions { MaxSteps = parameters.RnnSteps, DivergenceFactor = double.PositiveInfinity }, cancellationToken);
        lines.Add(LossLine.Along(rnn, rnn0, rnnRun.Theta, "tanh RNN (memory task, lag 5)", count: count));
        progress?.Report(0.8);

        var rbm = ContrastiveDivergenceBias.Student(new ContrastiveDivergenceParameters { Seed = seed });
        var rbm0 = rbm.Initialize(seed);
        var rbmRun = Trainer.Run(rbm, Optimizers.GradientDescent(0.5), rbm0, new TrainingOptions { MaxSteps = parameters.RbmSteps }, cancellationToken);
        lines.Add(LossLine.Along(rbm, rbm0, rbmRun.Theta, "RBM 6×4 (exact negative log-likelihood)", count: count));
        progress?.Report(1.0);
        return new ModelInterpolationsResult(lines);
    }
}
