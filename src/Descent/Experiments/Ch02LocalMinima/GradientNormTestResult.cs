using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Result of <see cref="GradientNormTest"/>: loss and ‖∇L‖ over training, and the Hessian's extreme eigenvalues at the end.</summary>
/// <param name="Model">The trained network (its loss is the full training loss).</param>
/// <param name="Theta">The parameters at the end of training.</param>
/// <param name="Steps">SGD step of each record.</param>
/// <param name="Losses">Full training loss L(θₖ).</param>
/// <param name="GradientNorms">‖∇L(θₖ)‖₂ of the full training loss.</param>
/// <param name="MinEigenvalue">Smallest eigenvalue of the Hessian at the end point (Lanczos, exact Hessian-vector products).</param>
/// <param name="MaxEigenvalue">Largest eigenvalue there.</param>
public sealed record GradientNormTestResult(Mlp Model, Vector<double> Theta, int[] Steps, double[] Losses, double[] GradientNorms,
    double MinEigenvalue, double MaxEigenvalue) : IExperimentResult
{
    /// <summary>First record after the initial transient (step ≥ a tenth of the run).</summary>
    public int TransientEnd => Math.Max(0, Array.FindIndex(Steps, k => k >= Steps[^1] / 10));

    /// <summary>Smallest ‖∇L‖ after the transient over ‖∇L‖ at its end: near 1 (or above) means the gradient did not shrink,
    /// so training was not settling into a critical point; near 0 would make the test inconclusive.</summary>
    public double GradientChange => GradientNorms[TransientEnd..].Min() / GradientNorms[TransientEnd];

    /// <summary>Final loss over the loss at the end of the transient (the loss kept falling meanwhile).</summary>
    public double LossChange => Losses[^1] / Losses[TransientEnd];

    /// <summary>True when the end point is not a local minimum by the second-order test: λmin &lt; 0 (some direction still goes down).</summary>
    public bool HasNegativeCurvature => MinEigenvalue < 0;

    /// <inheritdoc />
    public string Summary =>
        $"{Steps[^1]} SGD steps: loss {Losses[0]:G4} → {Losses[^1]:G4}. After step {Steps[TransientEnd]} the loss fell ×{LossChange:G3} while "
        + $"‖∇L‖ stayed within [{GradientNorms[TransientEnd..].Min():G3}, {GradientNorms[TransientEnd..].Max():G3}] (smallest/start = {GradientChange:G3}); "
        + $"at the end λmin = {MinEigenvalue:G3}, λmax = {MaxEigenvalue:G4}";

    /// <inheritdoc />
    public ResultTable ToTable() => new(["step", "loss", "gradient_norm"],
        Steps.Select((s, i) => (IReadOnlyList<object>)[s, Losses[i], GradientNorms[i]]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}
