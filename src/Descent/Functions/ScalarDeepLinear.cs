using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// The scalar deep linear network (Saxe et al. 2014; Srihari, "Challenges in Neural Network Optimization"; Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions"): one unit per layer, depth d, fit to the target y:
/// L(w) = ½(w₁w₂⋯w_d − y)². Its minima form the connected surface ∏wᵢ = y (rescaling one weight by α and another by
/// 1/α leaves L unchanged — the weight-space symmetry of Srihari, "Challenges in Neural Network Optimization"), and the origin is a saddle that small
/// initializations must escape, which makes the plateau of deep linear learning curves.
/// </summary>
/// <remarks>
/// <para>With P = ∏ₖwₖ, Pᵢ = ∏_{k≠i}wₖ, Pᵢⱼ = ∏_{k≠i,j}wₖ and residual r = P − y:
/// gradient ∂L/∂wᵢ = r·Pᵢ; Hessian ∂²L/∂wᵢ² = Pᵢ², ∂²L/∂wᵢ∂wⱼ = PᵢPⱼ + r·Pᵢⱼ (i ≠ j).</para>
/// <para>Critical points: the origin, L = y²/2 — for d = 2 a non-degenerate saddle with Hessian [[0, −y], [−y, 0]]
/// (eigenvalues ±y), for d ≥ 3 a degenerate one (Hessian 0, so escape is slower still). Every point with at least two
/// zero weights is critical too when d ≥ 3. The minima ∏wᵢ = y have L = 0 and Hessian ∇P∇Pᵀ of rank 1: degenerate,
/// flat along the d − 1 directions of the symmetry. The balanced minimizer is w = y^(1/d)·(1, …, 1).</para>
/// <para>Learning curve (d = 2, balanced start w₁ = w₂ = w₀ &gt; 0, gradient flow): the product u = w₁w₂ obeys
/// du/dt = −2u(u − y), so u(t) = y / (1 + (y/w₀² − 1)e^(−2yt)): a sigmoid whose plateau lasts ≈ ln(y/w₀²)/(2y).</para>
/// </remarks>
public sealed class ScalarDeepLinear : Objective
{
    /// <summary>Creates ½(∏wᵢ − y)².</summary>
    /// <param name="depth">d ≥ 2: number of layers (= dimension).</param>
    /// <param name="target">y &gt; 0: the value the product must reach.</param>
    public ScalarDeepLinear(int depth = 2, double target = 1.0)
        : base(depth < 2 ? throw new ArgumentOutOfRangeException(nameof(depth), depth, "depth must be at least 2.") : depth,
               $"ScalarDeepLinear(d = {depth}, y = {target:G4})")
    {
        Target = Guard.Positive(target, nameof(target));
    }

    /// <summary>d: depth (number of weights).</summary>
    public int Depth => Dimension;

    /// <summary>y: target of the product.</summary>
    public double Target { get; }

    /// <summary>The balanced minimizer y^(1/d)·(1, …, 1), one point of the connected set ∏wᵢ = y.</summary>
    public Vector<double> BalancedMinimizer => Vector<double>.Build.Dense(Dimension, Math.Pow(Target, 1.0 / Dimension));

    /// <summary>The product w₁w₂ at time t of gradient flow from the balanced start (w₀, w₀), depth 2 only:
    /// u(t) = y / (1 + (y/w₀² − 1)e^(−2yt)).</summary>
    public double BalancedProductAtTime(double initialWeight, double time)
    {
        if (Dimension != 2)
        {
            throw new InvalidOperationException($"the closed-form learning curve is for depth 2; this network has depth {Dimension}.");
        }

        if (!(initialWeight > 0) || !double.IsFinite(initialWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(initialWeight), initialWeight, "initialWeight must be a finite number > 0.");
        }

        if (!(time >= 0) || !double.IsFinite(time))
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "time must be a finite number ≥ 0.");
        }

        double u0 = initialWeight * initialWeight;
        return Target / (1 + (Target / u0 - 1) * Math.Exp(-2 * Target * time));
    }

    /// <inheritdoc />
    public override Domain Domain
    {
        get
        {
            double w = Math.Max(2.0, 1.5 * Math.Pow(Target, 1.0 / Dimension));
            return Domain.Unbounded(Dimension, w);
        }
    }

    /// <inheritdoc />
    /// <remarks>The balanced minimizer only: the minima form the continuum ∏wᵢ = y.</remarks>
    public override IReadOnlyList<Vector<double>> KnownMinimizers => [BalancedMinimizer];

    /// <inheritdoc />
    public override IReadOnlyList<KnownCriticalPoint> KnownCriticalPoints =>
    [
        new KnownCriticalPoint(Vector<double>.Build.Dense(Dimension), 0.5 * Target * Target, Dimension == 2 ? 1 : 0, Dimension > 2,
            Dimension == 2 ? "saddle of index 1 at the origin (eigenvalues ±y)" : "degenerate saddle at the origin (Hessian = 0)"),
        new KnownCriticalPoint(BalancedMinimizer, 0.0, 0, true, "balanced global minimum, one of the connected set ∏wᵢ = y"),
    ];

    private static double ProductExcept(Vector<double> w, int i, int j = -1)
    {
        double p = 1;
        for (int k = 0; k < w.Count; k++)
        {
            if (k != i && k != j)
            {
                p *= w[k];
            }
        }

        return p;
    }

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> w)
    {
        double r = ProductExcept(w, -1) - Target;
        return 0.5 * r * r;
    }

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> w)
    {
        double r = ProductExcept(w, -1) - Target;
        return Vector<double>.Build.Dense(Dimension, i => r * ProductExcept(w, i));
    }

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> w)
    {
        int n = Dimension;
        double r = ProductExcept(w, -1) - Target;
        var p = Enumerable.Range(0, n).Select(i => ProductExcept(w, i)).ToArray();
        var h = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
        {
            h[i, i] = p[i] * p[i];
            for (int j = i + 1; j < n; j++)
            {
                double v = p[i] * p[j] + r * ProductExcept(w, i, j);
                h[i, j] = v;
                h[j, i] = v;
            }
        }
        return h;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: ½(∏wᵢ − y)², minima on the connected set ∏wᵢ = {Target:G4}, saddle at the origin with L = {0.5 * Target * Target:G4}";
}
