using Descent.Models;

namespace Descent.Tests.Models;

public sealed class ElementwiseTests
{
    [Fact]
    public void Fast_tanh_agrees_with_Math_Tanh_to_a_few_ulp()
    {
        var random = new Random(3);
        double worst = 0;
        for (int i = 0; i < 200_000; i++)
        {
            double z = (random.NextDouble() * 2 - 1) * (i % 2 == 0 ? 1.0 : 25.0);
            double exact = Math.Tanh(z);
            double rel = exact == 0 ? Math.Abs(Elementwise.Tanh(z)) : Math.Abs(Elementwise.Tanh(z) - exact) / Math.Abs(exact);
            worst = Math.Max(worst, rel);
        }
        // Cephes documents 2.5e-16 relative for the rational part; the exp branch adds a few ulp: allow 2e-15.
        Assert.True(worst < 2e-15, $"worst relative error {worst:G3}");
        Assert.Equal(0.0, Elementwise.Tanh(0.0));
        Assert.Equal(1.0, Elementwise.Tanh(800.0));
        Assert.Equal(-1.0, Elementwise.Tanh(-800.0));
    }
}
