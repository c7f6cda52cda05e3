using Descent.Models;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Models;

public sealed class SingleUnitRnnTests
{
    [Fact]
    public void Two_steps_match_a_hand_computation()
    {
        var f = new SingleUnitRnn(steps: 2, initialState: 0.5, target: 0.7);
        double w = 1.5, b = -0.3;
        static double S(double z) => 1 / (1 + Math.Exp(-z));
        double h1 = w * S(0.5) + b, h2 = w * S(h1) + b;
        Assert.Equal((h2 - 0.7) * (h2 - 0.7), f.Value(Vector<double>.Build.DenseOfArray([w, b])), 14);
        Assert.Equal([0.5, h1, h2], f.States(Vector<double>.Build.DenseOfArray([w, b])));
    }

    [Theory]
    [InlineData(Activation.Sigmoid, 50)]
    [InlineData(Activation.Tanh, 20)]
    public void Forward_mode_derivatives_agree_with_finite_differences(Activation activation, int steps)
    {
        var f = new SingleUnitRnn(steps, activation: activation);
        var random = new Random(steps);
        for (int trial = 0; trial < 20; trial++)
        {
            DerivativeCheck.At(f, DerivativeCheck.RandomPoint(f, random), random: random); // DerivativeCheck.RelativeTolerance
        }
    }

    [Fact]
    public void The_surface_has_a_cliff_where_the_loss_jumps_and_the_gradient_explodes()
    {
        // w = 8: for b near −4.48 the map h ↦ 8σ(h) + b is bistable and its unstable fixed point crosses h₀ = 0.5,
        // so h₅₀ falls into one of two attractors — a jump in the loss over a tiny change in b.
        var f = new SingleUnitRnn();
        double Loss(double b) => f.Value(Vector<double>.Build.DenseOfArray([8.0, b]));
        double lo = -4.481, hi = -4.479;
        Assert.True(Loss(lo) - Loss(hi) > 15, $"L({lo}) = {Loss(lo)}, L({hi}) = {Loss(hi)}");
        // Away from the cliff the slope is ordinary: |∂L/∂b| ≈ 11 and 7 on the two sides.
        double slope = Math.Max(Math.Abs(f.Gradient(Vector<double>.Build.DenseOfArray([8.0, -4.49]))[1]),
            Math.Abs(f.Gradient(Vector<double>.Build.DenseOfArray([8.0, -4.47]))[1]));
        Assert.InRange(slope, 1, 100);
        // Bisect to the edge: there the exact gradient exceeds the ordinary slope by more than 10¹⁰.
        for (int i = 0; i < 45; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Loss(mid) > 15)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        double edge = Math.Abs(f.Gradient(Vector<double>.Build.DenseOfArray([8.0, lo]))[1]);
        Assert.True(edge > 1e10 * slope, $"gradient at the cliff {edge:G3}, ordinary slope {slope:G3}");
    }
}
