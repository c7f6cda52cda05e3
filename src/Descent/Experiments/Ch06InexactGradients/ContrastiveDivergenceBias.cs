using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="ContrastiveDivergenceBias"/>.</summary>
public sealed record ContrastiveDivergenceParameters
{
    /// <summary>Visible units V (1 … 12).</summary>
    public int Visible { get; init; } = 6;

    /// <summary>Hidden units H of the student (1 … 12).</summary>
    public int Hidden { get; init; } = 4;


    /// <summary>Training vectors N (≥ 1), drawn from two modes: all units off or all on, each unit then flipped with
    /// probability <see cref="FlipProbability"/>.</summary>
    public int Examples { get; init; } = 300;

    /// <summary>Probability in (0, 1) that a training vector comes from the all-off mode (the rest from the all-on mode).</summary>
    public double FirstModeWeight { get; init => field = Guard.Between(value, 0, 1, nameof(FirstModeWeight)); } = 0.8;

    /// <summary>Probability in [0, 0.5) that a unit of a training vector is flipped away from its mode.</summary>
    public double FlipProbability { get; init; } = 0.05;

    /// <summary>Steps of training (≥ 1), for each gradient: exact, CD-1 and CD-<see cref="TrainingK"/>.</summary>
    public int TrainSteps { get; init; } = 300;

    /// <summary>Learning rate ε &gt; 0 of the training runs.</summary>
    public double LearningRate { get; init; } = 0.5;

    /// <summary>k of the longer CD training run (≥ 2).</summary>
    public int TrainingK { get; init; } = 10;

    /// <summary>Gibbs steps k (each ≥ 1) at which bias and variance are measured.</summary>
    public int[] Ks { get; init; } = [1, 2, 5, 10, 20, 50];

    /// <summary>Monte Carlo CD-k estimates (≥ 2) per k for the variance.</summary>
    public int Draws { get; init; } = 40;

    /// <summary>Seed of the teacher, the data, the initialization and the Gibbs chains.</summary>
    public int Seed { get; init; } = 6;
}

/// <summary>
/// Srihari's intractable gradient, made tractable: a 6 × 4 binary RBM whose partition function is a sum of 64 terms,
/// so the exact log-likelihood gradient is known and contrastive divergence (Hinton 2002) can be judged against it.
/// The data have two modes (all units off, or all on, with a few flipped bits) in unequal proportions; an RBM that fits
/// them needs strong weights, and then a Gibbs chain started in one mode rarely crosses to the other — so the negative
/// phase of CD-k, started at the data, cannot see how the model shares its mass between the modes. The RBM is trained
/// from the same start with the exact gradient, CD-1 and CD-k, recording the exact negative log-likelihood; where CD-1
/// training ends, the bias ‖E[CD-k] − ∇L‖ (exact, from the Gibbs transition matrix) and the Monte Carlo noise of
/// CD-k are measured for several k.
/// </summary>
public sealed class ContrastiveDivergenceBias : Experiment<ContrastiveDivergenceParameters, ContrastiveDivergenceResult>
{
    /// <inheritdoc />
    public override string Name => "rbm-cd";

    /// <inheritdoc />
    public override string Chapter => "06";

    /// <inheritdoc />
    public override string Summary => "Contrastive divergence CD-k against the exact log-likelihood gradient of an enumerable RBM: bias, variance, training.";

    /// <summary>The two-mode training vectors and the RBM over them (the first part of <see cref="Run"/>).</summary>
    public static RestrictedBoltzmannMachine Student(ContrastiveDivergenceParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Guard.AtLeast(parameters.Examples, 1, nameof(parameters.Examples));
        if (!(parameters.FlipProbability >= 0 && parameters.FlipProbability < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.FlipProbability, "FlipProbability must be in [0, 0.5).");
        }

        var rng = new Random(parameters.Seed + 1);
        var data = new int[parameters.Examples];
        for (int n = 0; n < data.Length; n++)
        {
            bool on = rng.NextDouble() >= parameters.FirstModeWeight;
            for (int i = 0; i < parameters.Visible; i++)
            {
                if (on ^ (rng.NextDouble() < parameters.FlipProbability))
                {
                    data[n] |= 1 << i;
                }
            }
        }
        return new RestrictedBoltzmannMachine(parameters.Visible, parameters.Hidden, data);
    }

