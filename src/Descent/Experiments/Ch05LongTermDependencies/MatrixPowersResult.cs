namespace Descent.Experiments;

/// <summary>Result of <see cref="MatrixPowers"/>: a hand-built matrix and a random one.</summary>
/// <param name="HandBuilt">W = [[1.1, 0.3, 0], [0, 0.9, 0.3], [0, 0, 0.5]] (eigenvalues 1.1, 0.9, 0.5) from x = (1, 1, 1).</param>
/// <param name="Random">A Gaussian n×n matrix from a random unit x.</param>
public sealed record MatrixPowersResult(MatrixPowerRun HandBuilt, MatrixPowerRun Random) : IExperimentResult
{
    /// <inheritdoc />
    public string Summary => $"{HandBuilt}\n{Random}";

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["t", "hand_direct", "hand_eigen", "random_direct", "random_eigen"],
        Enumerable.Range(0, HandBuilt.DirectNorms.Length).Select(t =>
            (IReadOnlyList<object>)[t, HandBuilt.DirectNorms[t], HandBuilt.EigenNorms[t], Random.DirectNorms[t], Random.EigenNorms[t]]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}
