using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Functions;

public sealed class MultiMinimumTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>Plain fixed-step gradient descent, written here so the test does not depend on Optimization/.</summary>
    private static Vector<double> Descend(Objective f, Vector<double> start, double learningRate, int steps)
    {
        var theta = start.Clone();
        for (int k = 0; k < steps; k++)
        {
            theta -= learningRate * f.Gradient(theta);
        }

        return theta;
    }

    [Fact]
    public void Derivatives_agree_with_finite_differences_in_three_dimensions()
    {
        var f = new MultiMinimum(
        [
            new GaussianBasin(V(1, 0, 0), 1.0, 0.5),
            new GaussianBasin(V(-1, 1, 1), 2.0, 0.7),
        ], 0.2);
        var rng = new Random(71);
        for (int k = 0; k < 40; k++)
        {
            DerivativeCheck.At(f, DerivativeCheck.RandomPoint(f, rng), random: rng);
        }
    }

    [Fact]
    public void Gradient_descent_near_each_centre_reaches_distinct_minima_of_different_depth()
    {
        var f = new MultiMinimum();
        var rng = new Random(73);
        var ends = new List<Vector<double>>();
        foreach (var basin in f.Basins)
        {
            var start = basin.Center + V(0.2 * (rng.NextDouble() - 0.5), 0.2 * (rng.NextDouble() - 0.5));
            // ε = 0.1 < 2/λmax: the steepest well has curvature ≈ D/s² + μ = 1.5/0.25 + 0.1 = 6.1, so 2/6.1 ≈ 0.33.
            // The flattest has ≈ 1/0.36 + 0.1 ≈ 2.9, contraction ≤ 1 − 0.29 per step: 2000 steps reach rounding.
            ends.Add(Descend(f, start, 0.1, 2000));
        }
        var values = ends.Select(f.Value).ToArray();
        for (int i = 0; i < ends.Count; i++)
        {
            for (int j = 0; j < i; j++)
            {
                Assert.True((ends[i] - ends[j]).L2Norm() > 1, "two basins led to the same minimum");
                Assert.True(Math.Abs(values[i] - values[j]) > 0.1, "two minima have (nearly) the same value");
            }
            // The constructor's Newton minima agree with the independent descent (to its convergence, 1e-8).
            DerivativeCheck.AssertClose(f.LocalMinima[i].Theta, ends[i], 1e-8, $"minimum of basin {i}");
            // Hand estimate: value ≈ μ‖c‖²/2 − D; the wells' overlap and the shift off-centre change it by < 0.05.
            var b = f.Basins[i];
            Assert.Equal(0.05 * b.Center.DotProduct(b.Center) - b.Depth, values[i], 0.05);
        }
        // The deepest well (depth 2, basin 1) holds the global minimum.
        Assert.Equal(1, f.GlobalBasin);
        Assert.Equal(values.Min(), values[1]);
        DerivativeCheck.AssertClose(ends[1], f.KnownMinimizers.Single(), 1e-8, "global minimizer");
    }

    [Fact]
    public void Descents_from_a_grid_over_the_plot_box_end_only_in_the_listed_minima()
    {
        // Evidence that the three basins are the only minima in view, so the global one really is global.
        var f = new MultiMinimum();
        var d = f.Domain;
        for (int i = 0; i <= 8; i++)
        {
            for (int j = 0; j <= 8; j++)
            {
                var start = V(d.PlotLower[0] + i / 8.0 * (d.PlotUpper[0] - d.PlotLower[0]), d.PlotLower[1] + j / 8.0 * (d.PlotUpper[1] - d.PlotLower[1]));
                var end = Descend(f, start, 0.1, 3000);
                if (f.Gradient(end).L2Norm() > 1e-6)
                {
                    continue; // a start exactly on a ridge may still be creeping along it
                }

                Assert.Contains(f.LocalMinima, m => (m.Theta - end).L2Norm() < 1e-5);
            }
        }
    }

    [Fact]
    public void Bad_basins_are_rejected_by_name()
    {
        Assert.Equal("basins", Assert.Throws<ArgumentException>(() => new MultiMinimum([])).ParamName);
        Assert.Equal("basins", Assert.Throws<ArgumentException>(() => new MultiMinimum([new GaussianBasin(V(0, 0), -1, 1)])).ParamName);
        Assert.Equal("basins", Assert.Throws<ArgumentException>(() => new MultiMinimum([new GaussianBasin(V(0, 0), 1, 1), new GaussianBasin(V(0, 0, 0), 1, 1)])).ParamName);
        // Two wells on top of each other share one minimum.
        Assert.Equal("basins", Assert.Throws<ArgumentException>(() => new MultiMinimum([new GaussianBasin(V(0, 0), 1, 1), new GaussianBasin(V(0.1, 0), 1, 1)])).ParamName);
        Assert.Equal("confinement", Assert.Throws<ArgumentOutOfRangeException>(() => new MultiMinimum(confinement: 0)).ParamName);
    }
}
