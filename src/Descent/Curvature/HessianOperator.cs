using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Curvature;

/// <summary>
/// The linear map v ↦ Hv for a fixed symmetric H, without forming H: the Hessian ∇²L(θ) of an objective at θ,
/// or an explicit matrix. Lanczos and spectral densities use only this.
/// </summary>
/// <remarks>
/// For an objective the product is exact when <see cref="Objective.HasExactHessian"/> is true and a
/// central difference of gradients otherwise; <see cref="Source"/> always says which, so an approximation is never silent.
/// </remarks>
public sealed class HessianOperator
{
    private readonly Func<Vector<double>, Vector<double>> _apply;

    private HessianOperator(int dimension, HessianProductSource source, string description, Func<Vector<double>, Vector<double>> apply)
    {
        Dimension = dimension;
        Source = source;
        Description = description;
        _apply = apply;
    }

    /// <summary>v ↦ ∇²L(θ)·v. Exact when the objective provides it; otherwise (or when
    /// <paramref name="forceFiniteDifference"/>) central differences of the gradient, flagged in <see cref="Source"/>.</summary>
    public static HessianOperator ForObjective(Objective objective, Vector<double> theta, bool forceFiniteDifference = false)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(theta);
        objective.Gradient(theta); // validates θ (length, finite entries) once, with the objective's own message
        var at = theta.Clone();
        if (objective.HasExactHessian && !forceFiniteDifference)
        {
            return new HessianOperator(objective.Dimension, HessianProductSource.Exact, $"∇²{objective.Name}",
                v => objective.HessianVectorProduct(at, v));
        }

        return new HessianOperator(objective.Dimension, HessianProductSource.FiniteDifference, $"∇²{objective.Name} (finite differences)",
            v => FiniteDifference.HessianVectorProduct(objective, at, v));
    }

    /// <summary>v ↦ Hv for an explicit symmetric matrix.</summary>
    public static HessianOperator FromMatrix(Matrix<double> symmetric)
    {
        ArgumentNullException.ThrowIfNull(symmetric);
        if (symmetric.RowCount != symmetric.ColumnCount || symmetric.RowCount == 0)
        {
            throw new ArgumentException($"symmetric must be a non-empty square matrix, but it is {symmetric.RowCount}×{symmetric.ColumnCount}.", nameof(symmetric));
        }

        double scale = Math.Max(1.0, symmetric.InfinityNorm());
        if (!double.IsFinite(scale))
        {
            throw new ArgumentException("symmetric must have finite entries.", nameof(symmetric));
        }

        if ((symmetric - symmetric.Transpose()).InfinityNorm() > 1e-10 * scale)
        {
            throw new ArgumentException("symmetric must be symmetric (H = Hᵀ to relative 1e-10).", nameof(symmetric));
        }

        var h = (symmetric + symmetric.Transpose()) * 0.5;
        return new HessianOperator(h.RowCount, HessianProductSource.Matrix, $"{h.RowCount}×{h.RowCount} matrix", v => h * v);
    }

    /// <summary>Dimension n.</summary>
    public int Dimension { get; }

    /// <summary>Exact, finite-difference or explicit matrix.</summary>
    public HessianProductSource Source { get; }

    /// <summary>True unless the products are finite-difference approximations.</summary>
    public bool IsExact => Source != HessianProductSource.FiniteDifference;

    /// <summary>What the operator is, e.g. "∇²Rosenbrock(2)".</summary>
    public string Description { get; }

    /// <summary>Number of products computed so far (the cost measure of Lanczos).</summary>
    public int ProductCount { get; private set; }

    /// <summary>H·v, a new vector.</summary>
    public Vector<double> Apply(Vector<double> v)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (v.Count != Dimension)
        {
            throw new ArgumentException($"v has length {v.Count}, but the operator has dimension {Dimension}.", nameof(v));
        }

        ProductCount++;
        var hv = _apply(v);
        for (int i = 0; i < hv.Count; i++)
        {
            if (!double.IsFinite(hv[i]))
            {
                throw new ArithmeticException($"H·v has a non-finite entry {hv[i]} at index {i} ({Description}).");
            }
        }

        return hv;
    }

    /// <summary>The full matrix, assembled column by column from n products (for small n and checks).</summary>
    public Matrix<double> ToMatrix()
    {
        var m = Matrix<double>.Build.Dense(Dimension, Dimension);
        var e = Vector<double>.Build.Dense(Dimension);
        for (int j = 0; j < Dimension; j++)
        {
            e[j] = 1;
            m.SetColumn(j, Apply(e));
            e[j] = 0;
        }
        return (m + m.Transpose()) * 0.5;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"HessianOperator({Description}, n = {Dimension}, {(Source switch
        {
            HessianProductSource.Exact => "exact products",
            HessianProductSource.FiniteDifference => "APPROXIMATE: finite differences of gradients",
            _ => "explicit matrix",
        })}, {ProductCount} products so far)";
}
