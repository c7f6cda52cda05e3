using Descent.Functions;
using Descent.Models;

namespace Descent.Tests.Models;

public sealed class SaxeLearningCurveTests
{
    [Fact]
    public void Depth_two_closed_form_agrees_with_the_scalar_deep_linear_network_and_solves_the_ode()
    {
        // ScalarDeepLinear(2, y) carries its own closed form for w₁w₂ from a balanced start w₀ = √u₀ (independent code).
        var net = new ScalarDeepLinear(2, 2.0);
        foreach (double t in new[] { 0.0, 0.5, 1.0, 2.0, 4.0 })
        {
            Assert.Equal(net.BalancedProductAtTime(Math.Sqrt(1e-3), t), SaxeLearningCurve.ModeStrength(2.0, 1e-3, t), 12);
        }
        // du/dt = 2u(s − u) by central differences (h = 1e-5: truncation ~h² u''' ≈ 1e-9).
        double u(double t) => SaxeLearningCurve.ModeStrength(2.0, 1e-3, t);
        foreach (double t in new[] { 1.0, 1.9, 3.0 })
        {
            Assert.Equal(2 * u(t) * (2 - u(t)), (u(t + 1e-5) - u(t - 1e-5)) / 2e-5, 6);
        }
    }

    [Fact]
    public void Half_time_is_where_the_mode_reaches_half_strength()
    {
        double th = SaxeLearningCurve.HalfTime(2.0, 1e-3);
        Assert.Equal(Math.Log(1999) / 4, th, 14);
        Assert.Equal(1.0, SaxeLearningCurve.ModeStrength(2.0, 1e-3, th), 12);
    }

    [Fact]
    public void Deeper_curves_match_the_implicit_solution_of_the_ode()
    {
        // Depth 3: t(u) = ∫_{u₀}^{u} dv / (3 v^{4/3} (s − v)), computed here by Simpson's rule in x = ln v (smooth integrand),
        // 20,000 panels: relative error ~1e-12. The library integrates forward in t with Runge–Kutta instead.
        const double s = 1.5, u0 = 0.01;
        foreach (double target in new[] { 0.1, 0.75, 1.4 })
        {
            double a = Math.Log(u0), b = Math.Log(target);
            const int m = 20_000;
            double h = (b - a) / m, sum = 0;
            for (int i = 0; i <= m; i++)
            {
                double x = a + i * h, v = Math.Exp(x);
                double g = v / (3 * Math.Pow(v, 4.0 / 3) * (s - v));
                sum += g * (i == 0 || i == m ? 1 : i % 2 == 1 ? 4 : 2);
            }
            double t = sum * h / 3;
            Assert.Equal(target, SaxeLearningCurve.ModeStrength(s, u0, t, depth: 3), 6);
            Assert.Equal(target, SaxeLearningCurve.Curve(s, u0, [0.5 * t, t], depth: 3)[1], 6);
        }
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Equal("strength", Assert.Throws<ArgumentOutOfRangeException>(() => SaxeLearningCurve.ModeStrength(0, 0.1, 1)).ParamName);
        Assert.Equal("initial", Assert.Throws<ArgumentOutOfRangeException>(() => SaxeLearningCurve.ModeStrength(1, 2, 1)).ParamName);
        Assert.Equal("time", Assert.Throws<ArgumentOutOfRangeException>(() => SaxeLearningCurve.ModeStrength(1, 0.1, -1)).ParamName);
    }
}
