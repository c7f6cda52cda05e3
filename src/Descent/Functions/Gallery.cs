namespace Descent.Functions;

/// <summary>
/// The closed-form surfaces with their default parameters, for a tour of the course's landscapes
/// (one contour plot each) or for running one optimizer on all of them.
/// </summary>
public static class Gallery
{
    /// <summary>Every two-dimensional surface, in the order the chapters meet them:
    /// ill-conditioning, saddles and plateaus, flat vs sharp minima, cliffs, local vs global structure.</summary>
    public static IReadOnlyList<Objective> TwoDimensional() =>
    [
        Quadratic.D2l(),
        new Rosenbrock(),
        new RosenbrockRavine(),
        new BaityJesiValley(),
        new MultiMinimum(),
        new SaddleQuadratic(),
        new MonkeySaddle(),
        new DegenerateSaddle(),
        new ScalarDeepLinear(),
        new Plateau(),
        new FlatAndSharpMinima(),
        new Cliff(),
        new ProductCliff(),
        new WrongSideOfMountain(),
        new NoCriticalPoint(),
        new RampedDoubleWell(),
    ];

    /// <summary>Surfaces in n dimensions (default n as given), for spectra and high-dimensional saddles.</summary>
    /// <param name="dimension">n ≥ 2.</param>
    public static IReadOnlyList<Objective> HighDimensional(int dimension = 10)
    {
        if (dimension < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "dimension must be at least 2.");
        }

        return
        [
            Quadratic.FromEigenvalues(Enumerable.Range(0, dimension).Select(i => Math.Pow(100, i / (dimension - 1.0))).ToArray(), seed: 1),
            new Rosenbrock(dimension),
            new IndexSaddle(dimension, Math.Max(1, dimension / 3)),
            new Plateau(dimension),
            new FlatAndSharpMinima(dimension: dimension),
            new ScalarDeepLinear(dimension),
            new NoCriticalPoint(Enumerable.Range(0, dimension).Select(i => i % 2 == 0 ? -1.5 : 0.5).ToArray()),
        ];
    }
}
