using System.Collections.Concurrent;
using System.Reflection;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// A differentiable objective L: ℝⁿ → ℝ over one flat parameter vector θ.
/// Every closed-form surface and every model in Descent derives from this type, so optimizers,
/// curvature tools, interpolation and slices work on any of them unchanged.
/// </summary>
/// <remarks>
/// <para>Public members validate their arguments (length = <see cref="Dimension"/>, all entries finite)
/// and then call the <c>…Core</c> members, which derived types implement without re-checking.</para>
/// <para>A derived type overrides <see cref="ValueCore"/>, <see cref="GradientCore"/> and at least one of
/// <see cref="HessianCore"/> or <see cref="HessianVectorProductCore"/> (each default is built from the other:
/// the Hessian column by column from products with unit vectors, the product as H·v).
/// A type that has no exact second derivatives sets <see cref="HasExactHessian"/> to false and
/// throws <see cref="NotSupportedException"/> from both; finite differences exist only to check derivatives.
/// A type that overrides neither gets <see cref="HasExactHessian"/> = false and a <see cref="NotSupportedException"/>
/// naming both members from <see cref="Hessian"/> and <see cref="HessianVectorProduct"/> (never a stack overflow);
/// curvature tools built on <c>HessianOperator.ForObjective</c> then use finite differences of the gradient, labelled as such.</para>
/// <para>NaN behaviour: a NaN or infinite entry in θ is rejected with an <see cref="ArgumentException"/>
/// naming the argument; a finite θ where the objective overflows returns ±∞ or NaN, which the
/// training loop reports as divergence.</para>
/// </remarks>
public abstract class Objective
{
    /// <summary>Creates an objective of the given dimension.</summary>
    /// <param name="dimension">Number of parameters n ≥ 1.</param>
    /// <param name="name">Short human-readable name shown in notebooks and plots.</param>
    protected Objective(int dimension, string name)
    {
        if (dimension < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "dimension must be at least 1.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Dimension = dimension;
        Name = name;
    }

    /// <summary>Number of parameters n: every point θ must have exactly this length.</summary>
    public int Dimension { get; }

    /// <summary>Short name, e.g. "Rosenbrock(2)".</summary>
    public string Name { get; }

    /// <summary>Where the objective is defined and where it is worth looking (plot range); ℝⁿ by default.</summary>
    public virtual Domain Domain => Domain.Unbounded(Dimension);

    /// <summary>True when <see cref="Hessian"/> and <see cref="HessianVectorProduct"/> are exact (analytic, or
    /// by forward-over-reverse differentiation), false when the objective cannot provide second derivatives.</summary>
    /// <remarks>The default is true exactly when the derived type overrides <see cref="HessianCore"/> or
    /// <see cref="HessianVectorProductCore"/>.</remarks>
    public virtual bool HasExactHessian => OverridesSecondDerivatives(GetType());

    /// <summary>Known global minimizers (empty when unknown or when none exists).</summary>
    public virtual IReadOnlyList<Vector<double>> KnownMinimizers => [];

    /// <summary>Critical points (∇L = 0) known in closed form or located to machine precision at construction,
    /// with their value and Hessian index (empty when none is known). Minimizers appear here too, with index 0.
    /// The shared tests check that the gradient vanishes at each and that the index matches the Hessian's spectrum.</summary>
    public virtual IReadOnlyList<KnownCriticalPoint> KnownCriticalPoints => [];

    /// <summary>L(θ).</summary>
    public double Value(Vector<double> theta)
    {
        CheckPoint(theta);
        return ValueCore(theta);
    }

    /// <summary>∇L(θ), a new vector.</summary>
    public Vector<double> Gradient(Vector<double> theta)
    {
        CheckPoint(theta);
        return GradientCore(theta);
    }

    /// <summary>L(θ) and ∇L(θ) together (one forward and one backward pass for models).</summary>
    public (double Loss, Vector<double> Gradient) ValueAndGradient(Vector<double> theta)
    {
        CheckPoint(theta);
        return ValueAndGradientCore(theta);
    }

    /// <summary>The exact Hessian ∇²L(θ), an n×n symmetric matrix.</summary>
    public Matrix<double> Hessian(Vector<double> theta)
    {
        CheckPoint(theta);
        return HessianCore(theta);
    }

    /// <summary>The exact Hessian-vector product ∇²L(θ)·v, without forming the Hessian when the objective can.</summary>
    public Vector<double> HessianVectorProduct(Vector<double> theta, Vector<double> v)
    {
        CheckPoint(theta);
        CheckPoint(v, nameof(v));
        return HessianVectorProductCore(theta, v);
    }

    /// <summary>Implements <see cref="Value"/>; θ is already validated.</summary>
    protected abstract double ValueCore(Vector<double> theta);

    /// <summary>Implements <see cref="Gradient"/>; θ is already validated.</summary>
    protected abstract Vector<double> GradientCore(Vector<double> theta);

    /// <summary>Implements <see cref="ValueAndGradient"/>; override when both come cheaper together.</summary>
    protected virtual (double Loss, Vector<double> Gradient) ValueAndGradientCore(Vector<double> theta) =>
        (ValueCore(theta), GradientCore(theta));

    /// <summary>Implements <see cref="Hessian"/>; the default assembles it from products with unit vectors
    /// and symmetrizes the result (which only removes rounding asymmetry).</summary>
    protected virtual Matrix<double> HessianCore(Vector<double> theta)
    {
        ThrowIfNoSecondDerivatives();
        int n = Dimension;
        var h = Matrix<double>.Build.Dense(n, n);
        var e = Vector<double>.Build.Dense(n);
        for (int j = 0; j < n; j++)
        {
            e[j] = 1.0;
            h.SetColumn(j, HessianVectorProductCore(theta, e));
            e[j] = 0.0;
        }
        return (h + h.Transpose()) * 0.5;
    }

    /// <summary>Implements <see cref="HessianVectorProduct"/>; the default is H·v with the full Hessian.</summary>
    protected virtual Vector<double> HessianVectorProductCore(Vector<double> theta, Vector<double> v)
    {
        ThrowIfNoSecondDerivatives();
        return HessianCore(theta) * v;
    }

    private static readonly ConcurrentDictionary<Type, bool> SecondDerivativesByType = new();

    /// <summary>Whether <paramref name="type"/> overrides <see cref="HessianCore"/> or <see cref="HessianVectorProductCore"/>;
    /// when it overrides neither, each default would call the other forever.</summary>
    private static bool OverridesSecondDerivatives(Type type) => SecondDerivativesByType.GetOrAdd(type, static t =>
        IsOverridden(t, nameof(HessianCore)) || IsOverridden(t, nameof(HessianVectorProductCore)));

    private static bool IsOverridden(Type type, string name) =>
        type.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Any(m => m.Name == name && m.GetBaseDefinition().DeclaringType == typeof(Objective) && m.DeclaringType != typeof(Objective));

    private void ThrowIfNoSecondDerivatives()
    {
        if (!OverridesSecondDerivatives(GetType()))
        {
            throw new NotSupportedException(
                $"{Name} ({GetType().Name}) overrides neither HessianCore nor HessianVectorProductCore, so it has no second derivatives " +
                "(each default is built from the other). Override one of them, or use an approximation that says so: " +
                "FiniteDifference.Hessian(objective, theta), or HessianOperator.ForObjective(objective, theta), which falls back " +
                "to finite differences of the gradient and labels them.");
        }
    }

    /// <summary>Throws when <paramref name="point"/> is null, has the wrong length or a non-finite entry.</summary>
    protected void CheckPoint(Vector<double> point, string argumentName = "theta")
    {
        ArgumentNullException.ThrowIfNull(point, argumentName);
        if (point.Count != Dimension)
        {
            throw new ArgumentException(
                $"{argumentName} has length {point.Count}, but {Name} expects a point of dimension {Dimension}.",
                argumentName);
        }

        for (int i = 0; i < point.Count; i++)
        {
            if (!double.IsFinite(point[i]))
            {
                throw new ArgumentException(
                    $"{argumentName}[{i}] is {point[i]}; every entry must be a finite number.", argumentName);
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name}: ℝ^{Dimension} → ℝ";
}
