using MathNet.Numerics.LinearAlgebra;

namespace Descent.Data;

/// <summary>
/// A supervised data set: an input matrix X whose rows are examples, and for classification the
/// class labels yᵢ ∈ {0, …, C−1}, for regression (or one-hot classification) a target matrix Y
/// with one row per example.
/// </summary>
/// <remarks>
/// The arrays and matrices are held as given (no copy) so that a notebook can hand the same data to
/// several models cheaply; treat them as read-only. <see cref="Subset"/> makes a new, independent
/// data set of selected rows (a minibatch, a split).
/// </remarks>
public sealed record Dataset
{
    /// <summary>Creates a data set and checks that its parts agree.</summary>
    /// <param name="name">Display name, e.g. "digits train".</param>
    /// <param name="inputs">n × d inputs, one example per row, all entries finite, n ≥ 1.</param>
    /// <param name="labels">Optional class labels, length n, each in 0..C−1.</param>
    /// <param name="targets">Optional n × k targets (one-hot rows for classification, values for regression).</param>
    /// <param name="classCount">Number of classes C; defaults to max(label) + 1 when labels are given.</param>
    public Dataset(string name, Matrix<double> inputs, int[]? labels = null, Matrix<double>? targets = null, int? classCount = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(inputs);
        CheckFinite(inputs, nameof(inputs));
        if (labels is not null)
        {
            if (labels.Length != inputs.RowCount)
            {
                throw new ArgumentException(
                    $"labels has length {labels.Length}, but inputs has {inputs.RowCount} rows (one label per example).", nameof(labels));
            }

            int max = labels.Length == 0 ? -1 : labels.Max();
            int c = classCount ?? max + 1;
            if (c < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "classCount must be at least 1.");
            }

            for (int i = 0; i < labels.Length; i++)
            {
                if (labels[i] < 0 || labels[i] >= c)
                {
                    throw new ArgumentException($"labels[{i}] = {labels[i]} is outside 0..{c - 1}.", nameof(labels));
                }
            }
            ClassCount = c;
        }
        else if (classCount is not null)
        {
            throw new ArgumentException("classCount is only meaningful together with labels.", nameof(classCount));
        }
        if (targets is not null)
        {
            if (targets.RowCount != inputs.RowCount)
            {
                throw new ArgumentException(
                    $"targets has {targets.RowCount} rows, but inputs has {inputs.RowCount} (one target row per example).", nameof(targets));
            }

            CheckFinite(targets, nameof(targets));
        }
        Name = name;
        Inputs = inputs;
        Labels = labels;
        Targets = targets;
    }

    /// <summary>Display name, e.g. "digits train".</summary>
    public string Name { get; init; }

    /// <summary>n × d inputs, one example per row.</summary>
    public Matrix<double> Inputs { get; }

    /// <summary>Class labels yᵢ ∈ {0, …, C−1}, or null for a regression set.</summary>
    public int[]? Labels { get; }

    /// <summary>n × k targets (one-hot for classification, values for regression), or null.</summary>
    public Matrix<double>? Targets { get; }

    /// <summary>Number of classes C, or null when the set has no labels.</summary>
    public int? ClassCount { get; }

    /// <summary>Number of examples n (rows of <see cref="Inputs"/>).</summary>
    public int Count => Inputs.RowCount;

    /// <summary>Number of input features d (columns of <see cref="Inputs"/>).</summary>
    public int Features => Inputs.ColumnCount;

    /// <summary>The rows at <paramref name="rows"/> (in that order, repeats allowed) as a new data set.</summary>
    /// <param name="rows">Row indices, each in 0..n−1, at least one.</param>
    /// <param name="name">Name of the subset; defaults to this set's name.</param>
    public Dataset Subset(IReadOnlyList<int> rows, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("rows must select at least one example.", nameof(rows));
        }

        for (int i = 0; i < rows.Count; i++)
        {
            if ((uint)rows[i] >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), rows[i], $"rows[{i}] must be in 0..{Count - 1}.");
            }
        }
        return new Dataset(
            name ?? Name,
            SelectRows(Inputs, rows),
            Labels is null ? null : rows.Select(r => Labels[r]).ToArray(),
            Targets is null ? null : SelectRows(Targets, rows),
            ClassCount);
    }

    /// <summary>One-hot targets: row i has a 1 in column labels[i] and 0 elsewhere.</summary>
    /// <param name="labels">Labels, each in 0..classCount−1.</param>
    /// <param name="classCount">Number of classes C ≥ 1 (columns of the result).</param>
    public static Matrix<double> OneHot(IReadOnlyList<int> labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (classCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "classCount must be at least 1.");
        }

        var y = Matrix<double>.Build.Dense(labels.Count, classCount);
        for (int i = 0; i < labels.Count; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentException($"labels[{i}] = {labels[i]} is outside 0..{classCount - 1}.", nameof(labels));
            }

            y[i, labels[i]] = 1.0;
        }
        return y;
    }

    /// <summary>"digits train: 1078 × 64, 10 classes" or "linear teacher: 200 × 5 → 3 targets".</summary>
    public override string ToString()
    {
        string shape = $"{Name}: {Count} × {Features}";
        if (ClassCount is { } c)
        {
            return $"{shape}, {c} classes";
        }

        if (Targets is { } t)
        {
            return $"{shape} → {t.ColumnCount} target{(t.ColumnCount == 1 ? "" : "s")}";
        }

        return $"{shape}, unlabelled";
    }

    private static Matrix<double> SelectRows(Matrix<double> m, IReadOnlyList<int> rows)
    {
        var result = Matrix<double>.Build.Dense(rows.Count, m.ColumnCount);
        for (int i = 0; i < rows.Count; i++)
        {
            int r = rows[i];
            for (int j = 0; j < m.ColumnCount; j++)
            {
                result[i, j] = m[r, j];
            }
        }
        return result;
    }

    private static void CheckFinite(Matrix<double> m, string argumentName)
    {
        for (int i = 0; i < m.RowCount; i++)
        {
            for (int j = 0; j < m.ColumnCount; j++)
            {
                if (!double.IsFinite(m[i, j]))
                {
                    throw new ArgumentException($"{argumentName}[{i}, {j}] is {m[i, j]}; every entry must be a finite number.", argumentName);
                }
            }
        }
    }
}
