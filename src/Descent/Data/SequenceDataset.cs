namespace Descent.Data;

/// <summary>
/// Sequences for recurrent networks: <c>Inputs[example][time][feature]</c>, all examples of the same
/// length T and feature count d, with a target read after the last step — a class label (and its one-hot
/// row) or a regression value.
/// </summary>
/// <remarks>Arrays are held as given (no copy); treat them as read-only.</remarks>
public sealed record SequenceDataset
{
    /// <summary>Creates a sequence data set and checks that its parts agree.</summary>
    /// <param name="name">Display name.</param>
    /// <param name="inputs">[example][time][feature], n ≥ 1 examples, all T × d with T, d ≥ 1, finite.</param>
    /// <param name="labels">Optional class labels, length n, each in 0..C−1.</param>
    /// <param name="targets">Optional [example][output] targets at the last step, length n, all of one width.</param>
    /// <param name="classCount">Number of classes C; defaults to max(label) + 1 when labels are given.</param>
    public SequenceDataset(string name, double[][][] inputs, int[]? labels = null, double[][]? targets = null, int? classCount = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Length == 0)
        {
            throw new ArgumentException("inputs must hold at least one sequence.", nameof(inputs));
        }

        int length = inputs[0].Length;
        if (length == 0)
        {
            throw new ArgumentException("sequences must have at least one time step.", nameof(inputs));
        }

        int features = inputs[0][0].Length;
        if (features == 0)
        {
            throw new ArgumentException("each time step must have at least one feature.", nameof(inputs));
        }

        for (int i = 0; i < inputs.Length; i++)
        {
            if (inputs[i].Length != length)
            {
                throw new ArgumentException($"inputs[{i}] has {inputs[i].Length} time steps, but inputs[0] has {length}.", nameof(inputs));
            }

            for (int t = 0; t < length; t++)
            {
                if (inputs[i][t].Length != features)
                {
                    throw new ArgumentException($"inputs[{i}][{t}] has {inputs[i][t].Length} features, expected {features}.", nameof(inputs));
                }

                foreach (double v in inputs[i][t])
                {
                    if (!double.IsFinite(v))
                    {
                        throw new ArgumentException($"inputs[{i}][{t}] holds {v}; entries must be finite.", nameof(inputs));
                    }
                }
            }
        }
        if (labels is not null)
        {
            if (labels.Length != inputs.Length)
            {
                throw new ArgumentException($"labels has length {labels.Length}, but there are {inputs.Length} sequences.", nameof(labels));
            }

            int c = classCount ?? labels.Max() + 1;
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
        if (targets is not null)
        {
            if (targets.Length != inputs.Length)
            {
                throw new ArgumentException($"targets has length {targets.Length}, but there are {inputs.Length} sequences.", nameof(targets));
            }

            int width = targets[0].Length;
            for (int i = 0; i < targets.Length; i++)
            {
                if (targets[i].Length != width)
                {
                    throw new ArgumentException($"targets[{i}] has {targets[i].Length} entries, expected {width}.", nameof(targets));
                }

                foreach (double v in targets[i])
                {
                    if (!double.IsFinite(v))
                    {
                        throw new ArgumentException($"targets[{i}] holds {v}; entries must be finite.", nameof(targets));
                    }
                }
            }
        }
        Name = name;
        Inputs = inputs;
        Labels = labels;
        Targets = targets;
    }

    /// <summary>Display name.</summary>
    public string Name { get; init; }

    /// <summary>[example][time][feature].</summary>
    public double[][][] Inputs { get; }

    /// <summary>Class labels, or null for a regression task.</summary>
    public int[]? Labels { get; }

    /// <summary>[example][output] targets after the last step, or null.</summary>
    public double[][]? Targets { get; }

    /// <summary>Number of classes, or null without labels.</summary>
    public int? ClassCount { get; }

    /// <summary>Number of sequences n.</summary>
    public int Count => Inputs.Length;

    /// <summary>Sequence length T (time steps).</summary>
    public int Length => Inputs[0].Length;

    /// <summary>Input features per time step d.</summary>
    public int Features => Inputs[0][0].Length;

    /// <summary>The sequences at <paramref name="rows"/> (in that order) as a new data set sharing the step arrays.</summary>
    public SequenceDataset Subset(IReadOnlyList<int> rows, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("rows must select at least one sequence.", nameof(rows));
        }

        for (int i = 0; i < rows.Count; i++)
        {
            if ((uint)rows[i] >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), rows[i], $"rows[{i}] must be in 0..{Count - 1}.");
            }
        }

        return new SequenceDataset(
            name ?? Name,
            rows.Select(r => Inputs[r]).ToArray(),
            Labels is null ? null : rows.Select(r => Labels[r]).ToArray(),
            Targets is null ? null : rows.Select(r => Targets[r]).ToArray(),
            ClassCount);
    }

    /// <summary>"adding problem: 100 sequences × 50 steps × 2 features → 1 target".</summary>
    public override string ToString()
    {
        string shape = $"{Name}: {Count} sequences × {Length} steps × {Features} features";
        if (ClassCount is { } c)
        {
            return $"{shape}, {c} classes";
        }

        if (Targets is { } t)
        {
            return $"{shape} → {t[0].Length} target{(t[0].Length == 1 ? "" : "s")}";
        }

        return shape;
    }
}
