using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// A cliff made by multiplying several large weights (Srihari, "Challenges in Neural Network Optimization"; Harakeh, "Optimization for Training Deep Models", "cliffs result from the multiplication of several
/// large weights together"): a chain of 2k scalar linear layers whose first k layers share the weight a = θ₁ and last k
/// layers share b = θ₂, fit to the target y: L(a, b) = ½(aᵏbᵏ − y)².
/// </summary>
/// <remarks>
/// <para>With P = aᵏbᵏ and r = P − y: ∂L/∂a = r·kP/a = r·k·aᵏ⁻¹bᵏ, ∂L/∂b = r·k·aᵏbᵏ⁻¹;
/// ∂²L/∂a² = (k aᵏ⁻¹bᵏ)² + r·k(k − 1)aᵏ⁻²bᵏ, ∂²L/∂b² = (k aᵏbᵏ⁻¹)² + r·k(k − 1)aᵏbᵏ⁻²,
/// ∂²L/∂a∂b = k²a²ᵏ⁻¹b²ᵏ⁻¹ + r·k²aᵏ⁻¹bᵏ⁻¹.</para>
/// <para>Shape (y &gt; 0): where |ab| &lt; 1 the product vanishes like |ab|ᵏ and L ≈ y²/2 is a plateau; the minima lie on
/// the narrow ledge ab = y^(1/k) (and, for even k, ab = −y^(1/k)); beyond it L grows like ½(ab)²ᵏ, a wall whose slope on
/// the diagonal a = b = w is ‖∇L‖ = √2·k·r·w²ᵏ⁻¹ — at w = 1.3, k = 5 already ≈ 960, against ≈ 0.3 on the plateau at (0.5, 1).
/// The Hessian at the balanced minimum a = b = y^(1/2k) is ∇P∇Pᵀ with ∇P = k·y^(1 − 1/2k)·(1, 1), so its largest
/// eigenvalue is 2k²y^(2 − 1/k): gradient descent is stable on the ledge only for ε &lt; 1/(k²y^(2 − 1/k)).</para>
/// </remarks>
public sealed class ProductCliff : Objective
{
    /// <summary>Creates ½(aᵏbᵏ − y)².</summary>
    /// <param name="layersPerWeight">k ≥ 1: number of layers sharing each weight (the chain has 2k layers).</param>
    /// <param name="target">y &gt; 0.</param>
    public ProductCliff(int layersPerWeight = 5, double target = 1.0)
        : base(2, $"ProductCliff(2k = {2 * CheckLayers(layersPerWeight)} layers, y = {target:G4})")
    {
        LayersPerWeight = layersPerWeight;
        Target = Guard.Positive(target, nameof(target));
    }

    private static int CheckLayers(int k) =>
        k >= 1 && k <= 50 ? k : throw new ArgumentOutOfRangeException("layersPerWeight", k, "layersPerWeight must be in 1 … 50.");

    /// <summary>k: layers per weight.</summary>
    public int LayersPerWeight { get; }

    /// <summary>y: target of the product.</summary>
    public double Target { get; }

    /// <summary>The balanced minimizer a = b = y^(1/2k).</summary>
    public Vector<double> BalancedMinimizer => Vector<double>.Build.DenseOfArray([Math.Pow(Target, 0.5 / LayersPerWeight), Math.Pow(Target, 0.5 / LayersPerWeight)]);

    /// <summary>2k²y^(2 − 1/k): the largest Hessian eigenvalue at the balanced minimum (the ledge's curvature across).</summary>
    public double LedgeCurvature => 2.0 * LayersPerWeight * LayersPerWeight * Math.Pow(Target, 2 - 1.0 / LayersPerWeight);

    /// <summary>The wall's slope on the diagonal: ‖∇L(w, w)‖ = √2·k·|w²ᵏ − y|·|w|²ᵏ⁻¹.</summary>
    public double DiagonalSlope(double w)
    {
        Guard.Finite(w, nameof(w));
        int k = LayersPerWeight;
        return Math.Sqrt(2) * k * Math.Abs(Math.Pow(w, 2 * k) - Target) * Math.Pow(Math.Abs(w), 2 * k - 1);
    }

    /// <inheritdoc />
    public override Domain Domain => Domain.UnboundedPlottedOver([-0.2, -0.2], [1.6, 1.6]);

    /// <inheritdoc />
    /// <remarks>The balanced minimizer only: the minima form the curve ab = y^(1/k).</remarks>
    public override IReadOnlyList<Vector<double>> KnownMinimizers => [BalancedMinimizer];

    /// <inheritdoc />
    public override IReadOnlyList<KnownCriticalPoint> KnownCriticalPoints =>
        [new KnownCriticalPoint(BalancedMinimizer, 0.0, 0, true, "balanced global minimum, one point of the ledge ab = y^(1/k)")];

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta)
    {
        double r = Math.Pow(theta[0] * theta[1], LayersPerWeight) - Target;
        return 0.5 * r * r;
    }

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta)
    {
        double a = theta[0], b = theta[1];
        int k = LayersPerWeight;
        double r = Math.Pow(a * b, k) - Target;
        return Vector<double>.Build.DenseOfArray([r * k * Math.Pow(a, k - 1) * Math.Pow(b, k), r * k * Math.Pow(a, k) * Math.Pow(b, k - 1)]);
    }

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> theta)
    {
        double a = theta[0], b = theta[1];
        int k = LayersPerWeight;
        double r = Math.Pow(a * b, k) - Target;
        double pa = k * Math.Pow(a, k - 1) * Math.Pow(b, k), pb = k * Math.Pow(a, k) * Math.Pow(b, k - 1);
        double paa = k == 1 ? 0 : k * (k - 1) * Math.Pow(a, k - 2) * Math.Pow(b, k);
        double pbb = k == 1 ? 0 : k * (k - 1) * Math.Pow(a, k) * Math.Pow(b, k - 2);
        double pab = (double)k * k * Math.Pow(a, k - 1) * Math.Pow(b, k - 1);
        return Matrix<double>.Build.DenseOfArray(new[,] { { pa * pa + r * paa, pa * pb + r * pab }, { pa * pb + r * pab, pb * pb + r * pbb } });
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: ½(aᵏbᵏ − {Target:G4})² with k = {LayersPerWeight}: a plateau for |ab| < 1, the ledge ab = {Math.Pow(Target, 1.0 / LayersPerWeight):G4}, "
        + $"a wall beyond (slope {DiagonalSlope(1.3):G3} at a = b = 1.3)";
}
