namespace Descent.Plots;

/// <summary>
/// One named curve y(x): a loss or gradient-norm history (x = step), a spectral density (x = λ),
/// a 1-D landscape slice (x = α), a curvature profile over angles (x = angle in radians), or a sample for a histogram (Y only).
/// </summary>
/// <param name="Name">Legend name.</param>
/// <param name="Y">The values.</param>
/// <param name="X">The abscissae (same length as <paramref name="Y"/>); null means 0, 1, 2, … (steps).</param>
public sealed record Series(string Name, IReadOnlyList<double> Y, IReadOnlyList<double>? X = null)
{
    /// <summary>Number of values.</summary>
    public int Count => Y.Count;

    /// <summary>The abscissae: <see cref="X"/>, or 0, 1, …, n − 1 when it is null.</summary>
    public IReadOnlyList<double> XOrSteps => X ?? Enumerable.Range(0, Y.Count).Select(i => (double)i).ToArray();

    /// <inheritdoc />
    public override string ToString()
    {
        if (Y.Count == 0)
        {
            return $"{Name}: empty";
        }

        var finite = Y.Where(double.IsFinite).ToArray();
        string range = finite.Length == 0 ? "no finite values" : $"y in [{finite.Min():G4}, {finite.Max():G4}]";
        return $"{Name}: {Y.Count} points, {range}";
    }

    internal void Validate(string paramName)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("every series needs a non-empty Name.", paramName);
        }

        if (Y is null)
        {
            throw new ArgumentException($"series '{Name}' has no Y values.", paramName);
        }

        if (X is not null && X.Count != Y.Count)
        {
            throw new ArgumentException($"series '{Name}' has {X.Count} x values but {Y.Count} y values; the counts must match.", paramName);
        }
    }
}
