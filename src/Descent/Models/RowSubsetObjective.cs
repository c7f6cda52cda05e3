using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Models;

/// <summary>
/// A model restricted to a fixed subset S of its examples: L_S(θ) = (1/|S|) Σ_{n∈S} ℓₙ(θ) + R(θ).
/// Returned by <see cref="IRowObjective.OnRows"/>; it is an ordinary <see cref="Objective"/>, so every
/// optimizer and curvature tool works on a fixed minibatch.
/// </summary>
public sealed class RowSubsetObjective : Objective
{
    private readonly IRowObjective _model;
    private readonly int[] _rows;

    /// <summary>Restricts <paramref name="model"/> to <paramref name="rows"/> (copied; each in [0, N)).</summary>
    public RowSubsetObjective(IRowObjective model, int[] rows)
        : base(CheckModel(model).Dimension, $"{model.Name} on {rows?.Length ?? 0} rows")
    {
        _model = model;
        _rows = CheckRows(rows!, model.ExampleCount, nameof(rows));
    }

    /// <summary>The underlying model.</summary>
    public IRowObjective Model => _model;

    /// <summary>The row indices S (a copy).</summary>
    public int[] Rows => (int[])_rows.Clone();

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta) => _model.Value(theta, _rows);

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta) => _model.ValueAndGradient(theta, _rows).Gradient;

    /// <inheritdoc />
    protected override (double Loss, Vector<double> Gradient) ValueAndGradientCore(Vector<double> theta) =>
        _model.ValueAndGradient(theta, _rows);

    /// <inheritdoc />
    protected override Vector<double> HessianVectorProductCore(Vector<double> theta, Vector<double> v) =>
        _model.HessianVectorProduct(theta, v, _rows);

    /// <inheritdoc />
    public override string ToString() => $"{_model} restricted to {_rows.Length} rows";

    private static IRowObjective CheckModel(IRowObjective model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model;
    }

    /// <summary>Validates row indices against N and returns a copy.</summary>
    internal static int[] CheckRows(int[] rows, int exampleCount, string paramName)
    {
        ArgumentNullException.ThrowIfNull(rows, paramName);
        if (rows.Length == 0)
        {
            throw new ArgumentException("rows must contain at least one row index.", paramName);
        }

        CheckRows((ReadOnlySpan<int>)rows, exampleCount, paramName);
        return (int[])rows.Clone();
    }

    /// <summary>Throws unless every index is in [0, N) and there is at least one.</summary>
    internal static void CheckRows(ReadOnlySpan<int> rows, int exampleCount, string paramName)
    {
        if (rows.Length == 0)
        {
            throw new ArgumentException("rows must contain at least one row index.", paramName);
        }

        foreach (int r in rows)
        {
            if ((uint)r >= (uint)exampleCount)
            {
                throw new ArgumentOutOfRangeException(paramName, r, $"row index {r} is outside [0, {exampleCount - 1}].");
            }
        }
    }
}
