using Descent.Functions;
using Descent.Optimization;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="NoisyEscape"/>.</summary>
public sealed record NoisyEscapeParameters
{
    /// <summary>Standard deviations s of the noise added to every gradient component.</summary>
    public double[] NoiseLevels { get; init; } = [0, 0.5, 1, 2, 4];

    /// <summary>Seeded runs per noise level.</summary>
    public int Runs { get; init; } = 40;

    /// <summary>Noisy steps, after which plain gradient descent settles the run into its basin.</summary>
    public int NoisySteps { get; init; } = 400;

    /// <summary>Step size ε.</summary>
    public double LearningRate { get; init => field = Guard.Positive(value, nameof(LearningRate)); } = 0.25;

    /// <summary>First seed.</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>One noise level: where the runs ended.</summary>
public sealed record NoisyEscapeRow(double Noise, int Global, int Local, int NotConverged)
{
    /// <summary>The fraction of runs still in the shallow basin.</summary>
    public double LocalFraction => (double)Local / (Global + Local + NotConverged);
}

/// <summary>The rows of <see cref="NoisyEscape"/>.</summary>
public sealed record NoisyEscapeResult(IReadOnlyList<NoisyEscapeRow> Rows, int Runs) : IExperimentResult
{
    /// <inheritdoc />
    public string Summary => $"From the start behind the mountain, {Runs} noisy runs per level end in: " + string.Join("; ",
        Rows.Select(r => $"s = {r.Noise:G3}: {r.Local} shallow basin, {r.Global} global, {r.NotConverged} elsewhere"));

    /// <inheritdoc />
    public ResultTable ToTable() => new(["noise", "global", "local", "not_converged"],
        [.. Rows.Select(r => new object[] { r.Noise, r.Global, r.Local, r.NotConverged })]);

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>
/// The UvA notes, "Challenges of optimizing deep neural networks": "stochasticity alone is not always enough to escape local minima." Gradient descent on
/// <see cref="WrongSideOfMountain"/> from its start stops in the shallow basin; here every gradient gets Gaussian noise
/// of standard deviation s for a number of steps, then plain descent settles the run, and the basin it ends in is counted.
/// </summary>
public sealed class NoisyEscape : Experiment<NoisyEscapeParameters, NoisyEscapeResult>
{
    /// <inheritdoc />
    public override string Name => "noisy-escape";

    /// <inheritdoc />
    public override string Chapter => "07";

    /// <inheritdoc />
    public override string Summary => "Does gradient noise get gradient descent out of the shallow basin behind the mountain?";

    /// <inheritdoc />
    public override NoisyEscapeResult Run(NoisyEscapeParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.NoiseLevels is not { Length: > 0 } || parameters.NoiseLevels.Any(s => !(s >= 0) || !double.IsFinite(s)))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "NoiseLevels must list finite values ≥ 0.");
        }

        if (parameters.Runs < 1 || parameters.NoisySteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "Runs and NoisySteps must be at least 1.");
        }

        var surface = new WrongSideOfMountain();
        var rows = new List<NoisyEscapeRow>();
        foreach (var s in parameters.NoiseLevels)
        {
            int global = 0, local = 0, other = 0;
            for (int r = 0; r < parameters.Runs; r++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var noisy = Trainer.Run(surface, Optimizers.NoisyGradientDescent(parameters.LearningRate, s, parameters.Seed + r), surface.Start,
                    new TrainingOptions { MaxSteps = parameters.NoisySteps, DivergenceFactor = double.PositiveInfinity }, cancellationToken);
                var (outcome, _) = BasinMap.Descend(surface, noisy.Theta[0], noisy.Theta[1], parameters.LearningRate, 5000);
                _ = outcome switch
                {
                    BasinOutcome.Global => global++,
                    BasinOutcome.Local => local++,
                    _ => other++,
                };
            }

            rows.Add(new NoisyEscapeRow(s, global, local, other));
            progress?.Report(rows.Count / (double)parameters.NoiseLevels.Length);
        }

        return new NoisyEscapeResult(rows, parameters.Runs);
    }
}
