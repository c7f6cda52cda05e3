namespace Descent.Experiments;

/// <summary>Parameters of <see cref="MatrixPowers"/>.</summary>
public sealed record MatrixPowersParameters
{
    /// <summary>Size n of the random matrix (entries N(0, scale²/n), so its spectral radius is near scale by the circular law).</summary>
    public int Size { get; init => field = Guard.AtLeast(value, 1, nameof(Size)); } = 8;

    /// <summary>Scale of the random matrix.</summary>
    public double Scale { get; init => field = Guard.Positive(value, nameof(Scale)); } = 1.0;

    /// <summary>Powers t = 0 … Steps.</summary>
    public int Steps { get; init => field = Guard.AtLeast(value, 1, nameof(Steps)); } = 40;

    /// <summary>Seed of the random matrix and the start vectors.</summary>
    public int Seed { get; init; } = 1;
}
