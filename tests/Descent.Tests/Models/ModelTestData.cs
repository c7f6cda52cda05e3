using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Models;

/// <summary>Seeded small data sets for model tests.</summary>
internal static class ModelTestData
{
    public static double Normal(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public static Matrix<double> Gaussian(int rows, int cols, Random random, double sigma = 1.0) =>
        Matrix<double>.Build.Dense(rows, cols, (_, _) => sigma * Normal(random));

    public static Vector<double> GaussianVector(int n, Random random, double sigma = 1.0) =>
        Vector<double>.Build.Dense(n, _ => sigma * Normal(random));

    public static int[] Labels(int n, int classes, Random random) => Enumerable.Range(0, n).Select(_ => random.Next(classes)).ToArray();
}
