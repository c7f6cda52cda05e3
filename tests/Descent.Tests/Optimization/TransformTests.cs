using Descent.Functions;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Optimization;

public sealed class TransformTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static (Vector<double> U, TransformState S) Apply(GradientTransform t, Vector<double> g, int step = 0, TransformState? state = null)
    {
        var f = new Quadratic(Matrix<double>.Build.DenseIdentity(g.Count));
        var theta = Vector<double>.Build.Dense(g.Count);
        return t.Update(g, state ?? t.Init(theta), new StepContext(f, theta, g, 0.0, step));
    }

    [Fact]
    public void Clipping_by_norm_bounds_the_step_and_keeps_the_direction()
    {
        var t = new ClipByGlobalNorm(1.0);
        var (big, _) = Apply(t, V(3, 4));            // ‖g‖ = 5 → (0.6, 0.8)
        Assert.Equal(0.6, big[0], 15);
        Assert.Equal(0.8, big[1], 15);
        var (small, _) = Apply(t, V(0.3, 0.4));      // ‖g‖ = 0.5 ≤ 1: unchanged
        Assert.Equal([0.3, 0.4], small.ToArray());
    }

    [Fact]
    public void Clipping_bounds_every_step_of_a_run_on_a_cliff_like_gradient()
    {
        // Rosenbrock at (−2, −2) has ‖g‖ ≈ 4.8e3; with clipping at 1 and ε = 0.01 no step exceeds 0.01.
        var opt = Optimizers.GradientDescent(0.01).Prepend(new ClipByGlobalNorm(1.0));
        var r = Trainer.Run(new Rosenbrock(), opt, V(-2, -2), new TrainingOptions { MaxSteps = 200 });
        Assert.True(r.GradientNorms[0] > 1000);
        Assert.All(r.StepLengths, s => Assert.True(s <= 0.01 * (1 + 1e-15), $"step {s}"));
        var unclipped = Trainer.Run(new Rosenbrock(), Optimizers.GradientDescent(0.01), V(-2, -2), new TrainingOptions { MaxSteps = 200 });
        Assert.Equal(StopReason.Diverged, unclipped.Reason);         // the same step size without clipping blows up
    }

    [Fact]
    public void Clipping_by_value_clamps_each_entry()
    {
        var (u, _) = Apply(new ClipByValue(0.5), V(3, -4, 0.2));
        Assert.Equal([0.5, -0.5, 0.2], u.ToArray());
    }

    [Fact]
    public void Gaussian_noise_has_the_requested_mean_and_standard_deviation_and_is_seeded()
    {
        // 20 000 draws (2 000 steps × 10 entries) of σξ added to a zero gradient: the sample mean has
        // standard error σ/√20000 ≈ 0.0021 (σ = 0.3), so |mean| < 0.01 is a > 4.5σ bound; the sample
        // standard deviation has relative standard error 1/√(2·20000) = 0.5 %, so 3 % is > 5σ.
        var t = new AddGaussianNoise(0.3, seed: 42);
        var draws = new List<double>();
        for (int step = 0; step < 2000; step++)
        {
            draws.AddRange(Apply(t, Vector<double>.Build.Dense(10), step).U);
        }

        double mean = draws.Average();
        double sd = Math.Sqrt(draws.Sum(x => (x - mean) * (x - mean)) / (draws.Count - 1));
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(sd, 0.3 * 0.97, 0.3 * 1.03);
        Assert.Equal(Apply(t, V(1, 2), 5).U.ToArray(), Apply(new AddGaussianNoise(0.3, seed: 42), V(1, 2), 5).U.ToArray());
        Assert.NotEqual(Apply(t, V(1, 2), 5).U.ToArray(), Apply(new AddGaussianNoise(0.3, seed: 43), V(1, 2), 5).U.ToArray());
    }

    [Fact]
    public void Perturbation_is_uniform_in_the_ball_only_when_the_gradient_is_small_and_not_too_often()
    {
        var t = new AddPerturbation(radius: 0.1, gradientThreshold: 1e-3, quietSteps: 5, seed: 1);
        var zero = Vector<double>.Build.Dense(3);
        var f = new Quadratic(Matrix<double>.Build.DenseIdentity(3));
        var state = t.Init(zero);
        var perturbed = new List<int>();
        var radii = new List<double>();
        for (int step = 0; step < 20; step++)
        {
            // Gradient small (θ = 0) except at steps 6–8, where θ = (1, 0, 0) gives ‖g‖ = 1.
            var theta = step is >= 6 and <= 8 ? V(1, 0, 0) : zero;
            var g = f.Gradient(theta);
            var (u, s) = t.Update(zero, state, new StepContext(f, theta, g, 0, step));
            if (u.L2Norm() > 0) { perturbed.Add(step); radii.Add(u.L2Norm()); }
            state = s;
        }
        // Jin et al.: perturb when ‖g‖ ≤ g_thres and t − t_noise > t_thres: steps 0, 9 (6–8 have a large
        // gradient), 15.
        Assert.Equal([0, 9, 15], perturbed);
        Assert.All(radii, r => Assert.InRange(r, 0, 0.1));
        Assert.Equal(3, ((AddPerturbation.State)state).Perturbations);

        // Uniform in the 3-ball: P(‖ξ‖ ≤ r/2) = (1/2)³ = 1/8. Over 4000 draws the count has standard
        // deviation √(4000·⅛·⅞) ≈ 21, so 500 ± 100 is a > 4.7σ bound (a uniform-on-sphere or Gaussian
        // radius would give 0 or ≈ 1 700).
        var always = new AddPerturbation(radius: 1, gradientThreshold: 1, quietSteps: 0, seed: 9);
        int inner = 0;
        for (int step = 0; step < 4000; step++)
        {
            if (always.Update(zero, always.Init(zero), new StepContext(f, zero, zero, 0, step)).Update.L2Norm() <= 0.5)
            {
                inner++;
            }
        }

        Assert.InRange(inner, 400, 600);
    }

    [Fact]
    public void Optimal_step_is_gtg_over_gthg_and_falls_back_to_the_cap_on_negative_curvature()
    {
        // A = diag(1, 4), θ = (1, 1): g = (1, 4), gᵀg = 17, gᵀAg = 1 + 64 = 65, ε* = 17/65.
        var f = new Quadratic(Matrix<double>.Build.DenseOfDiagonalArray([1.0, 4.0]));
        var theta = V(1, 1);
        var g = f.Gradient(theta);
        var t = new ScaleByOptimalStep(maxStep: 10);
        var (u, s) = t.Update(g, t.Init(theta), new StepContext(f, theta, g, f.Value(theta), 0));
        Assert.Equal(17.0 / 65, ((ScaleByOptimalStep.State)s).LastStep, 15);
        Assert.Equal(17.0 / 65 * 4, u[1], 14);

        // Saddle diag(1, −4) at (0, 1): g = (0, −4), gᵀHg = −64 ≤ 0 → ε = maxStep.
        var saddle = new Quadratic(Matrix<double>.Build.DenseOfDiagonalArray([1.0, -4.0]));
        var th = V(0, 1);
        var gs = saddle.Gradient(th);
        var (us, ss) = t.Update(gs, t.Init(th), new StepContext(saddle, th, gs, saddle.Value(th), 0));
        Assert.Equal(10.0, ((ScaleByOptimalStep.State)ss).LastStep);
        Assert.True(((ScaleByOptimalStep.State)ss).UsedFallback);
        Assert.Equal(-40.0, us[1], 14);
    }

    [Fact]
    public void Optimal_step_on_a_quadratic_never_increases_the_loss()
    {
        // Exact line minimization along −g on a SPD quadratic: L(θₖ₊₁) ≤ L(θₖ) at every step.
        var f = Quadratic.FromEigenvalues([0.5, 3, 40], seed: 2);
        var r = Trainer.Run(f, Optimizers.OptimalStep(), V(1, -2, 3), new TrainingOptions { MaxSteps = 50 });
        for (int k = 0; k < r.Steps; k++)
        {
            Assert.True(r.Losses[k + 1] <= r.Losses[k] + 1e-15, $"loss rose at step {k}");
        }
    }

    [Fact]
    public void Transforms_and_optimizers_print_their_formula_chain()
    {
        var opt = Optimizers.Momentum(0.1, 0.9).Prepend(new ClipByGlobalNorm(1));
        Assert.Equal("clip(‖g‖≤1) → momentum(0.9) → scale(−0.1)", opt.ToString());
        Assert.Equal("adam(β₁=0.9, β₂=0.999, ε=1E−08) → scale(−0.001)", Optimizers.Adam(0.001).ToString());
        Assert.Equal("newton(H⁻¹g) → scale(−1)", Optimizers.Newton().ToString());
        Assert.Equal("scale(−η(t)), η = cosine(0.1 → 0 over 100)", new ScaleByLearningRate(LearningRateSchedule.Cosine(0.1, 100)).ToString());
        Assert.Equal("v = [1, −2]", new ScaleByMomentum.State(V(1, -2)).ToString());
        Assert.Equal("Momentum(learningRate=0.1, momentum=0.9)", Optimizers.Momentum(0.1, 0.9).Name);
    }

    [Fact]
    public void Chains_flatten_and_thread_each_part_its_own_state()
    {
        var inner = new Chain(new ScaleByMomentum(0.5), new Scale(2));
        var chain = new Chain(inner, new ClipByValue(100));
        Assert.Equal(3, chain.Transforms.Length);
        var s = chain.Init(V(0, 0));
        (_, s) = Apply(chain, V(1, 1), 0, s);
        var (u, _) = Apply(chain, V(1, 1), 1, s);
        // v₁ = g = 1, v₂ = 0.5·1 + 1 = 1.5, ×2 = 3.
        Assert.Equal([3.0, 3.0], u.ToArray());
    }

    [Fact]
    public void An_optimizer_is_a_transform_so_a_chain_composes_it_like_optax_chain()
    {
        // optax.chain(clip_by_global_norm(1), adam(0.1)): the same parts, the same state layout and the same steps as
        // Adam with clipping prepended.
        GradientTransform composed = new Chain(new ClipByGlobalNorm(1), Optimizers.Adam(0.1));
        var prepended = Optimizers.Adam(0.1).Prepend(new ClipByGlobalNorm(1));
        Assert.Equal("clip(‖g‖≤1) → adam(β₁=0.9, β₂=0.999, ε=1E−08) → scale(−0.1)", composed.ToString());
        Assert.Equal(prepended.ToString(), composed.ToString());

        var start = V(-1.2, 1);
        var a = Trainer.Run(new Rosenbrock(), composed, start, new TrainingOptions { MaxSteps = 50 });
        var b = Trainer.Run(new Rosenbrock(), prepended, start, new TrainingOptions { MaxSteps = 50 });
        Assert.Equal(b.Losses, a.Losses);                            // bit for bit: the same arithmetic in the same order
        Assert.Equal(b.Theta.ToArray(), a.Theta.ToArray());
        Assert.Equal(composed.ToString(), a.Optimizer);
    }

    [Fact]
    public void Nesterov_is_momentum_with_the_nesterov_flag_as_in_optax_trace()
    {
        var heavyBall = new ScaleByMomentum(0.5);
        var nesterov = new ScaleByMomentum(0.5, nesterov: true);
        Assert.Equal("momentum(0.5)", heavyBall.ToString());
        Assert.Equal("nesterov(0.5)", nesterov.ToString());
        Assert.Equal("nesterov(0.9) → scale(−0.1)", Optimizers.Nesterov(0.1, 0.9).ToString());
        var (_, s) = Apply(nesterov, V(1, 2));
        var (u, next) = Apply(nesterov, V(1, 2), 1, s);
        // v₁ = g, v₂ = 0.5·g + g = 1.5g; Nesterov outputs g + 0.5·v₂ = 1.75g, the heavy ball v₂ = 1.5g.
        Assert.Equal([1.75, 3.5], u.ToArray());
        Assert.Equal([1.5, 3.0], ((ScaleByMomentum.State)next).Velocity.ToArray());
        var (_, hs) = Apply(heavyBall, V(1, 2));
        Assert.Equal([1.5, 3.0], Apply(heavyBall, V(1, 2), 1, hs).U.ToArray());
    }

    [Fact]
    public void Typed_transforms_check_the_update_length_and_null_arguments_once_in_the_base()
    {
        var f = new Quadratic(Matrix<double>.Build.DenseIdentity(2));
        var context = new StepContext(f, V(0, 0), V(1, 1), 0.0, 0);
        var t = new ScaleByAdaGrad();
        var wrongLength = Assert.Throws<ArgumentException>(() => t.Update(V(1, 2, 3), t.Init(V(0, 0)), context));
        Assert.Equal("update", wrongLength.ParamName);
        Assert.Contains("length 3", wrongLength.Message);
        Assert.Equal("state", Assert.Throws<ArgumentNullException>(() => t.Update(V(1, 1), null!, context)).ParamName);
        Assert.Equal("theta", Assert.Throws<ArgumentNullException>(() => t.Init(null!)).ParamName);
        var stranger = Assert.Throws<ArgumentException>(() => t.Update(V(1, 1), TransformState.None, context));
        Assert.Contains("adagrad(δ=1E−07) expects a State state", stranger.Message);
    }

    [Fact]
    public void A_state_from_another_transform_is_rejected_by_argument_name()
    {
        var ex = Assert.Throws<ArgumentException>(() => Apply(new ScaleByAdam(), V(1, 1), state: new ScaleByMomentum.State(V(0, 0))));
        Assert.Equal("state", ex.ParamName);
    }

    [Theory]
    [InlineData("learningRate")]
    [InlineData("momentum")]
    [InlineData("decay")]
    [InlineData("beta1")]
    [InlineData("beta2")]
    [InlineData("damping")]
    [InlineData("maxNorm")]
    [InlineData("radius")]
    [InlineData("maxStep")]
    [InlineData("standardDeviation")]
    [InlineData("minimumCurvature")]
    public void Bad_arguments_raise_messages_naming_the_argument_and_the_valid_range(string argument)
    {
        Action make = argument switch
        {
            "learningRate" => () => Optimizers.GradientDescent(-0.1),
            "momentum" => () => Optimizers.Momentum(0.1, 1.0),
            "decay" => () => Optimizers.RmsProp(0.1, decay: -0.1),
            "beta1" => () => Optimizers.Adam(0.1, beta1: 1.5),
            "beta2" => () => Optimizers.Adam(0.1, beta2: double.NaN),
            "damping" => () => Optimizers.DampedNewton(-1),
            "maxNorm" => () => new ClipByGlobalNorm(0),
            "radius" => () => Optimizers.PerturbedGradientDescent(0.1, radius: -1, gradientThreshold: 1e-3, quietSteps: 10, seed: 1),
            "maxStep" => () => Optimizers.OptimalStep(0),
            "standardDeviation" => () => Optimizers.NoisyGradientDescent(0.1, double.PositiveInfinity, seed: 1),
            "minimumCurvature" => () => Optimizers.SaddleFreeNewton(minimumCurvature: 0),
            _ => throw new InvalidOperationException(argument),
        };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(make);
        Assert.Equal(argument, ex.ParamName);
        Assert.Contains(argument + " must be", ex.Message);
    }
}
