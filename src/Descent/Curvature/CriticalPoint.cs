using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Curvature;

/// <summary>
/// The second-order classification of a point θ (Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions", "Critical points"): ‖∇L(θ)‖ ≤ gradient tolerance makes θ
/// critical; then the Hessian's eigenvalues decide minimum (all &gt; tol), maximum (all &lt; −tol), saddle (both signs),
/// or degenerate (no strict sign change and some |λ| ≤ tol).
/// </summary>
/// <param name="Theta">The point θ (a copy).</param>
/// <param name="Kind">The verdict.</param>
/// <param name="Eigenvalues">Eigenvalues of ∇²L(θ), ascending.</param>
/// <param name="Index">Number of eigenvalues &lt; −tol (the index of a saddle; n for a maximum, 0 for a minimum).</param>
/// <param name="GradientNorm">‖∇L(θ)‖₂.</param>
/// <param name="GradientTolerance">‖∇L‖ at or below which θ counts as critical.</param>
/// <param name="EigenvalueTolerance">|λ| at or below which an eigenvalue counts as zero.</param>
public sealed record CriticalPoint(
    Vector<double> Theta, CriticalPointKind Kind, double[] Eigenvalues, int Index, double GradientNorm,
    double GradientTolerance, double EigenvalueTolerance)
{
    /// <summary>Default ‖∇L‖ tolerance: 1e-8 (Descent objectives are O(1)-scaled; a converged run reaches ‖g‖ ~ 1e-10).</summary>
    public const double DefaultGradientTolerance = 1e-8;

    /// <summary>Default |λ| tolerance: 1e-8 (eigenvalues of exact O(1) Hessians are accurate to ~1e-15).</summary>
    public const double DefaultEigenvalueTolerance = 1e-8;

    /// <summary>True when ‖∇L(θ)‖ ≤ <see cref="GradientTolerance"/>.</summary>
    public bool IsCritical => Kind != CriticalPointKind.NotCritical;

    /// <summary>True when some |λᵢ| ≤ <see cref="EigenvalueTolerance"/> (also possible for a saddle).</summary>
    public bool HasZeroEigenvalue => Eigenvalues.Any(l => Math.Abs(l) <= EigenvalueTolerance);

    /// <summary>Classifies θ using the objective's exact gradient and Hessian.</summary>
    public static CriticalPoint Classify(Objective objective, Vector<double> theta,
        double gradientTolerance = DefaultGradientTolerance, double eigenvalueTolerance = DefaultEigenvalueTolerance)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (!objective.HasExactHessian)
        {
            throw new NotSupportedException(
                $"{objective.Name} has no exact Hessian; call Classify(theta, gradient, FiniteDifference.Hessian(...)) to classify with an approximation.");
        }

        return Classify(theta, objective.Gradient(theta), objective.Hessian(theta), gradientTolerance, eigenvalueTolerance);
    }

    /// <summary>Classifies θ from a given gradient and (symmetric) Hessian.</summary>
    public static CriticalPoint Classify(Vector<double> theta, Vector<double> gradient, Matrix<double> hessian,
        double gradientTolerance = DefaultGradientTolerance, double eigenvalueTolerance = DefaultEigenvalueTolerance)
    {
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(hessian);
        if (!(gradientTolerance >= 0) || !double.IsFinite(gradientTolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(gradientTolerance), gradientTolerance, "gradientTolerance must be a finite number ≥ 0.");
        }

        if (!(eigenvalueTolerance >= 0) || !double.IsFinite(eigenvalueTolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(eigenvalueTolerance), eigenvalueTolerance, "eigenvalueTolerance must be a finite number ≥ 0.");
        }

        if (gradient.Count != theta.Count)
        {
            throw new ArgumentException($"gradient has length {gradient.Count}, but theta has length {theta.Count}.", nameof(gradient));
        }

        if (hessian.RowCount != theta.Count)
        {
            throw new ArgumentException($"hessian is {hessian.RowCount}×{hessian.ColumnCount}, but theta has length {theta.Count}.", nameof(hessian));
        }

        double gnorm = gradient.L2Norm();
        if (!double.IsFinite(gnorm))
        {
            throw new ArgumentException("gradient has a non-finite entry; the point cannot be classified.", nameof(gradient));
        }

        if (hessian.ColumnCount != theta.Count)
        {
            throw new ArgumentException($"hessian is {hessian.RowCount}×{hessian.ColumnCount}, but theta has length {theta.Count}.", nameof(hessian));
        }

        double scale = Math.Max(1.0, hessian.InfinityNorm());
        if (!double.IsFinite(scale))
        {
            throw new ArgumentException("hessian has a non-finite entry; the point cannot be classified.", nameof(hessian));
        }

        if ((hessian - hessian.Transpose()).InfinityNorm() > 1e-10 * scale)
        {
            throw new ArgumentException("hessian must be symmetric (H = Hᵀ to relative 1e-10).", nameof(hessian));
        }
        // Eigenvalues only (no eigenvectors needed), so the fast solver also handles full network Hessians.
        var eigenvalues = SymmetricEigenvalues.Compute((hessian + hessian.Transpose()) * 0.5);
        int n = eigenvalues.Length;
        int neg = eigenvalues.Count(l => l < -eigenvalueTolerance), pos = eigenvalues.Count(l => l > eigenvalueTolerance);
        var kind = gnorm > gradientTolerance ? CriticalPointKind.NotCritical
            : pos == n ? CriticalPointKind.Minimum
            : neg == n ? CriticalPointKind.Maximum
            : pos > 0 && neg > 0 ? CriticalPointKind.Saddle
            : CriticalPointKind.Degenerate;
        return new CriticalPoint(theta.Clone(), kind, eigenvalues, neg, gnorm, gradientTolerance, eigenvalueTolerance);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        string at = "(" + string.Join(", ", Theta.Take(4).Select(x => x.ToString("G4"))) + (Theta.Count > 4 ? ", …)" : ")");
        string what = Kind switch
        {
            CriticalPointKind.NotCritical => "not a critical point",
            CriticalPointKind.Minimum => "minimum",
            CriticalPointKind.Maximum => "maximum",
            CriticalPointKind.Saddle => $"saddle of index {Index}" + (HasZeroEigenvalue ? " (degenerate directions too)" : ""),
            _ => $"degenerate critical point (test inconclusive, index {Index})",
        };
        string values = Eigenvalues.Length <= 6
            ? string.Join(", ", Eigenvalues.Select(l => l.ToString("G4")))
            : $"{Eigenvalues[0]:G4}, …, {Eigenvalues[^1]:G4}";
        return $"{at}: {what}; ‖g‖ = {GradientNorm:G3} (tol {GradientTolerance:G2}), λ = [{values}] (tol {EigenvalueTolerance:G2})";
    }
}
