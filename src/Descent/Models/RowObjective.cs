using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace Descent.Models;

/// <summary>
/// A model whose loss is a mean over examples, evaluated by one engine for the whole data set or any subset of rows:
/// L_S(θ) = (1/|S|) Σ_{n∈S} ℓₙ(θ) + R(θ) with its gradient and exact Hessian-vector product. Subclasses implement only
/// <see cref="Evaluate"/>; the validated <see cref="Objective"/> and <see cref="IRowObjective"/> members come from here.
/// </summary>
public abstract class RowObjective : Objective, IRowObjective
{
    /// <summary>Creates the objective with <paramref name="dimension"/> parameters.</summary>
    protected RowObjective(int dimension, string name) : base(dimension, name)
    {
    }

    /// <inheritdoc />
    public abstract int ExampleCount { get; }

    /// <inheritdoc />
    public double Value(Vector<double> theta, ReadOnlySpan<int> rows)
    {
        CheckPoint(theta);
        RowSubsetObjective.CheckRows(rows, ExampleCount, nameof(rows));
        return Evaluate(Mlp.Values(theta), rows, false, default, default, default);
    }

    /// <inheritdoc />
    public (double Loss, Vector<double> Gradient) ValueAndGradient(Vector<double> theta, ReadOnlySpan<int> rows)
    {
        CheckPoint(theta);
        RowSubsetObjective.CheckRows(rows, ExampleCount, nameof(rows));
        var g = new double[Dimension];
        return (Evaluate(Mlp.Values(theta), rows, false, g, default, default), new DenseVector(g));
    }

    /// <summary>L_S(θ) with ∇L_S(θ) written into <paramref name="gradient"/> (length n), no allocation on the hot path.</summary>
    public double ValueAndGradient(Vector<double> theta, ReadOnlySpan<int> rows, Span<double> gradient)
    {
        CheckPoint(theta);
        RowSubsetObjective.CheckRows(rows, ExampleCount, nameof(rows));
        if (gradient.Length != Dimension)
        {
            throw new ArgumentException($"gradient has length {gradient.Length}, but must have length {Dimension}.", nameof(gradient));
        }

        gradient.Clear();
        return Evaluate(Mlp.Values(theta), rows, false, gradient, default, default);
    }

    /// <inheritdoc />
    public Vector<double> HessianVectorProduct(Vector<double> theta, Vector<double> v, ReadOnlySpan<int> rows)
    {
        CheckPoint(theta);
        CheckPoint(v, nameof(v));
        RowSubsetObjective.CheckRows(rows, ExampleCount, nameof(rows));
        var hv = new double[Dimension];
        Evaluate(Mlp.Values(theta), rows, false, default, Mlp.Values(v), hv);
        return new DenseVector(hv);
    }

    /// <inheritdoc />
    public Objective OnRows(int[] rows) => new RowSubsetObjective(this, rows);

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta) => Evaluate(Mlp.Values(theta), default, true, default, default, default);

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta) => ValueAndGradientCore(theta).Gradient;

    /// <inheritdoc />
    protected override (double Loss, Vector<double> Gradient) ValueAndGradientCore(Vector<double> theta)
    {
        var g = new double[Dimension];
        return (Evaluate(Mlp.Values(theta), default, true, g, default, default), new DenseVector(g));
    }

    /// <inheritdoc />
    protected override Vector<double> HessianVectorProductCore(Vector<double> theta, Vector<double> v)
    {
        var hv = new double[Dimension];
        Evaluate(Mlp.Values(theta), default, true, default, Mlp.Values(v), hv);
        return new DenseVector(hv);
    }

    /// <summary>The engine: the mean loss over <paramref name="rows"/> (every example when <paramref name="all"/>), adding
    /// its gradient into <paramref name="gradient"/> and, when <paramref name="direction"/> is given, ∇²L·direction into
    /// <paramref name="hessianVector"/> (empty spans: not wanted).</summary>
    protected abstract double Evaluate(double[] theta, ReadOnlySpan<int> rows, bool all, Span<double> gradient,
        ReadOnlySpan<double> direction, Span<double> hessianVector);
}
