using Descent.Curvature;
using Descent.Functions;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="SaddleEscape"/>.</summary>
public sealed record SaddleEscapeParameters
{
    /// <summary>Dimension n of the strict saddle (≥ 2); one escape direction, n − 1 stable ones.</summary>
    public int Dimension { get; init => field = Guard.AtLeast(value, 2, nameof(Dimension)); } = 10;

    /// <summary>Seeded runs per method (≥ 1).</summary>
    public int Runs { get; init => field = Guard.AtLeast(value, 1, nameof(Runs)); } = 200;

    /// <summary>Learning rate ε.</summary>
    public double LearningRate { get; init => field = Guard.Between(value, 0, 1, nameof(LearningRate)); } = 0.1;

    /// <summary>Standard deviation of the start's offset from the stable manifold (every coordinate; tiny, so plain GD
    /// arrives at the saddle with almost no escape component).</summary>
    public double StartNoise { get; init; } = 1e-10;

    /// <summary>Perturbed GD: radius r of the ball the perturbation ξ is drawn from.</summary>
    public double PerturbationRadius { get; init; } = 1e-2;

    /// <summary>Perturbed GD: perturb when ‖∇L‖ ≤ this.</summary>
    public double GradientThreshold { get; init; } = 1e-2;

    /// <summary>Perturbed GD: at least this many steps between perturbations (t_thres).</summary>
    public int QuietSteps { get; init; } = 20;

    /// <summary>Step cap per run.</summary>
    public int MaxSteps { get; init => field = Guard.AtLeast(value, 1, nameof(MaxSteps)); } = 2000;

    /// <summary>Seed of the starts (run i uses seed + i) and of the perturbations.</summary>
    public int Seed { get; init; } = 3;
}

