using Descent.Data;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Data;

public sealed class SyntheticTests
{
    [Fact]
    public void Blobs_have_the_stated_centres_and_spread()
    {
        var d = Synthetic.GaussianBlobs(countPerClass: 2000, seed: 1, classes: 4, dimension: 3, separation: 5, spread: 0.5);
        Assert.Equal(8000, d.Count);
        Assert.Equal("blobs(4): 8000 × 3, 4 classes", d.ToString());
        for (int k = 0; k < 4; k++)
        {
            var rows = Enumerable.Range(0, d.Count).Where(i => d.Labels![i] == k).ToArray();
            Assert.Equal(2000, rows.Length);
            // Hand centres on the circle of radius 5: angle 2πk/4.
            double[] centre = [5 * Math.Cos(Math.PI / 2 * k), 5 * Math.Sin(Math.PI / 2 * k), 0];
            for (int j = 0; j < 3; j++)
            {
                var v = rows.Select(i => d.Inputs[i, j]).ToArray();
                double mean = v.Average();
                double sd = Math.Sqrt(v.Select(x => (x - mean) * (x - mean)).Average());
                // Standard error of the mean = 0.5/√2000 ≈ 0.011; 5 standard errors = 0.056.
                Assert.Equal(centre[j], mean, 0.056);
                // The sd of a normal sample has standard error σ/√(2n) ≈ 0.008; allow 5 of them.
                Assert.Equal(0.5, sd, 0.04);
            }
        }
    }

    [Fact]
    public void Xor_labels_follow_the_corner_signs_and_balance()
    {
        var d = Synthetic.Xor(400, seed: 2, noise: 0.1);
        Assert.Equal(200, d.Labels!.Count(l => l == 1));
        for (int i = 0; i < d.Count; i++)
        {
            // Noise 0.1 keeps every point within 0.9 of its corner with overwhelming probability (9σ),
            // so the signs of the point are the corner's signs.
            int expected = d.Inputs[i, 0] * d.Inputs[i, 1] < 0 ? 1 : 0;
            Assert.Equal(expected, d.Labels![i]);
        }
    }

    [Fact]
    public void Noise_free_spirals_lie_on_r_equals_t_with_phase_k_pi()
    {
        var d = Synthetic.TwoSpirals(300, seed: 3, noise: 0, turns: 1.5);
        for (int i = 0; i < d.Count; i++)
        {
            double x = d.Inputs[i, 0], y = d.Inputs[i, 1];
            double r = Math.Sqrt(x * x + y * y);
            if (r < 1e-9)
            {
                continue;
            }
            // φ = 2π·1.5·r + kπ: the point's angle must agree with it modulo 2π.
            double phi = 2 * Math.PI * 1.5 * r + d.Labels![i] * Math.PI;
            double diff = Math.IEEERemainder(Math.Atan2(y, x) - phi, 2 * Math.PI);
            Assert.Equal(0.0, diff, 1e-9); // trig identities hold to ~1e-15; 1e-9 leaves room near r ≈ 0
        }
        Assert.Equal(300, d.Labels!.Count(l => l == 1));
    }

    [Fact]
    public void Linear_teacher_is_recovered_exactly_without_noise_and_noise_has_the_stated_variance()
    {
        var clean = Synthetic.LinearTeacher(200, inputDimension: 5, outputDimension: 3, seed: 4, noise: 0);
        var x = clean.Data.Inputs;
        // Least squares W = (XᵀX)⁻¹XᵀY, independent of how the data were made; exact to rounding.
        var w = x.Solve(clean.Data.Targets!).Transpose();
        Assert.True((w - clean.Teacher).InfinityNorm() < 1e-10);

        var noisy = Synthetic.LinearTeacher(5000, 5, 3, seed: 4, noise: 0.3);
        var residual = noisy.Data.Targets! - noisy.Data.Inputs * noisy.Teacher.Transpose();
        double variance = residual.Enumerate().Select(e => e * e).Average();
        // 15,000 draws: the sample variance has relative standard error √(2/15000) ≈ 1.2 %; allow 6 %.
        Assert.Equal(0.09, variance, 0.09 * 0.06);
        Assert.Equal("linear teacher: 5000 × 5 → 3 targets", noisy.Data.ToString());
    }

