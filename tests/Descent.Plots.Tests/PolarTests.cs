using Descent.Plots.Tests.Support;

namespace Descent.Plots.Tests;

public sealed class PolarTests
{
    [Fact]
    public void Angles_in_radians_are_drawn_in_degrees_with_the_values_as_radius()
    {
        // Directional curvature of H = diag(2, −1): c(φ) = 2cos²φ − sin²φ; at 0, π/2, π: 2, −1, 2.
        double[] phi = [0.0, Math.PI / 2, Math.PI];
        double[] c = phi.Select(a => 2 * Math.Cos(a) * Math.Cos(a) - Math.Sin(a) * Math.Sin(a)).ToArray();
        var fig = Fig.Of(Plot.Polar(phi, c));
        var t = fig.Data()[0]!;
        Assert.Equal("scatterpolar", t["type"].Str());
        var theta = t["theta"].Doubles();
        Assert.Equal(0.0, theta[0]);
        Assert.Equal(90.0, theta[1], 12); // π/2 · 180/π, 1e-12 for rounding of π
        Assert.Equal(180.0, theta[2], 12);
        Assert.Equal(c, t["r"].Doubles());
        Assert.NotNull(fig.Layout()["polar"]);
    }
}