/// <summary>Result of <see cref="SaddleEscape"/>: escape times (steps until L ≤ −¼·depth), −1 for a run that never escaped.</summary>
/// <param name="GradientDescent">Plain GD escape times.</param>
/// <param name="Perturbed">Perturbed GD escape times (same starts).</param>
/// <param name="ExampleGradientDescent">The first plain GD run (for loss and ‖g‖ curves).</param>
/// <param name="ExamplePerturbed">The first perturbed GD run.</param>
public sealed record SaddleEscapeResult(int[] GradientDescent, int[] Perturbed, TrainingResult ExampleGradientDescent, TrainingResult ExamplePerturbed)
    : IExperimentResult
{
    /// <summary>Escape times of the runs that escaped, as doubles (for histograms).</summary>
    public static double[] Escaped(int[] times) => times.Where(t => t >= 0).Select(t => (double)t).ToArray();

    /// <summary>Median escape time of plain GD (over escaped runs).</summary>
    public double GradientDescentMedian => SampleStatistics.Quantile(Escaped(GradientDescent), 0.5);

    /// <summary>Median escape time of perturbed GD.</summary>
    public double PerturbedMedian => SampleStatistics.Quantile(Escaped(Perturbed), 0.5);

    /// <summary>Longest escape time of plain GD.</summary>
    public double GradientDescentMax => Escaped(GradientDescent).DefaultIfEmpty(double.NaN).Max();

    /// <summary>Longest escape time of perturbed GD.</summary>
    public double PerturbedMax => Escaped(Perturbed).DefaultIfEmpty(double.NaN).Max();

    /// <inheritdoc />
    public string Summary =>
        $"plain GD escapes in median {GradientDescentMedian:G4} steps (max {GradientDescentMax:G4}, {GradientDescent.Count(t => t < 0)} never); " +
        $"perturbed GD in median {PerturbedMedian:G4} (max {PerturbedMax:G4}, {Perturbed.Count(t => t < 0)} never), over {GradientDescent.Length} runs";

    /// <inheritdoc />
    public ResultTable ToTable() => new(["run", "gd_escape_steps", "perturbed_escape_steps"],
        GradientDescent.Select((t, i) => (IReadOnlyList<object>)[i, t, Perturbed[i]]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>
/// Perturbed gradient descent (Jin, Ge, Netrapalli, Kakade &amp; Jordan 2017, arXiv:1703.00887; Yarotsky, "Optimization of neural networks") against plain
/// GD near a strict saddle: L = ½Σᵢ₌₁ⁿ⁻¹ θᵢ² − ½θₙ² + ¼θₙ⁴ (<see cref="IndexSaddle"/>, one escape direction with λ = −1,
/// minima at θₙ = ±1 with L = −¼). Every run starts at distance 1 from the saddle along a random stable direction plus a
/// tiny offset (σ = <see cref="SaddleEscapeParameters.StartNoise"/>): gradient descent slides to the saddle and waits there
/// until the escape component, multiplied by 1 + ε|λ| per step, is large; the perturbation kicks in as soon as ‖g‖ is
/// small and gives it a size of order r/√n at once.
/// </summary>
/// <remarks>Escape time: the first step with L(θₖ) ≤ −1/8, half-way down from the saddle (L = 0) to the minima.</remarks>
public sealed class SaddleEscape : Experiment<SaddleEscapeParameters, SaddleEscapeResult>
{
    /// <summary>L at or below which a run counts as escaped: half the depth of the minima, −1/8.</summary>
    public const double EscapeLoss = -0.125;

    /// <inheritdoc />
    public override string Name => "saddle-escape";

    /// <inheritdoc />
    public override string Chapter => "03";

    /// <inheritdoc />
    public override string Summary => "Escape times of plain vs perturbed gradient descent (Jin et al. 2017) from a strict saddle.";

    /// <summary>The start of run i: a unit stable direction plus Gaussian noise of standard deviation σ on every coordinate.</summary>
    public static Vector<double> Start(int dimension, double noise, int seed)
    {
        if (dimension < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "dimension must be at least 2.");
        }

        var random = new Random(seed);
        var theta = Vector<double>.Build.Dense(dimension, i => i < dimension - 1 ? RandomSymmetric.Gaussian(random) : 0.0);
        theta /= theta.L2Norm();
        for (int i = 0; i < dimension; i++)
        {
            theta[i] += noise * RandomSymmetric.Gaussian(random);
        }

        return theta;
    }

    /// <inheritdoc />
    public override SaddleEscapeResult Run(SaddleEscapeParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(parameters.StartNoise >= 0) || !double.IsFinite(parameters.StartNoise))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.StartNoise, "StartNoise must be a finite number ≥ 0.");
        }

        var surface = new IndexSaddle(parameters.Dimension, 1);
        var gd = new int[parameters.Runs];
        var pgd = new int[parameters.Runs];
        TrainingResult? exampleGd = null, examplePgd = null;
        for (int i = 0; i < parameters.Runs; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = Start(parameters.Dimension, parameters.StartNoise, parameters.Seed + i);
            var options = new TrainingOptions { MaxSteps = parameters.MaxSteps, TargetLoss = EscapeLoss, RecordThetaEvery = i == 0 ? 1 : 0 };
            var a = Trainer.Run(surface, Optimizers.GradientDescent(parameters.LearningRate), start, options, cancellationToken);
            var b = Trainer.Run(surface, Optimizers.PerturbedGradientDescent(parameters.LearningRate, parameters.PerturbationRadius,
                parameters.GradientThreshold, parameters.QuietSteps, parameters.Seed + i), start, options, cancellationToken);
            gd[i] = a.Reason == StopReason.TargetLoss ? a.Steps : -1;
            pgd[i] = b.Reason == StopReason.TargetLoss ? b.Steps : -1;
            if (i == 0)
            {
                (exampleGd, examplePgd) = (a, b);
            }

            progress?.Report((i + 1.0) / parameters.Runs);
        }
        return new SaddleEscapeResult(gd, pgd, exampleGd!, examplePgd!);
    }
}