    /// <inheritdoc />
    public override ContrastiveDivergenceResult Run(ContrastiveDivergenceParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Guard.AtLeast(parameters.TrainSteps, 1, nameof(parameters.TrainSteps));
        Guard.AtLeast(parameters.TrainingK, 2, nameof(parameters.TrainingK));
        Guard.AtLeast(parameters.Draws, 2, nameof(parameters.Draws));
        Guard.Positive(parameters.LearningRate, nameof(parameters.LearningRate));
        Guard.NonEmpty(parameters.Ks, nameof(parameters.Ks));
        foreach (int k in parameters.Ks)
        {
            Guard.AtLeast(k, 1, nameof(parameters.Ks));
        }

        var rbm = Student(parameters);
        var theta0 = rbm.Initialize(parameters.Seed + 2);

        // Training: exact gradient, CD-1, CD-k, the same start and learning rate; exact NLL recorded every step.
        var rng = new Random(parameters.Seed + 3);
        var curves = new double[3][];
        Vector<double> fitted = theta0;
        for (int method = 0; method < 3; method++)
        {
            var theta = theta0.Clone();
            curves[method] = new double[parameters.TrainSteps + 1];
            for (int s = 0; s <= parameters.TrainSteps; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                curves[method][s] = rbm.Value(theta);
                if (s == parameters.TrainSteps)
                {
                    break;
                }

                var g = method switch
                {
                    0 => rbm.Gradient(theta),
                    1 => rbm.ContrastiveDivergence(theta, 1, rng),
                    _ => rbm.ContrastiveDivergence(theta, parameters.TrainingK, rng),
                };
                theta.Subtract(parameters.LearningRate * g, theta);
            }
            if (method == 1)
            {
                fitted = theta;
            }

            progress?.Report((method + 1) / 6.0);
        }

        // Bias and noise where CD-1 training ended: CD-1 sees (almost) no gradient there, the exact gradient does.
        var exact = rbm.Gradient(fitted);
        var rows = new List<ContrastiveDivergenceRow>();
        foreach (int k in parameters.Ks)
        {
            var expected = rbm.ExpectedContrastiveDivergence(fitted, k);
            var mean = Vector<double>.Build.Dense(rbm.Dimension);
            double spread = 0;
            for (int r = 0; r < parameters.Draws; r++)
            {
                var estimate = rbm.ContrastiveDivergence(fitted, k, rng);
                mean += estimate / parameters.Draws;
                spread += (estimate - expected).DotProduct(estimate - expected) / parameters.Draws;
            }
            rows.Add(new ContrastiveDivergenceRow(k, (expected - exact).L2Norm(), Math.Sqrt(spread), (mean - exact).L2Norm(),
                expected.DotProduct(exact) / (expected.L2Norm() * exact.L2Norm())));
            progress?.Report(0.5 + 0.5 * rows.Count / parameters.Ks.Length);
        }
        var q = rbm.DataDistribution;
        double entropy = -q.Where(p => p > 0).Sum(p => p * Math.Log(p));
        return new ContrastiveDivergenceResult(rows, exact.L2Norm(), Enumerable.Range(0, parameters.TrainSteps + 1).ToArray(),
            curves[0], curves[1], curves[2], parameters.TrainingK, entropy, rbm.LogPartition(fitted));
    }
}

/// <summary>Result of <see cref="ContrastiveDivergenceBias"/>.</summary>
/// <param name="Rows">Bias and variance per k at the parameters where CD-1 training ended.</param>
/// <param name="GradientNorm">‖∇L‖ there (the exact gradient CD-k estimates).</param>
/// <param name="Steps">Training step of each record (0 … TrainSteps).</param>
/// <param name="Exact">Exact mean negative log-likelihood along training with the exact gradient.</param>
/// <param name="CdOne">The same along training with CD-1.</param>
/// <param name="CdK">The same along training with CD-k.</param>
/// <param name="TrainingK">k of <paramref name="CdK"/>.</param>
/// <param name="Entropy">Entropy of the data's empirical distribution −Σ q log q: the lowest possible mean negative log-likelihood.</param>
/// <param name="LogPartition">log Z there (a sum of 2^V terms).</param>
public sealed record ContrastiveDivergenceResult(IReadOnlyList<ContrastiveDivergenceRow> Rows, double GradientNorm, int[] Steps,
    double[] Exact, double[] CdOne, double[] CdK, int TrainingK, double Entropy, double LogPartition) : IExperimentResult
{
    /// <inheritdoc />
    public string Summary =>
        $"where CD-1 training ended (‖∇L‖ = {GradientNorm:G3}, log Z = {LogPartition:G4}): bias of CD-k "
        + string.Join(", ", Rows.Select(r => $"k={r.K} {r.Bias:G2}")) + "; noise " + string.Join(", ", Rows.Select(r => $"{r.Noise:G2}"))
        + $". Training, final NLL: exact {Exact[^1]:G4}, CD-{TrainingK} {CdK[^1]:G4}, CD-1 {CdOne[^1]:G4} (data entropy {Entropy:G4})";

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["k", "bias", "noise", "monte_carlo_bias", "cosine"],
        Rows.Select(r => (IReadOnlyList<object>)[r.K, r.Bias, r.Noise, r.MonteCarloBias, r.Cosine]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + ToTable();
}

/// <summary>Bias and variance of CD-k at one k (<see cref="ContrastiveDivergenceBias"/>).</summary>
/// <param name="K">Gibbs steps k.</param>
/// <param name="Bias">‖E[CD-k] − ∇L‖, with E[CD-k] computed exactly from the Gibbs transition matrix.</param>
/// <param name="Noise">√(E‖CD-k − E[CD-k]‖²), the Monte Carlo spread of one CD-k estimate (measured over the draws).</param>
/// <param name="MonteCarloBias">‖mean of the draws − ∇L‖ (tends to <see cref="Bias"/> as the draws grow).</param>
/// <param name="Cosine">cos∠(E[CD-k], ∇L): whether the expected CD direction is still a descent direction.</param>
public sealed record ContrastiveDivergenceRow(int K, double Bias, double Noise, double MonteCarloBias, double Cosine)
{
    /// <inheritdoc />
    public override string ToString() => $"CD-{K}: bias {Bias:G3}, noise {Noise:G3}, cos(E[CD], ∇L) = {Cosine:F3}";
}
