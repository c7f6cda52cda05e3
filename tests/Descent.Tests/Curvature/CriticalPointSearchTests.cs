using Descent.Curvature;
using Descent.Functions;

namespace Descent.Tests.Curvature;

public sealed class CriticalPointSearchTests
{
    [Fact]
    public void Finds_saddles_and_minima_alike_with_the_index_the_surface_knows()
    {
        // IndexSaddle(3, k = 2, γ = 1) has 9 critical points known in closed form (escape coordinates 0 or ±1).
        var f = new IndexSaddle(3, 2);
        foreach (var known in f.KnownCriticalPoints)
        {
            var start = known.Theta + Point.Of(0.08, -0.05, 0.07);
            var found = CriticalPointSearch.Run(f, start);
            Assert.True(found.Converged, found.ToString());
            // Quadratic convergence from 0.1 away ends far below the 1e-9 tolerance; 1e-8 on θ is generous.
            Assert.True((found.Point.Theta - known.Theta).L2Norm() < 1e-8, $"{known}: found {found}");
            Assert.Equal(known.Index, found.Point.Index);
            Assert.Equal(known.Value, found.Loss, 12);
            Assert.Equal(known.Index / 3.0, found.IndexFraction, 15);
        }
    }

    [Fact]
    public void A_function_without_critical_points_is_reported_as_not_converged()
    {
        var f = new NoCriticalPoint();
        var found = CriticalPointSearch.Run(f, Point.Of(0.3, -0.2), maxIterations: 60);
        Assert.False(found.Converged);
        Assert.True(found.Point.GradientNorm >= f.GradientNormLowerBound * (1 - 1e-12));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        var f = new SaddleQuadratic();
        Assert.Equal("gradientTolerance", Assert.Throws<ArgumentOutOfRangeException>(() => CriticalPointSearch.Run(f, Point.Of(1, 1), 0)).ParamName);
        Assert.Equal("maxIterations", Assert.Throws<ArgumentOutOfRangeException>(() => CriticalPointSearch.Run(f, Point.Of(1, 1), 1e-9, 0)).ParamName);
    }
}
