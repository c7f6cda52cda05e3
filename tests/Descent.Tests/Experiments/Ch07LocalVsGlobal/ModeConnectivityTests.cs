using Descent.Experiments;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Experiments;

public sealed class ModeConnectivityTests
{
    private static readonly ModeConnectivityResult Result = new ModeConnectivity().Run();

    [Fact]
    public void Draxler_the_line_between_two_solutions_has_a_barrier_and_the_trained_curve_almost_none()
    {
        // Seed 004 / Draxler et al. (2018): both endpoints are good (train loss < 0.1), the straight line rises far above
        // them (barrier > 0.3, i.e. > 5× the endpoint losses; measured 0.465), and the trained Bézier path's barrier is a
        // small fraction of the line's (measured 11.6 %; asserted < 25 %, "path barrier ≪ line barrier").
        Assert.True(Result.A.TrainLoss < 0.1 && Result.B.TrainLoss < 0.1, Result.Summary);
        Assert.True(Result.LineBarrier > 0.3, Result.Summary);
        Assert.True(Result.CurveBarrier < 0.25 * Result.LineBarrier, Result.Summary);
        // Both paths start and end at the two solutions.
        Assert.Equal(Result.A.TrainLoss, Result.CurveTrainLosses[0], 12);
        Assert.Equal(Result.B.TrainLoss, Result.CurveTrainLosses[^1], 12);
        Assert.Equal(Result.A.TrainLoss, Result.LineTrainLosses[0], 12);
    }

    [Theory]
    [InlineData(CurveKind.Bezier, 0.3)]
    [InlineData(CurveKind.Bezier, 0.5)]
    [InlineData(CurveKind.PolyChain, 0.2)]
    [InlineData(CurveKind.PolyChain, 0.8)]
    public void The_bend_weight_is_the_derivative_of_the_curve_with_respect_to_the_bend(CurveKind kind, double t)
    {
        // φ is affine in θ_bend, so a central difference is exact up to rounding.
        var a = Vector<double>.Build.DenseOfArray([1.0, -2.0]);
        var b = Vector<double>.Build.DenseOfArray([3.0, 0.5]);
        var bend = Vector<double>.Build.DenseOfArray([0.0, 4.0]);
        var e = Vector<double>.Build.DenseOfArray([1.0, 0.0]);
        double h = 1e-3;
        double fd = (ModeConnectivity.PointOn(kind, a, bend + h * e, b, t)[0] - ModeConnectivity.PointOn(kind, a, bend - h * e, b, t)[0]) / (2 * h);
        Assert.Equal(ModeConnectivity.BendWeight(kind, t), fd, 9);
        // Hand values: Bézier 2t(1 − t), chain 2min(t, 1 − t).
        double expected = kind == CurveKind.Bezier ? 2 * t * (1 - t) : 2 * Math.Min(t, 1 - t);
        Assert.Equal(expected, ModeConnectivity.BendWeight(kind, t), 12);
    }

    [Fact]
    public void The_chain_passes_through_its_bend_and_both_curves_through_their_ends()
    {
        var a = Vector<double>.Build.DenseOfArray([1.0, -2.0]);
        var b = Vector<double>.Build.DenseOfArray([3.0, 0.5]);
        var bend = Vector<double>.Build.DenseOfArray([0.0, 4.0]);
        Assert.Equal(bend, ModeConnectivity.PointOn(CurveKind.PolyChain, a, bend, b, 0.5));
        // Bézier midpoint: ¼a + ½bend + ¼b.
        Assert.Equal(0.25 * a + 0.5 * bend + 0.25 * b, ModeConnectivity.PointOn(CurveKind.Bezier, a, bend, b, 0.5));
        foreach (var kind in new[] { CurveKind.Bezier, CurveKind.PolyChain })
        {
            Assert.Equal(a, ModeConnectivity.PointOn(kind, a, bend, b, 0));
            Assert.Equal(b, ModeConnectivity.PointOn(kind, a, bend, b, 1));
        }
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => ModeConnectivity.PointOn(CurveKind.Bezier, a, bend, b, 1.5)).ParamName);
    }
}
