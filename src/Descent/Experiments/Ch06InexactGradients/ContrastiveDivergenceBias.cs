using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

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
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.FlipProbability, "FlipProbability must be in [0, 0.5).");
        var rng = new Random(parameters.Seed + 1);
        var data = new int[parameters.Examples];
        for (int n = 0; n < data.Length; n++)
        {
            bool on = rng.NextDouble() >= parameters.FirstModeWeight;
            for (int i = 0; i < parameters.Visible; i++)
                if (on ^ (rng.NextDouble() < parameters.FlipProbability)) data[n] |= 1 << i;
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
        foreach (int k in parameters.Ks) Guard.AtLeast(k, 1, nameof(parameters.Ks));
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
                if (s == parameters.TrainSteps) break;
                var g = method switch
                {
                    0 => rbm.Gradient(theta),
                    1 => rbm.ContrastiveDivergence(theta, 1, rng),
                    _ => rbm.ContrastiveDivergence(theta, parameters.TrainingK, rng),
                };
                theta.Subtract(parameters.LearningRate * g, theta);
            }
            if (method == 1) fitted = theta;
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
