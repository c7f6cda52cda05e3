using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// A critical point ∇L(θ) = 0 that an objective knows in closed form.
/// </summary>
/// <param name="Theta">The point θ.</param>
/// <param name="Value">L(θ).</param>
/// <param name="Index">Number of negative eigenvalues of ∇²L(θ): 0 for a minimum, n for a maximum,
/// in between for a saddle. For a degenerate point it counts only the strictly negative eigenvalues,
/// so it does not by itself say what the point is — <see cref="Description"/> does.</param>
/// <param name="IsDegenerate">True when ∇²L(θ) is singular, so the second-order test cannot classify it.</param>
/// <param name="Description">What the point is, in words (e.g. "saddle of index 1", "monkey saddle: Hessian = 0").</param>
public sealed record KnownCriticalPoint(Vector<double> Theta, double Value, int Index, bool IsDegenerate, string Description)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Description} at [{string.Join(", ", Theta.Take(6).Select(x => x.ToString("G4")))}{(Theta.Count > 6 ? ", …" : "")}], L = {Value:G6}";
}
