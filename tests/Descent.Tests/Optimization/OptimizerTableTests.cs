using Descent.Functions;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Optimization;

/// <summary>
/// The shared optimizer table (STYLE.md habit 5, after optax's alias_test.py): every optimizer alias
/// solves a parabola and Rosenbrock, is deterministic for its seed, leaves its inputs unchanged, and
/// its first step matches a hand computation.
/// </summary>
public sealed class OptimizerTableTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    // κ = 10, rotated by 0.5 rad, minimizer (1, −2): gradient A(θ − θ*).
    private static readonly Vector<double> QuadraticMinimizer = V(1, -2);
    private static Quadratic Parabola() => Quadratic.FromEigenvalues2D(1, 10, 0.5, QuadraticMinimizer);
    private static readonly Vector<double> QuadraticStart = V(-3, 2);
    private static readonly Vector<double> RosenbrockStart = V(-1.2, 1);

    /// <summary>One row: how to build the optimizer for each problem, the step budgets, the final
    /// tolerance on ‖θ − θ*‖, and the hand-computed first update Δθ₀ as a function of g₀ (null when
    /// the first step is random and is checked elsewhere).</summary>
    private sealed record Case(
        Func<Optimizer> OnParabola, int ParabolaSteps,
        Func<Optimizer> OnRosenbrock, int RosenbrockSteps,
        double Tolerance,
        Func<Vector<double>, Vector<double>>? FirstUpdate);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["GradientDescent"] = new(
            () => Optimizers.GradientDescent(0.15), 500,
            () => Optimizers.GradientDescent(1.5e-3), 60_000, 1e-4,
            g => -0.15 * g),
        ["Momentum"] = new(
            () => Optimizers.Momentum(0.05, 0.8), 500,
            () => Optimizers.Momentum(5e-4, 0.9), 30_000, 1e-4,
            g => -0.05 * g),                                          // v₁ = g, Δ = −εv₁
        ["Nesterov"] = new(
            () => Optimizers.Nesterov(0.05, 0.8), 500,
            () => Optimizers.Nesterov(5e-4, 0.9), 30_000, 1e-4,
            g => -0.05 * (1 + 0.8) * g),                              // v₁ = g, Δ = −ε(g + βv₁)
        ["AdaGrad"] = new(
            () => Optimizers.AdaGrad(1.0), 3000,
            () => Optimizers.AdaGrad(0.5), 60_000, 1e-3,
            g => g.Map(x => -1.0 * x / (1e-7 + Math.Abs(x)))),       // r = g², Δ = −εg/(δ + |g|)
        ["RmsProp"] = new(
            () => Optimizers.RmsProp(LearningRateSchedule.Exponential(0.05, 0.995), 0.9), 3000,
            () => Optimizers.RmsProp(LearningRateSchedule.Exponential(0.01, 0.9995), 0.9), 30_000, 1e-3,
            g => g.Map(x => -0.05 * x / Math.Sqrt(1e-6 + 0.1 * x * x))), // r = (1−ρ)g², Δ = −εg/√(δ + r)
        ["Adam"] = new(
            () => Optimizers.Adam(LearningRateSchedule.Exponential(0.1, 0.995)), 3000,
            () => Optimizers.Adam(LearningRateSchedule.Exponential(0.02, 0.9997)), 30_000, 1e-3,
            g => g.Map(x => -0.1 * x / (Math.Abs(x) + 1e-8))),        // m̂ = g, v̂ = g², Δ = −ε g/(|g| + ε̂)
        ["Newton"] = new(
            () => Optimizers.Newton(), 1,
            () => Optimizers.Newton(), 20, 1e-8,
            null),
        ["DampedNewton"] = new(
            () => Optimizers.DampedNewton(0.1), 100,
            () => Optimizers.DampedNewton(0.1), 200, 1e-6,
            g => -(Parabola().A + 0.1 * Matrix<double>.Build.DenseIdentity(2)).Solve(g)),
        ["SaddleFreeNewton"] = new(
            () => Optimizers.SaddleFreeNewton(), 1,
            () => Optimizers.SaddleFreeNewton(), 200, 1e-6,
            null),
        ["PerturbedGradientDescent"] = new(
            () => Optimizers.PerturbedGradientDescent(0.15, radius: 1e-3, gradientThreshold: 1e-3, quietSteps: 50, seed: 7), 500,
            () => Optimizers.PerturbedGradientDescent(1.5e-3, radius: 1e-5, gradientThreshold: 1e-4, quietSteps: 1000, seed: 7), 60_000, 1e-3,
            g => -0.15 * g),                                          // ‖g₀‖ ≫ threshold: no perturbation
        ["NoisyGradientDescent"] = new(
            () => Optimizers.NoisyGradientDescent(0.15, 0.5, seed: 3, decayPower: 1.0), 2000,
            () => Optimizers.NoisyGradientDescent(1.5e-3, 1.0, seed: 3, decayPower: 1.0), 60_000, 1e-2,
            null),
        ["OptimalStep"] = new(
            () => Optimizers.OptimalStep(), 200,
            () => Optimizers.OptimalStep(maxStep: 1e-2), 60_000, 1e-3,
            g => -(g.DotProduct(g) / g.DotProduct(Parabola().A * g)) * g),
        ["ClippedMomentum"] = new(
            () => Optimizers.Momentum(0.05, 0.8).Prepend(new ClipByGlobalNorm(1.0)), 1000,
            () => Optimizers.Momentum(5e-4, 0.9).Prepend(new ClipByGlobalNorm(10.0)), 30_000, 1e-4,
            g => -0.05 * g / g.L2Norm()),                             // ‖g₀‖ > 1: clipped to unit length
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    private static readonly TrainingOptions Options = new() { RecordThetaEvery = 0 };

    [Theory]
    [MemberData(nameof(Names))]
    public void Converges_on_a_parabola(string name)
    {
        var c = Cases[name];
        var r = Trainer.Run(Parabola(), c.OnParabola(), QuadraticStart, Options with { MaxSteps = c.ParabolaSteps });
        double distance = (r.Theta - QuadraticMinimizer).L2Norm();
        Assert.True(distance < c.Tolerance, $"{name}: ‖θ − θ*‖ = {distance:G3} after {r.Steps} steps ({r})");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Converges_on_Rosenbrock(string name)
    {
        var c = Cases[name];
        var r = Trainer.Run(new Rosenbrock(), c.OnRosenbrock(), RosenbrockStart, Options with { MaxSteps = c.RosenbrockSteps });
        double distance = (r.Theta - V(1, 1)).L2Norm();
        Assert.True(distance < c.Tolerance, $"{name}: ‖θ − (1, 1)‖ = {distance:G3} after {r.Steps} steps ({r})");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Is_deterministic_for_its_seed(string name)
    {
        var c = Cases[name];
        var a = Trainer.Run(new Rosenbrock(), c.OnRosenbrock(), RosenbrockStart, new TrainingOptions { MaxSteps = 200 });
        var b = Trainer.Run(new Rosenbrock(), c.OnRosenbrock(), RosenbrockStart, new TrainingOptions { MaxSteps = 200 });
        Assert.Equal(a.Losses, b.Losses);   // bitwise: same seed, same arithmetic
        Assert.Equal(a.Theta.ToArray(), b.Theta.ToArray());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Leaves_its_inputs_unchanged(string name)
    {
        var c = Cases[name];
        var f = Parabola();
        var start = QuadraticStart.Clone();
        Trainer.Run(f, c.OnParabola(), start, new TrainingOptions { MaxSteps = 5 });
        Assert.Equal(QuadraticStart.ToArray(), start.ToArray());

        // Update must be a pure function: the same (gradient, state, context) twice gives the same
        // result, which fails if an update wrote into the state or the gradient it was given.
        var optimizer = c.OnParabola();
        var state = optimizer.Init(start);
        for (int step = 0; step < 3; step++)
        {
            var theta = V(0.3 * step - 1, 0.5);
            var g = f.Gradient(theta);
            var gCopy = g.Clone();
            var context = new StepContext(f, theta, g, f.Value(theta), step);
            var (u1, s1) = optimizer.Update(g, state, context);
            var (u2, _) = optimizer.Update(g, state, context);
            Assert.Equal(gCopy.ToArray(), g.ToArray());
            Assert.Equal(u1.ToArray(), u2.ToArray());
            Assert.Equal(V(0.3 * step - 1, 0.5).ToArray(), theta.ToArray());
            state = s1;
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void First_step_matches_a_hand_computation(string name)
    {
        var c = Cases[name];
        var f = Parabola();
        var r = Trainer.Run(f, c.OnParabola(), QuadraticStart, new TrainingOptions { MaxSteps = 1 });
        var g0 = f.Gradient(QuadraticStart);
        Vector<double> expected = c.FirstUpdate is { } first
            ? QuadraticStart + first(g0)
            // Newton and saddle-free Newton (|λ| = 1, 10 ≥ floor) jump to the minimizer of a SPD quadratic.
            : name is "Newton" or "SaddleFreeNewton" ? QuadraticMinimizer
            // Noisy GD: the noise is checked statistically in TransformTests; here only that it moved.
            : r.Theta;
        // 1e-12 relative: the formulas are evaluated in a different order than in the code (rounding only).
        Support.DerivativeCheck.AssertClose(expected, r.Theta, 1e-12, $"{name}: θ₁");
        if (name == "NoisyGradientDescent")
        {
            Assert.NotEqual((QuadraticStart - 0.15 * g0).ToArray(), r.Theta.ToArray());
        }
    }
}
