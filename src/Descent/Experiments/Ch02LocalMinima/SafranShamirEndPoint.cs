using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Where one gradient-descent run on the Safran–Shamir objective ended.</summary>
/// <param name="K">Input dimension = number of teacher neurons.</param>
/// <param name="N">Student neurons.</param>
/// <param name="Run">Index of the run within its (k, n).</param>
/// <param name="Seed">Seed of its N(0, 1/k) start.</param>
/// <param name="Kind">Global minimum, spurious minimum, saddle/degenerate, or not converged.</param>
/// <param name="Objective">F at the end point.</param>
/// <param name="GradientNorm">‖∇F‖₂ at the end point, from <see cref="Models.ReluTeacherStudent"/>'s exact gradient.</param>
/// <param name="MinEigenvalue">Smallest eigenvalue of the exact Hessian (NaN for global minima, where it is not computed).</param>
/// <param name="Steps">Gradient-descent steps taken.</param>
/// <param name="Theta">The end point θ = (w₁; …; wₙ) (null for global minima, to save memory).</param>
public sealed record SafranShamirEndPoint(int K, int N, int Run, int Seed, EndPointKind Kind, double Objective, double GradientNorm,
    double MinEigenvalue, int Steps, Vector<double>? Theta)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"k = {K}, n = {N}, run {Run}: {Kind} after {Steps} steps, F = {Objective:G4}, ‖∇F‖ = {GradientNorm:G3}"
        + (double.IsNaN(MinEigenvalue) ? "" : $", λmin = {MinEigenvalue:G4}");
}
