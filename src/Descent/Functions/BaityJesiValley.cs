using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// The "few minima, connected" picture of the loss surface (Baity-Jesi et al., Yarotsky, "Optimization of neural networks"):
/// L(w₁, w₂) = (w₂ − w₁²)² + ε·w₁², a parabolic valley w₂ = w₁² whose floor is tilted by ε·w₁².
/// </summary>
/// <remarks>
/// <para>Gradient: ∂L/∂w₁ = −4w₁(w₂ − w₁²) + 2εw₁, ∂L/∂w₂ = 2(w₂ − w₁²).
/// Hessian: [[12w₁² − 4w₂ + 2ε, −4w₁], [−4w₁, 2]].</para>
/// <para>Critical points: ∂L/∂w₂ = 0 forces w₂ = w₁², then ∂L/∂w₁ = 2εw₁ = 0. So for ε &gt; 0 the origin is the
/// only critical point, the global minimum L = 0 with Hessian diag(2ε, 2) (condition number 1/ε): the surface is
/// highly non-linear, yet has a single minimum reached along a curved valley. For ε = 0 the whole parabola
/// w₂ = w₁² is a connected set of global minima (L = 0, Hessian singular along the valley) — the
/// mode-connectivity picture in two dimensions.</para>
/// </remarks>
public sealed class BaityJesiValley : Objective
{
    /// <summary>Creates the valley.</summary>
    /// <param name="epsilon">ε ≥ 0: tilt of the valley floor (0 makes the floor a connected set of minima).</param>
    public BaityJesiValley(double epsilon = 0.1)
        : base(2, $"(w₂ − w₁²)² + {epsilon:G4}w₁²")
    {
        Epsilon = Guard.NonNegative(epsilon, nameof(epsilon));
    }

    /// <summary>ε: tilt of the valley floor.</summary>
    public double Epsilon { get; }

    /// <summary>The point (w₁, w₁²) on the valley floor, where L = ε·w₁².</summary>
    public Vector<double> FloorPoint(double w1) =>
        Vector<double>.Build.DenseOfArray([Guard.Finite(w1, nameof(w1)), w1 * w1]);

    /// <inheritdoc />
    public override Domain Domain => Domain.UnboundedPlottedOver([-2.0, -1.0], [2.0, 3.0]);

    /// <inheritdoc />
    /// <remarks>The origin; for ε = 0 it is one of a continuum (the parabola w₂ = w₁², see <see cref="FloorPoint"/>).</remarks>
    public override IReadOnlyList<Vector<double>> KnownMinimizers => [Vector<double>.Build.Dense(2)];

    /// <inheritdoc />
    public override IReadOnlyList<KnownCriticalPoint> KnownCriticalPoints =>
        [new KnownCriticalPoint(Vector<double>.Build.Dense(2), 0.0, 0, Epsilon == 0,
            Epsilon > 0 ? $"global minimum, Hessian diag({2 * Epsilon:G4}, 2)" : "global minimum on a connected valley of minima w₂ = w₁²")];

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> w)
    {
        double r = w[1] - w[0] * w[0];
        return r * r + Epsilon * w[0] * w[0];
    }

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> w)
    {
        double r = w[1] - w[0] * w[0];
        return Vector<double>.Build.DenseOfArray([-4 * w[0] * r + 2 * Epsilon * w[0], 2 * r]);
    }

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> w) => Matrix<double>.Build.DenseOfArray(new[,]
    {
        { 12 * w[0] * w[0] - 4 * w[1] + 2 * Epsilon, -4 * w[0] },
        { -4 * w[0], 2.0 },
    });

    /// <inheritdoc />
    public override string ToString() =>
        Epsilon > 0
            ? $"{Name}: curved valley w₂ = w₁², single minimum L = 0 at the origin (Hessian condition number {1 / Epsilon:G4})"
            : $"{Name}: curved valley w₂ = w₁² of connected global minima (L = 0)";
}
