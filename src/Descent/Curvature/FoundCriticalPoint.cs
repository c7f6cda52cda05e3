namespace Descent.Curvature;

/// <summary>What <see cref="CriticalPointSearch"/> found from one start.</summary>
/// <param name="Point">The end point, classified by the second-order test (its <see cref="CriticalPoint.Index"/> counts
/// eigenvalues below −tolerance).</param>
/// <param name="Loss">L at the end point.</param>
/// <param name="Iterations">Accepted Levenberg–Marquardt steps taken.</param>
/// <param name="Converged">True when ‖∇L‖ fell below the search's gradient tolerance.</param>
public sealed record FoundCriticalPoint(CriticalPoint Point, double Loss, int Iterations, bool Converged)
{
    /// <summary>The index as a fraction of the dimension, α = index/n (Dauphin et al. 2014's x axis).</summary>
    public double IndexFraction => (double)Point.Index / Point.Eigenvalues.Length;

    /// <inheritdoc />
    public override string ToString() =>
        $"{(Converged ? "critical point" : "not converged")}: L = {Loss:G6}, index {Point.Index}/{Point.Eigenvalues.Length} (α = {IndexFraction:G3}), ‖g‖ = {Point.GradientNorm:G3}, {Iterations} steps";
}