    [Fact]
    public void Memory_task_shows_the_symbol_first_and_the_cue_last()
    {
        var d = Synthetic.MemoryTask(count: 100, lag: 20, seed: 5, symbols: 4);
        Assert.Equal(21, d.Length);
        Assert.Equal(5, d.Features);
        Assert.Equal("memory task (lag 20): 100 sequences × 21 steps × 5 features, 4 classes", d.ToString());
        for (int i = 0; i < d.Count; i++)
        {
            var seq = d.Inputs[i];
            int s = d.Labels![i];
            Assert.Equal([.. Enumerable.Range(0, 5).Select(j => j == s ? 1.0 : 0.0)], seq[0]);
            for (int t = 1; t < 20; t++)
            {
                Assert.All(seq[t], v => Assert.Equal(0.0, v));
            }

            Assert.Equal([0, 0, 0, 0, 1.0], seq[20]);
            Assert.Equal(1.0, d.Targets![i][s]);
        }
        // Every symbol occurs (P(a symbol missing in 100 draws) ≤ 4·0.75¹⁰⁰ ≈ 1e-12).
        Assert.Equal(4, d.Labels!.Distinct().Count());

        var noisy = Synthetic.MemoryTask(10, 5, seed: 5, distractors: true);
        Assert.All(noisy.Inputs, seq => Assert.All(seq.Take(5), step => Assert.Equal(1.0, step.Take(4).Sum())));
    }

    [Fact]
    public void Adding_problem_marks_one_step_per_half_and_targets_their_sum()
    {
        var d = Synthetic.AddingProblem(count: 4000, length: 50, seed: 6);
        Assert.Equal("adding problem (T = 50): 4000 sequences × 50 steps × 2 features → 1 target", d.ToString());
        double sse = 0;
        for (int i = 0; i < d.Count; i++)
        {
            var marked = Enumerable.Range(0, 50).Where(t => d.Inputs[i][t][1] == 1.0).ToArray();
            Assert.Equal(2, marked.Length);
            Assert.InRange(marked[0], 0, 24);
            Assert.InRange(marked[1], 25, 49);
            Assert.Equal(d.Inputs[i][marked[0]][0] + d.Inputs[i][marked[1]][0], d.Targets![i][0]);
            Assert.All(d.Inputs[i], step => Assert.InRange(step[0], 0, 1));
            sse += (d.Targets[i][0] - 1) * (d.Targets[i][0] - 1);
        }
        // Predicting 1 has MSE Var(U₁ + U₂) = 2/12 = 1/6; the estimate from 4000 sums has standard
        // error ≈ √(Var((S−1)²)/4000) ≈ 0.0027 (Var((S−1)²) = 7/90 − 1/36 ≈ 0.05); allow 5 of them.
        Assert.Equal(1.0 / 6, sse / d.Count, 0.014);
    }

    [Fact]
    public void Every_set_is_reproducible_from_its_seed()
    {
        Assert.Equal(Synthetic.TwoSpirals(50, 9).Inputs, Synthetic.TwoSpirals(50, 9).Inputs);
        Assert.NotEqual(Synthetic.TwoSpirals(50, 9).Inputs, Synthetic.TwoSpirals(50, 10).Inputs);
        Assert.Equal(Synthetic.GaussianBlobs(20, 9).Labels, Synthetic.GaussianBlobs(20, 9).Labels);
        Assert.Equal(Synthetic.Xor(20, 9).Inputs, Synthetic.Xor(20, 9).Inputs);
        Assert.Equal(Synthetic.LinearTeacher(20, 3, 2, 9).Teacher, Synthetic.LinearTeacher(20, 3, 2, 9).Teacher);
        Assert.Equal(Synthetic.AddingProblem(5, 10, 9).Targets, Synthetic.AddingProblem(5, 10, 9).Targets);
        Assert.Equal(Synthetic.MemoryTask(5, 3, 9).Labels, Synthetic.MemoryTask(5, 3, 9).Labels);
    }

    [Fact]
    public void Bad_arguments_name_the_argument()
    {
        Assert.Equal("classes", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.GaussianBlobs(5, 1, classes: 1)).ParamName);
        Assert.Equal("noise", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.Xor(8, 1, noise: -1)).ParamName);
        Assert.Equal("lag", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.MemoryTask(5, 0, 1)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.AddingProblem(5, 1, 1)).ParamName);
        Assert.Equal("turns", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.TwoSpirals(5, 1, turns: 0)).ParamName);
    }
}
