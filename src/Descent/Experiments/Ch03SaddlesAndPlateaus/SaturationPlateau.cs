using Descent.Data;
using Descent.Models;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="SaturationPlateau"/>.</summary>
public sealed record SaturationPlateauParameters
{
    /// <summary>Factors multiplying the first layer's Glorot weights and biases: large factors saturate the tanh units.</summary>
    public double[] Scales { get; init => field = Guard.AllPositive(value, nameof(Scales)); } = [1, 8, 64];

    /// <summary>Hidden tanh units of the 2-H-1 network.</summary>
    public int Hidden { get; init => field = Guard.AtLeast(value, 1, nameof(Hidden)); } = 8;

    /// <summary>XOR training examples.</summary>
    public int Examples { get; init => field = Guard.AtLeast(value, 4, nameof(Examples)); } = 40;

    /// <summary>Learning rate ε of gradient descent.</summary>
    public double LearningRate { get; init => field = Guard.Positive(value, nameof(LearningRate)); } = 0.2;

    /// <summary>Gradient-descent steps.</summary>
    public int Steps { get; init => field = Guard.AtLeast(value, 1, nameof(Steps)); } = 3000;

    /// <summary>A unit counts as saturated on an example when |z| &gt; this (tanh'(3) ≈ 0.0099).</summary>
    public double SaturationThreshold { get; init; } = 3.0;

    /// <summary>Seed of the data and the initialization.</summary>
    public int Seed { get; init; } = 3;
}

/// <summary>One initialization scale.</summary>
/// <param name="Scale">Factor on the first layer.</param>
/// <param name="SaturatedFraction">Fraction of (example, hidden unit) pairs with |z| above the threshold at the start.</param>
/// <param name="MeanDerivative">Mean tanh'(z) over those pairs at the start (1 for a linear unit, → 0 when saturated).</param>
/// <param name="Run">The gradient-descent run.</param>
public sealed record SaturationRow(double Scale, double SaturatedFraction, double MeanDerivative, TrainingResult Run);

/// <summary>Result of <see cref="SaturationPlateau"/>.</summary>
public sealed record SaturationPlateauResult(IReadOnlyList<SaturationRow> Rows) : IExperimentResult
{
    /// <inheritdoc />
    public string Summary => string.Join("; ", Rows.Select(r =>
        $"scale {r.Scale:G3}: {r.SaturatedFraction:P0} saturated, mean tanh' {r.MeanDerivative:G2}, loss {r.Run.Losses[0]:G3} → {r.Run.Loss:G3}"));

    /// <inheritdoc />
    public ResultTable ToTable() => new(["scale", "saturated_fraction", "mean_derivative", "initial_loss", "final_loss", "initial_gradient_norm"],
        Rows.Select(r => (IReadOnlyList<object>)[r.Scale, r.SaturatedFraction, r.MeanDerivative, r.Run.Losses[0], r.Run.Loss, r.Run.GradientNorms[0]]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + ToTable();
}

/// <summary>
/// Plateaus from saturated units (Srihari, "Challenges in Neural Network Optimization", "plateaus"; LeCun et al. 1998, "Efficient BackProp"): tanh units whose inputs
/// are large sit on the flat tails of tanh, where tanh'(z) = 1 − tanh²(z) ≈ 4e^{−2|z|}, so the gradient through them all but
/// vanishes and gradient descent crawls although the loss is high. The same 2-H-1 network on XOR starts from Glorot weights
/// whose first layer is multiplied by 1, 8 or 64.
/// </summary>
public sealed class SaturationPlateau : Experiment<SaturationPlateauParameters, SaturationPlateauResult>
{
    /// <inheritdoc />
    public override string Name => "saturation-plateau";

    /// <inheritdoc />
    public override string Chapter => "03";

    /// <inheritdoc />
    public override string Summary => "Training curves of a tanh network whose first layer starts saturated: plateaus at high loss.";

    /// <inheritdoc />
    public override SaturationPlateauResult Run(SaturationPlateauParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(parameters.Scales, nameof(parameters.Scales));

        var data = Synthetic.Xor(parameters.Examples, parameters.Seed);
        var targets = Matrix<double>.Build.Dense(data.Count, 1, (i, _) => data.Labels![i]);
        var net = new Mlp([2, parameters.Hidden, 1], Activation.Tanh, LossFunction.SquaredError, data.Inputs, targets);
        var glorot = net.Initialize(Initialization.Glorot, parameters.Seed);
        int firstLayerEnd = net.WeightOffset(1);   // W₁ and b₁ come first in θ
        var rows = new List<SaturationRow>();
        for (int i = 0; i < parameters.Scales.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double scale = parameters.Scales[i];
            var theta = Vector<double>.Build.Dense(net.Dimension, j => j < firstLayerEnd ? scale * glorot[j] : glorot[j]);
            var z = data.Inputs * net.Weights(theta, 0).Transpose();
            var b = net.Biases(theta, 0);
            var pre = z.EnumerateRows().SelectMany(row => row.Select((v, j) => v + b[j])).ToArray();
            double saturated = pre.Count(v => Math.Abs(v) > parameters.SaturationThreshold) / (double)pre.Length;
            double derivative = pre.Average(v => 1 - Math.Tanh(v) * Math.Tanh(v));
            var run = Trainer.Run(net, Optimizers.GradientDescent(parameters.LearningRate), theta,
                new TrainingOptions { MaxSteps = parameters.Steps, RecordThetaEvery = 0 }, cancellationToken);
            rows.Add(new SaturationRow(scale, saturated, derivative, run));
            progress?.Report((i + 1.0) / parameters.Scales.Length);
        }
        return new SaturationPlateauResult(rows);
    }
}
