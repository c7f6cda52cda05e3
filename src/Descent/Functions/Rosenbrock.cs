using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// Rosenbrock's banana valley in n ≥ 2 dimensions:
/// L(θ) = Σᵢ₌₁ⁿ⁻¹ [ a(θᵢ₊₁ − θᵢ²)² + (1 − θᵢ)² ], with a = 100 by default.
/// Global minimum 0 at θ = (1, …, 1); a curved, ill-conditioned ravine where gradient descent zig-zags.
/// </summary>
public sealed class Rosenbrock : Objective
{
    /// <summary>Creates the n-dimensional Rosenbrock function.</summary>
    /// <param name="dimension">n ≥ 2.</param>
    /// <param name="a">Valley steepness a &gt; 0 (100 in the classic form).</param>
    public Rosenbrock(int dimension = 2, double a = 100.0)
        : base(dimension < 2 ? throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "dimension must be at least 2.") : dimension,
               $"Rosenbrock({dimension})")
    {
        if (!(a > 0) || !double.IsFinite(a))
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, "a must be a finite positive number.");
        }

        Steepness = a;
    }

    /// <summary>The valley steepness a.</summary>
    public double Steepness { get; }

    /// <inheritdoc />
    public override Domain Domain => Domain.UnboundedPlottedOver(
        Enumerable.Repeat(-2.0, Dimension).ToArray(), Enumerable.Repeat(2.0, Dimension).ToArray());

    /// <inheritdoc />
    public override IReadOnlyList<Vector<double>> KnownMinimizers => [Vector<double>.Build.Dense(Dimension, 1.0)];

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> x)
    {
        double s = 0;
        for (int i = 0; i < Dimension - 1; i++)
        {
            double r = x[i + 1] - x[i] * x[i];
            double t = 1 - x[i];
            s += Steepness * r * r + t * t;
        }
        return s;
    }

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> x)
    {
        var g = Vector<double>.Build.Dense(Dimension);
        for (int i = 0; i < Dimension - 1; i++)
        {
            double r = x[i + 1] - x[i] * x[i];
            g[i] += -4 * Steepness * x[i] * r - 2 * (1 - x[i]);
            g[i + 1] += 2 * Steepness * r;
        }
        return g;
    }

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> x)
    {
        var h = Matrix<double>.Build.Dense(Dimension, Dimension);
        for (int i = 0; i < Dimension - 1; i++)
        {
            // ∂²/∂xᵢ² of a(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)² = a(12xᵢ² − 4xᵢ₊₁) + 2
            h[i, i] += Steepness * (12 * x[i] * x[i] - 4 * x[i + 1]) + 2;
            h[i, i + 1] += -4 * Steepness * x[i];
            h[i + 1, i] += -4 * Steepness * x[i];
            h[i + 1, i + 1] += 2 * Steepness;
        }
        return h;
    }
}
