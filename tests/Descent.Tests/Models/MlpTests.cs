using Descent.Curvature;
using Descent.Models;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using static Descent.Tests.Models.ModelTestData;

namespace Descent.Tests.Models;

public sealed class MlpTests
{
    private static Mlp Make(Activation activation, LossFunction loss, int[] sizes, int n, int seed, double l2 = 0.0)
    {
        var random = new Random(seed);
        var x = Gaussian(n, sizes[0], random);
        int k = sizes[^1];
        return loss switch
        {
            LossFunction.SoftmaxCrossEntropy => new Mlp(sizes, activation, loss, x, Labels(n, k, random), l2),
            LossFunction.Logistic => new Mlp(sizes, activation, loss, x, Labels(n, 2, random), l2),
            LossFunction.Hinge => new Mlp(sizes, activation, loss, x, Labels(n, 2, random).Select(c => 2 * c - 1).ToArray(), l2),
            _ => new Mlp(sizes, activation, loss, x, Gaussian(n, k, random), l2),
        };
    }

    public static TheoryData<Activation, LossFunction> AllPairs()
    {
        var data = new TheoryData<Activation, LossFunction>();
        foreach (var a in Enum.GetValues<Activation>())
        {
            foreach (var l in Enum.GetValues<LossFunction>())
            {
                data.Add(a, l);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Gradient_Hessian_and_Rop_product_agree_with_finite_differences(Activation activation, LossFunction loss)
    {
        int k = loss is LossFunction.Logistic or LossFunction.Hinge ? 1 : 3;
        var model = Make(activation, loss, [3, 4, k], 6, 11 + (int)activation * 10 + (int)loss, l2: 0.05);
        var random = new Random(7);
        for (int trial = 0; trial < 3; trial++)
        {
            var theta = GaussianVector(model.Dimension, random, 0.8);
            // DerivativeCheck's 1e-6 relative tolerance (see there); ReLU, maxout and hinge kinks are
            // crossed by the ±6e-6 difference steps with probability ~1e-5 at these Gaussian points.
            DerivativeCheck.At(model, theta, random: random);
            var v = GaussianVector(model.Dimension, random);
            var fd = FiniteDifference.HessianVectorProduct(model, theta, v);
            // Directional difference of the exact gradient: same O(h²) + O(u/h) error budget as above.
            DerivativeCheck.AssertClose(model.HessianVectorProduct(theta, v), fd, 1e-6, $"{model} R-op vs FD");
        }
    }

    [Theory]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Softplus)]
    [InlineData(Activation.Maxout)]
    public void Deeper_networks_pass_the_same_checks(Activation activation)
    {
        var model = Make(activation, LossFunction.SoftmaxCrossEntropy, [3, 4, 3, 2], 5, 99, l2: 0.01);
        var random = new Random(3);
        var theta = GaussianVector(model.Dimension, random, 0.9);
        DerivativeCheck.At(model, theta, random: random); // tolerance: see DerivativeCheck.RelativeTolerance
    }

    [Theory]
    [InlineData(Activation.Tanh, LossFunction.SquaredError)]
    [InlineData(Activation.Relu, LossFunction.SoftmaxCrossEntropy)]
    [InlineData(Activation.Sigmoid, LossFunction.Logistic)]
    [InlineData(Activation.Softplus, LossFunction.Hinge)]
    [InlineData(Activation.Maxout, LossFunction.SoftmaxCrossEntropy)]
    public void Value_matches_an_independent_matrix_implementation(Activation activation, LossFunction loss)
    {
        int k = loss is LossFunction.Logistic or LossFunction.Hinge ? 1 : 3;
        var model = Make(activation, loss, [4, 5, k], 7, 5, l2: 0.1);
        var random = new Random(8);
        var theta = GaussianVector(model.Dimension, random);
        var w1 = model.Weights(theta, 0);
        var b1 = model.Biases(theta, 0);
        var w2 = model.Weights(theta, 1);
        var b2 = model.Biases(theta, 1);
        // Rebuild data exactly as Make does.
        var rng = new Random(5);
        var x = Gaussian(7, 4, rng);
        double[][] y = new double[7][];
        int[] labels = loss switch
        {
            LossFunction.SoftmaxCrossEntropy => Labels(7, k, rng),
            LossFunction.Logistic => Labels(7, 2, rng),
            LossFunction.Hinge => Labels(7, 2, rng).Select(c => 2 * c - 1).ToArray(),
            _ => [],
        };
        var regression = loss == LossFunction.SquaredError ? Gaussian(7, k, rng) : null;
        double total = 0;
        for (int r = 0; r < 7; r++)
        {
            var z1 = w1 * x.Row(r) + b1;
            Vector<double> h = activation == Activation.Maxout
                ? Vector<double>.Build.Dense(5, j => Math.Max(z1[2 * j], z1[2 * j + 1]))
                : z1.Map(z => activation switch
                {
                    Activation.Tanh => Math.Tanh(z),
                    Activation.Relu => Math.Max(0, z),
                    Activation.Sigmoid => 1 / (1 + Math.Exp(-z)),
                    Activation.Softplus => Math.Log(1 + Math.Exp(z)),
                    _ => z,
                });
            var o = w2 * h + b2;
            total += loss switch
            {
                LossFunction.SquaredError => 0.5 * (o - regression!.Row(r)).DotProduct(o - regression!.Row(r)),
                LossFunction.SoftmaxCrossEntropy => Math.Log(o.Select(Math.Exp).Sum()) - o[labels[r]],
                LossFunction.Logistic => -(labels[r] == 1 ? Math.Log(1 / (1 + Math.Exp(-o[0]))) : Math.Log(1 - 1 / (1 + Math.Exp(-o[0])))),
                _ => Math.Max(0, 1 - labels[r] * o[0]),
            };
        }
        double expected = total / 7 + 0.05 * (w1.FrobeniusNorm() * w1.FrobeniusNorm() + w2.FrobeniusNorm() * w2.FrobeniusNorm());
        // Same arithmetic in a different order: agreement to ~1e-15 relative; 1e-12 leaves room.
        Assert.Equal(expected, model.Value(theta), 12);
    }

    [Fact]
    public void One_unit_network_matches_a_hand_computation()
    {
        // o = w₂ tanh(w₁x + b₁) + b₂, L = ½ mean (o − y)² over x = (1, −2), y = (0.5, 1).
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1 }, { -2 } });
        var y = Matrix<double>.Build.DenseOfArray(new double[,] { { 0.5 }, { 1 } });
        var model = new Mlp([1, 1, 1], Activation.Tanh, LossFunction.SquaredError, x, y);
        var theta = Vector<double>.Build.DenseOfArray([0.3, -0.1, 2.0, 0.25]); // w₁, b₁, w₂, b₂
        double o1 = 2.0 * Math.Tanh(0.3 * 1 - 0.1) + 0.25, o2 = 2.0 * Math.Tanh(0.3 * -2 - 0.1) + 0.25;
        double expected = 0.5 * (0.5 * (o1 - 0.5) * (o1 - 0.5) + 0.5 * (o2 - 1) * (o2 - 1));
        Assert.Equal(expected, model.Value(theta), 14);
        // ∂L/∂b₂ = mean(o − y).
        Assert.Equal(0.5 * ((o1 - 0.5) + (o2 - 1)), model.Gradient(theta)[3], 14);
    }

    [Fact]
    public void Row_subsets_equal_a_model_built_on_those_rows_and_repeats_count_twice()
    {
        var random = new Random(21);
        var x = Gaussian(8, 3, random);
        var labels = Labels(8, 3, random);
        var model = new Mlp([3, 4, 3], Activation.Tanh, LossFunction.SoftmaxCrossEntropy, x, labels, l2: 0.02);
        int[] rows = [5, 1, 1, 6];
        var sub = new Mlp([3, 4, 3], Activation.Tanh, LossFunction.SoftmaxCrossEntropy,
            Matrix<double>.Build.DenseOfRowVectors(rows.Select(x.Row)), rows.Select(r => labels[r]).ToArray(), l2: 0.02);
        var theta = model.Initialize(Initialization.Glorot, 4);
        // Same arithmetic on the same rows in the same order: equal to rounding (1e-13 relative).
        Assert.Equal(sub.Value(theta), model.Value(theta, rows), 13);
        var (loss, g) = model.ValueAndGradient(theta, rows);
        Assert.Equal(sub.Value(theta), loss, 13);
        DerivativeCheck.AssertClose(sub.Gradient(theta), g, 1e-13, "subset gradient");
        var v = GaussianVector(model.Dimension, random);
        DerivativeCheck.AssertClose(sub.HessianVectorProduct(theta, v), model.HessianVectorProduct(theta, v, rows), 1e-13, "subset HVP");
        var view = model.OnRows(rows);
        DerivativeCheck.At(view, theta); // DerivativeCheck.RelativeTolerance, see there
        var buffer = new double[model.Dimension];
        Assert.Equal(loss, model.ValueAndGradient(theta, rows, buffer), 14);
        DerivativeCheck.AssertClose(g, Vector<double>.Build.DenseOfArray(buffer), 0, "no-allocation gradient");
    }

    [Fact]
    public void Minibatch_objective_draws_a_new_batch_per_gradient_and_reports_the_full_value()
    {
        var random = new Random(2);
        var model = new Mlp([2, 3, 2], Activation.Relu, LossFunction.SoftmaxCrossEntropy, Gaussian(10, 2, random), Labels(10, 2, random));
        int[][] batches = [[0, 1, 2], [3, 4, 5], [9, 9, 8]];
        int next = 0;
        var mb = new MinibatchObjective(model, () => batches[next++ % 3]);
        var theta = model.Initialize(Initialization.He, 1);
        for (int i = 0; i < 3; i++)
        {
            var g = mb.Gradient(theta);
            DerivativeCheck.AssertClose(model.ValueAndGradient(theta, batches[i]).Gradient, g, 0, $"batch {i}");
            Assert.Equal(batches[i], mb.LastBatch);
        }
        Assert.Equal(3, mb.BatchesDrawn);
        Assert.Equal(model.Value(theta), mb.Value(theta));
        var bad = new MinibatchObjective(model, () => [10]);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => bad.Gradient(theta));
        Assert.Equal("sampler", ex.ParamName);
    }

    [Theory]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Maxout)]
    [InlineData(Activation.Relu)]
    public void Permuting_hidden_units_leaves_the_loss_unchanged_and_permutes_the_gradient(Activation activation)
    {
        var random = new Random(17);
        var model = new Mlp([3, 5, 4, 2], activation, LossFunction.SoftmaxCrossEntropy, Gaussian(9, 3, random), Labels(9, 2, random), l2: 0.01);
        var theta = GaussianVector(model.Dimension, random);
        int[] perm = [3, 0, 4, 1, 2];
        var moved = model.PermuteHiddenUnits(theta, 1, perm);
        Assert.NotEqual(theta, moved);
        // Same sums in a different order: equal to rounding, 1e-13 relative.
        Assert.Equal(model.Value(theta), model.Value(moved), 13);
        // The gradient at the permuted point is the permuted gradient: apply the same map to ∇L.
        var expected = model.PermuteHiddenUnits(model.Gradient(theta), 1, perm);
        DerivativeCheck.AssertClose(expected, model.Gradient(moved), 1e-13, "permuted gradient");
        // Second hidden layer too.
        var moved2 = model.PermuteHiddenUnits(theta, 2, [2, 3, 1, 0]);
        Assert.Equal(model.Value(theta), model.Value(moved2), 13);
    }

    [Theory]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.Maxout)]
    [InlineData(Activation.Identity)]
    public void Rescaling_a_homogeneous_layer_leaves_the_loss_unchanged_and_scales_the_gradient(Activation activation)
    {
        var random = new Random(18);
        var model = new Mlp([3, 5, 2], activation, LossFunction.SquaredError, Gaussian(9, 3, random), Gaussian(9, 2, random));
        var theta = GaussianVector(model.Dimension, random);
        double alpha = 3.7;
        var scaled = model.RescaleHiddenUnits(theta, 1, alpha);
        Assert.Equal(model.Value(theta), model.Value(scaled), 12); // rounding only; 1e-12
        var g = model.Gradient(theta);
        var gs = model.Gradient(scaled);
        // Incoming weights and biases: g/α; outgoing weights: α·g; output bias unchanged.
        var expected = g.Clone();
        int inEnd = model.WeightOffset(1);
        for (int i = 0; i < inEnd; i++)
        {
            expected[i] = g[i] / alpha;
        }

        for (int i = inEnd; i < model.BiasOffset(1); i++)
        {
            expected[i] = g[i] * alpha;
        }

        DerivativeCheck.AssertClose(expected, gs, 1e-12, "rescaled gradient");
        Assert.Throws<InvalidOperationException>(() =>
            new Mlp([3, 5, 2], Activation.Tanh, LossFunction.SquaredError, Gaussian(2, 3, random), Gaussian(2, 2, random))
                .RescaleHiddenUnits(Vector<double>.Build.Dense(32), 1, 2.0));
    }

    [Fact]
    public void Zero_initialization_never_breaks_the_symmetry_between_hidden_units()
    {
        var random = new Random(30);
        var model = new Mlp([4, 6, 3], Activation.Sigmoid, LossFunction.SoftmaxCrossEntropy, Gaussian(20, 4, random), Labels(20, 3, random));
        var theta = model.Initialize(Initialization.Zero, 1);
        Assert.Equal(0.0, theta.L2Norm());
        for (int step = 0; step < 50; step++)
        {
            theta -= 0.5 * model.Gradient(theta);
        }

        var w1 = model.Weights(theta, 0);
        var w2 = model.Weights(theta, 1);
        Assert.True(w2.FrobeniusNorm() > 1e-3, "the output weights moved"); // sigmoid(0) = ½ feeds the output layer
        for (int j = 1; j < 6; j++)
        {
            // Identical units receive bit-identical updates: every row of W₁ and every column of W₂ stay equal.
            Assert.Equal(w1.Row(0), w1.Row(j));
            Assert.Equal(w2.Column(0), w2.Column(j));
        }
    }

    [Fact]
    public void Initializations_are_seeded_and_have_the_stated_scale()
    {
        var random = new Random(1);
        var model = new Mlp([200, 100, 50], Activation.Relu, LossFunction.SquaredError, Gaussian(2, 200, random), Gaussian(2, 50, random));
        Assert.Equal(model.Initialize(Initialization.He, 5), model.Initialize(Initialization.He, 5));
        Assert.NotEqual(model.Initialize(Initialization.He, 5), model.Initialize(Initialization.He, 6));
        foreach (var (init, sigma) in new[] { (Initialization.He, Math.Sqrt(2.0 / 200)), (Initialization.Glorot, Math.Sqrt(2.0 / 300)), (Initialization.Gaussian(0.3), 0.3) })
        {
            var w = model.Weights(model.Initialize(init, 9), 0).Enumerate().ToArray();
            double sd = Math.Sqrt(w.Select(t => t * t).Average());
            // 20 000 draws: the sample s.d. has relative standard error 1/√(2·20 000) = 0.5%; allow 3%.
            Assert.InRange(sd / sigma, 0.97, 1.03);
        }
        Assert.Equal(0.0, model.Biases(model.Initialize(Initialization.He, 9), 0).L2Norm());
        var q = model.Weights(model.Initialize(Initialization.Orthogonal(2.0), 3), 0); // 100 × 200: orthonormal rows × 2
        DerivativeCheck.AssertClose(4.0 * Matrix<double>.Build.DenseIdentity(100), q * q.Transpose(), 1e-12, "W Wᵀ = gain² I");
    }

    [Fact]
    public void Zero_one_loss_counts_misclassified_rows()
    {
        // One linear output, logistic: class 1 iff o > 0. With w = 1, b = 0, o = x.
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1 }, { -1 }, { 2 }, { -3 } });
        var model = new Mlp([1, 1], Activation.Tanh, LossFunction.Logistic, x, [1, 1, 0, 0]);
        var theta = Vector<double>.Build.DenseOfArray([1.0, 0.0]);
        Assert.Equal(0.5, model.ZeroOneLoss(theta)); // rows 1 and 2 are wrong
        Assert.Equal(1.0, model.ZeroOneLoss(theta, [1, 2]));
        var softmax = new Mlp([1, 2], Activation.Tanh, LossFunction.SoftmaxCrossEntropy, x, [0, 1, 1, 1]);
        // o = (x, −x): predicted class 0 when x > 0, else 1 → predictions 0, 1, 0, 1: only row 2 is wrong.
        Assert.Equal(0.25, softmax.ZeroOneLoss(Vector<double>.Build.DenseOfArray([1.0, -1.0, 0.0, 0.0])));
    }

    [Fact]
    public void Bad_input_is_rejected_with_the_argument_name()
    {
        var random = new Random(4);
        var x = Gaussian(3, 2, random);
        Assert.Equal("layerSizes", Assert.ThrowsAny<ArgumentException>(() => new Mlp([2], Activation.Tanh, LossFunction.SquaredError, x, Gaussian(3, 2, random))).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => new Mlp([2, 2], Activation.Tanh, LossFunction.SquaredError, x, Gaussian(4, 2, random))).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentOutOfRangeException>(() => new Mlp([2, 3], Activation.Tanh, LossFunction.SoftmaxCrossEntropy, x, [0, 3, 1])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentOutOfRangeException>(() => new Mlp([2, 1], Activation.Tanh, LossFunction.Hinge, x, [0, 1, 1])).ParamName);
        Assert.Equal("loss", Assert.Throws<ArgumentException>(() => new Mlp([2, 2], Activation.Tanh, LossFunction.Logistic, x, [0, 1, 1])).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => new Mlp([3, 2], Activation.Tanh, LossFunction.SquaredError, x, Gaussian(3, 2, random))).ParamName);
        Assert.Equal("maxoutPieces", Assert.Throws<ArgumentOutOfRangeException>(() => new Mlp([2, 2, 2], Activation.Maxout, LossFunction.SquaredError, x, Gaussian(3, 2, random), maxoutPieces: 1)).ParamName);
        var model = new Mlp([2, 2], Activation.Tanh, LossFunction.SquaredError, x, Gaussian(3, 2, random));
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => model.Value(Vector<double>.Build.Dense(6), [0, 3])).ParamName);
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => model.Value(Vector<double>.Build.Dense(5))).ParamName);
    }

    [Theory]
    [InlineData(Activation.Tanh, LossFunction.SoftmaxCrossEntropy)]
    [InlineData(Activation.Maxout, LossFunction.SquaredError)]
    [InlineData(Activation.Softplus, LossFunction.Logistic)]
    public void Structured_Hessian_equals_the_matrix_of_R_op_products(Activation activation, LossFunction loss)
    {
        int k = loss == LossFunction.Logistic ? 1 : 3;
        var model = Make(activation, loss, [4, 5, 3, k], 9, 77, l2: 0.03);
        var random = new Random(2);
        var theta = GaussianVector(model.Dimension, random, 0.8);
        var h = model.Hessian(theta);
        var columns = Matrix<double>.Build.Dense(model.Dimension, model.Dimension);
        var e = Vector<double>.Build.Dense(model.Dimension);
        for (int j = 0; j < model.Dimension; j++)
        {
            e[j] = 1;
            columns.SetColumn(j, model.HessianVectorProduct(theta, e));
            e[j] = 0;
        }
        // Two exact computations of the same matrix in different summation orders: rounding only, 1e-12.
        DerivativeCheck.AssertClose(columns, h, 1e-12, "structured Hessian vs HVP columns");
        Assert.Equal(h, h.Transpose());
    }

    [Theory]
    [InlineData(Activation.Tanh, LossFunction.SoftmaxCrossEntropy)]
    [InlineData(Activation.Maxout, LossFunction.SquaredError)]
    public void Hessian_on_several_threads_is_bit_identical_to_one_thread(Activation activation, LossFunction loss)
    {
        // 20-16-3 on 900 examples: 900 × 387 (maxout: 659) multiply-adds per column, above the threshold at which
        // the columns are spread over threads (2¹⁸), so Threads = 4 really runs in parallel on a multi-core machine.
        var model = Make(activation, loss, [20, 16, 3], 900, 5);
        var theta = GaussianVector(model.Dimension, new Random(6), 0.5);
        Assert.Equal(Environment.ProcessorCount, model.Threads);
        model.Threads = 1;
        var one = model.Hessian(theta);
        model.Threads = 4;
        var many = model.Hessian(theta);
        // Each column is the same sequence of operations whichever thread runs it: equal to the last bit.
        Assert.Equal(one.ToColumnMajorArray(), many.ToColumnMajorArray());
        Assert.Equal(one, one.Transpose());
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => model.Threads = 0).ParamName);
    }

    [Theory]
    [InlineData(Activation.Tanh, LossFunction.SoftmaxCrossEntropy, 0.0)]
    [InlineData(Activation.Maxout, LossFunction.SquaredError, 0.01)]
    [InlineData(Activation.Relu, LossFunction.Logistic, 0.001)]
    public void Full_batch_gradient_and_Hessian_vector_product_on_several_threads_are_bit_identical_to_one_thread(
        Activation activation, LossFunction loss, double l2)
    {
        // 20-16-k on 3000 examples: 3000 × (387 … 659) multiply-adds, above the 2²⁰ at which a batch is split over
        // threads, so Threads = 4 really runs in parallel on a multi-core machine (rows for the forward and backward
        // passes, output units for the sums over examples). Every number is the same sequence of operations as on one
        // thread: equal to the last bit, not to a tolerance. A minibatch stays on the calling thread (same check).
        var model = Make(activation, loss, [20, 16, loss == LossFunction.Logistic ? 1 : 3], 3000, 8, l2);
        var theta = GaussianVector(model.Dimension, new Random(9), 0.5);
        var direction = GaussianVector(model.Dimension, new Random(10), 1.0);
        int[] batch = [.. Enumerable.Range(0, 64).Select(i => 7 * i % 3000)];
        var batchGradient = new double[model.Dimension];
        (double, double[], double[], double, double[]) Evaluate()
        {
            var (value, gradient) = model.ValueAndGradient(theta);
            var hv = model.HessianVectorProduct(theta, direction);
            double batchValue = model.ValueAndGradient(theta, batch, batchGradient);
            return (value, gradient.ToArray(), hv.ToArray(), batchValue, [.. batchGradient]);
        }

        model.Threads = 1;
        var one = Evaluate();
        model.Threads = 4;
        var many = Evaluate();
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.Item1), BitConverter.DoubleToInt64Bits(many.Item1));
        Assert.Equal(one.Item2, many.Item2);
        Assert.Equal(one.Item3, many.Item3);
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.Item4), BitConverter.DoubleToInt64Bits(many.Item4));
        Assert.Equal(one.Item5, many.Item5);
    }

    [Fact]
    public void ToString_names_architecture_loss_and_size()
    {
        var random = new Random(4);
        var model = new Mlp([64, 32, 10], Activation.Tanh, LossFunction.SoftmaxCrossEntropy, Gaussian(5, 64, random), Labels(5, 10, random));
        Assert.Equal(64 * 32 + 32 + 32 * 10 + 10, model.Dimension); // 2410
        Assert.Equal("MLP 64-32-10 tanh, softmax cross-entropy, 2410 parameters, 5 examples", model.ToString());
    }
}
