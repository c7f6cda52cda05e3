using Descent.Curvature;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Models;

public sealed class RestrictedBoltzmannMachineTests
{
    private static readonly int[] Data = [0b000011, 0b000011, 0b110000, 0b101010, 0b000000, 0b111111, 0b010101];

    private static (RestrictedBoltzmannMachine Rbm, Vector<double> Theta) Model(double scale = 1.0)
    {
        var rbm = new RestrictedBoltzmannMachine(6, 4, Data);
        var theta = rbm.Initialize(5, scale);
        var rng = new Random(9);
        for (int k = rbm.VisibleBiasOffset; k < rbm.Dimension; k++)
        {
            theta[k] = rng.NextDouble() - 0.5;
        }

        return (rbm, theta);
    }

    [Fact]
    public void Log_partition_equals_a_brute_force_sum_over_visible_and_hidden_states()
    {
        var (rbm, theta) = Model();
        // Independent: Z = Σ_v Σ_h e^{−E(v,h)} over all 2^6 · 2^4 joint states, from the energy alone.
        double z = 0;
        for (int v = 0; v < 64; v++)
        {
            for (int h = 0; h < 16; h++)
            {
                z += Math.Exp(-rbm.Energy(theta, v, h));
            }
        }

        Assert.Equal(Math.Log(z), rbm.LogPartition(theta), 1e-12);
        var p = rbm.Probabilities(theta);
        Assert.Equal(1.0, p.Sum(), 1e-12);
        // p(v) = Σ_h e^{−E(v,h)} / Z for one v, again from energies.
        double p5 = Enumerable.Range(0, 16).Sum(h => Math.Exp(-rbm.Energy(theta, 5, h))) / z;
        Assert.Equal(p5, p[5], 1e-14);
    }

    [Fact]
    public void Exact_gradient_matches_central_differences_of_the_exact_log_likelihood()
    {
        var (rbm, theta) = Model();
        var fd = FiniteDifference.Gradient(rbm, theta);
        // Central differences with h = ε^(1/3) ≈ 6e-6 have error ~h²·|f'''| ≈ 1e-10 here; 1e-7 relative leaves room.
        var g = rbm.Gradient(theta);
        Assert.True((g - fd).L2Norm() <= 1e-7 * g.L2Norm(), $"‖g − fd‖ = {(g - fd).L2Norm():E2}, ‖g‖ = {g.L2Norm():E2}");
        Assert.Equal(-rbm.Value(theta), rbm.LogLikelihood(theta), 15);
    }

    [Fact]
    public void Gibbs_transition_is_stochastic_and_leaves_the_model_distribution_invariant()
    {
        var (rbm, theta) = Model();
        var t = rbm.GibbsTransition(theta);
        for (int v = 0; v < 64; v++)
        {
            Assert.Equal(1.0, t.Row(v).Sum(), 1e-12);
        }
        // Block Gibbs sampling has p(v) as its stationary distribution: p T = p (independent of how T was built).
        var p = Vector<double>.Build.DenseOfArray(rbm.Probabilities(theta));
        Assert.True((t.TransposeThisAndMultiply(p) - p).L2Norm() < 1e-13);
    }

    [Fact]
    public void Expected_CD_k_tends_to_the_exact_gradient_and_Monte_Carlo_CD_averages_to_its_expectation()
    {
        var (rbm, theta) = Model();
        var exact = rbm.Gradient(theta);
        // k → ∞: q Tᵏ → p, so E[CD-k] → ∇L. With weights of scale 1 the chain mixes geometrically; k = 200 is converged.
        Assert.True((rbm.ExpectedContrastiveDivergence(theta, 200) - exact).L2Norm() < 1e-10 * exact.L2Norm());
        double bias1 = (rbm.ExpectedContrastiveDivergence(theta, 1) - exact).L2Norm();
        double bias5 = (rbm.ExpectedContrastiveDivergence(theta, 5) - exact).L2Norm();
        Assert.True(bias1 > bias5 && bias5 > 0, $"bias CD-1 {bias1}, CD-5 {bias5}");
        // Mean of R = 4000 CD-1 estimates vs the exact expectation: each coordinate's standard error is ≤ 1/√(7·4000) ≈ 0.006
        // (a difference of two terms in [−1, 1] averaged over 7 chains); 0.03 per coordinate is 5 SE.
        var expected = rbm.ExpectedContrastiveDivergence(theta, 1);
        var rng = new Random(21);
        var mean = Vector<double>.Build.Dense(rbm.Dimension);
        for (int r = 0; r < 4000; r++)
        {
            mean += rbm.ContrastiveDivergence(theta, 1, rng) / 4000;
        }

        Assert.True((mean - expected).AbsoluteMaximum() < 0.03, $"max deviation {(mean - expected).AbsoluteMaximum()}");
    }

    [Fact]
    public void Exact_samples_have_the_model_frequencies()
    {
        var (rbm, theta) = Model(scale: 0.5);
        var p = rbm.Probabilities(theta);
        var counts = new double[64];
        foreach (int v in rbm.Sample(theta, 64_000, new Random(4)))
        {
            counts[v]++;
        }
        // Each frequency has standard error √(p(1−p)/M) ≤ 0.002 for M = 64,000; 5 SE.
        for (int v = 0; v < 64; v++)
        {
            Assert.Equal(p[v], counts[v] / 64_000, 5 * Math.Sqrt(p[v] * (1 - p[v]) / 64_000) + 1e-12);
        }
    }

    [Fact]
    public void Bits_round_trip_and_bad_input_is_rejected_with_the_range()
    {
        Assert.Equal(new[] { 1, 0, 1, 1 }, RestrictedBoltzmannMachine.Bits(0b1101, 4));
        Assert.Equal(0b1101, RestrictedBoltzmannMachine.Encode([1, 0, 1, 1]));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RestrictedBoltzmannMachine(13, 2));
        Assert.Contains("1..12", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RestrictedBoltzmannMachine(3, 2, [8]));
        Assert.Throws<InvalidOperationException>(() => new RestrictedBoltzmannMachine(3, 2).Value(Vector<double>.Build.Dense(11)));
        var (rbm, theta) = Model();
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => rbm.ContrastiveDivergence(theta, 0, new Random(1))).ParamName);
    }
}
