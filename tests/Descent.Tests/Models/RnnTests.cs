using Descent.Curvature;
using Descent.Models;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using static Descent.Tests.Models.ModelTestData;

namespace Descent.Tests.Models;

public sealed class RnnTests
{
    private static List<Matrix<double>> Sequences(int n, int t, int d, Random random) =>
        Enumerable.Range(0, n).Select(_ => Gaussian(t, d, random)).ToList();

    private static Rnn Make(Activation activation, LossFunction loss, RnnOutput output, int seed, int n = 3, int t = 4, int d = 2, int h = 3, int k = 2)
    {
        var random = new Random(seed);
        var x = Sequences(n, t, d, random);
        if (output == RnnOutput.EveryStep)
        {
            var targets = Enumerable.Range(0, n).Select(_ => loss == LossFunction.SquaredError
                ? Gaussian(t, k, random)
                : Matrix<double>.Build.Dense(t, k, (_, j) => j == 0 ? 1.0 : 0.0)).ToList();
            return new Rnn(h, activation, loss, x, targets);
        }
        return loss == LossFunction.SquaredError
            ? new Rnn(h, activation, loss, x, Gaussian(n, k, random))
            : new Rnn(h, activation, x, Labels(n, k, random), k);
    }

    public static TheoryData<Activation, LossFunction, RnnOutput> Configurations()
    {
        var data = new TheoryData<Activation, LossFunction, RnnOutput>();
        foreach (var a in new[] { Activation.Tanh, Activation.Identity, Activation.Relu, Activation.Sigmoid, Activation.Softplus })
        {
            foreach (var l in new[] { LossFunction.SquaredError, LossFunction.SoftmaxCrossEntropy })
            {
                foreach (var o in Enum.GetValues<RnnOutput>())
                {
                    data.Add(a, l, o);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void BPTT_gradient_and_Rop_product_agree_with_finite_differences(Activation activation, LossFunction loss, RnnOutput output)
    {
        var model = Make(activation, loss, output, 31 + (int)activation + 7 * (int)loss + 13 * (int)output);
        var random = new Random(5);
        for (int trial = 0; trial < 2; trial++)
        {
            var theta = GaussianVector(model.Dimension, random, 0.6);
            DerivativeCheck.At(model, theta, random: random); // DerivativeCheck.RelativeTolerance, see there
            var v = GaussianVector(model.Dimension, random);
            // Directional difference of the exact gradient: the same O(h²) + O(u/h) budget.
            DerivativeCheck.AssertClose(model.HessianVectorProduct(theta, v), FiniteDifference.HessianVectorProduct(model, theta, v), 1e-6, "R-op vs FD");
        }
    }

    [Fact]
    public void Value_matches_an_independent_unrolled_implementation()
    {
        var random = new Random(12);
        var x = Sequences(2, 5, 3, random);
        var targets = Enumerable.Range(0, 2).Select(_ => Gaussian(5, 2, random)).ToList();
        var model = new Rnn(4, Activation.Tanh, LossFunction.SquaredError, x, targets);
        var theta = GaussianVector(model.Dimension, random, 0.5);
        var w = model.RecurrentMatrix(theta);
        var u = Matrix<double>.Build.Dense(4, 3, (i, j) => theta[model.InputOffset + i * 3 + j]);
        var b = Vector<double>.Build.Dense(4, i => theta[model.HiddenBiasOffset + i]);
        var vm = Matrix<double>.Build.Dense(2, 4, (i, j) => theta[model.OutputOffset + i * 4 + j]);
        var c = Vector<double>.Build.Dense(2, i => theta[model.OutputBiasOffset + i]);
        double total = 0;
        for (int s = 0; s < 2; s++)
        {
            var h = Vector<double>.Build.Dense(4);
            for (int t = 0; t < 5; t++)
            {
                h = (w * h + u * x[s].Row(t) + b).Map(Math.Tanh);
                var e = vm * h + c - targets[s].Row(t);
                total += 0.5 * e.DotProduct(e);
            }
        }
        // Mean over 2 sequences × 5 steps; same arithmetic reordered: 1e-12.
        Assert.Equal(total / 10, model.Value(theta), 12);
        var states = model.HiddenStates(theta, 1);
        Assert.Equal(6, states.RowCount);
        Assert.Equal(0.0, states.Row(0).L2Norm());
    }

    [Theory]
    [InlineData(0.9, JacobianNorm.Spectral)]
    [InlineData(1.1, JacobianNorm.Spectral)]
    [InlineData(0.9, JacobianNorm.Frobenius)]
    public void Linear_RNN_with_diagonal_W_has_Jacobian_norms_rho_to_the_power_T_minus_t(double rho, JacobianNorm norm)
    {
        const int t = 30;
        var random = new Random(4);
        var model = new Rnn(3, Activation.Identity, LossFunction.SquaredError, Sequences(2, t, 2, random), Gaussian(2, 1, random));
        double[] diag = [rho, -0.5, 0.3];
        var theta = model.WithRecurrentMatrix(GaussianVector(model.Dimension, random), Matrix<double>.Build.DenseOfDiagonalArray(diag));
        var norms = model.HiddenJacobianNorms(theta, 1, norm);
        Assert.Equal(t + 1, norms.Length);
        for (int s = 0; s <= t; s++)
        {
            // ∂h_T/∂h_s = W^{T−s} = diag(ρᵢ^{T−s}): spectral norm ρ^{T−s}, Frobenius √Σρᵢ^{2(T−s)}.
            double expected = norm == JacobianNorm.Spectral
                ? Math.Pow(rho, t - s)
                : Math.Sqrt(diag.Sum(r => Math.Pow(r, 2 * (t - s))));
            // 30 products of diagonal entries and one SVD: rounding only, 1e-12 relative.
            Assert.True(Math.Abs(norms[s] - expected) <= 1e-12 * expected, $"t = {s}: {norms[s]} vs {expected}");
        }
    }

    [Fact]
    public void Tanh_RNN_Jacobian_norms_are_bounded_by_the_norm_of_W_to_the_power_T_minus_t()
    {
        const int t = 25;
        var random = new Random(9);
        var model = new Rnn(5, Activation.Tanh, LossFunction.SquaredError, Sequences(2, t, 2, random), Gaussian(2, 1, random));
        var theta = model.Initialize(Initialization.Gaussian(0.6), 3);
        double w2 = model.RecurrentMatrix(theta).L2Norm();
        var norms = model.HiddenJacobianNorms(theta, 0);
        bool strict = false;
        for (int s = 0; s <= t; s++)
        {
            double bound = Math.Pow(w2, t - s);
            // |tanh'| ≤ 1 ⇒ ‖Π diag(φ')W‖₂ ≤ ‖W‖₂^{T−s}; 1e-12 relative allows for rounding in the SVDs.
            Assert.True(norms[s] <= bound * (1 + 1e-12), $"t = {s}: {norms[s]} > {bound}");
            if (s < t - 2 && norms[s] < 0.99 * bound)
            {
                strict = true;
            }
        }
        Assert.True(strict, "saturation makes the tanh norms strictly smaller than the linear bound");
    }

    [Fact]
    public void Spectral_radius_initialization_and_subsets()
    {
        var random = new Random(10);
        var model = new Rnn(6, Activation.Tanh, LossFunction.SquaredError, Sequences(5, 3, 2, random), Gaussian(5, 2, random));
        var theta = model.Initialize(Initialization.Glorot, 7, spectralRadius: 1.25);
        double radius = model.RecurrentMatrix(theta).Evd().EigenValues.Select(z => z.Magnitude).Max();
        Assert.Equal(1.25, radius, 12); // eigenvalues of a 6×6 matrix: 1e-12
        int[] rows = [4, 0, 4];
        var sub = model.OnRows(rows);
        DerivativeCheck.At(sub, theta); // DerivativeCheck.RelativeTolerance
        // The subset loss is the mean of single-row losses (row 4 counted twice): rounding only.
        double mean = (model.Value(theta, [4]) * 2 + model.Value(theta, [0])) / 3;
        Assert.Equal(mean, sub.Value(theta), 13);
        Assert.Contains("T = 3", model.ToString());
        Assert.Equal("activation", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new Rnn(2, Activation.Maxout, LossFunction.SquaredError, Sequences(1, 2, 2, random), Gaussian(1, 1, random))).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() =>
            new Rnn(2, Activation.Tanh, LossFunction.SquaredError, [Gaussian(2, 2, random), Gaussian(3, 2, random)], Gaussian(2, 1, random))).ParamName);
    }
}
