using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>A run of <see cref="AcceleratedGradientDescent"/>.</summary>
/// <param name="Objective">Name of the objective.</param>
/// <param name="LearningRate">s.</param>
/// <param name="Losses">L(xₖ), k = 0 … steps.</param>
/// <param name="GradientNorms">‖∇L(xₖ)‖, k = 0 … steps.</param>
/// <param name="Theta">The last xₖ.</param>
public sealed record AcceleratedRun(string Objective, double LearningRate, double[] Losses, double[] GradientNorms, Vector<double> Theta)
{
    /// <summary>Number of iterations.</summary>
    public int Steps => Losses.Length - 1;

    /// <inheritdoc />
    public override string ToString() =>
        $"Nesterov accelerated GD (s = {LearningRate:G4}) on {Objective}: loss {Losses[0]:G6} → {Losses[^1]:G6} in {Steps} steps";
}
