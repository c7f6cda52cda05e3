using Descent.Curvature;
using Descent.Experiments;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;
using static Descent.Tests.Models.ModelTestData;

namespace Descent.Tests.Experiments;

public sealed class SafranShamirTests
{
    /// <summary>The paper's protocol at 1000 runs for k = 6, 7, 8, 10 (n = k), shared by the tests below.</summary>
    private static readonly Lazy<SafranShamirResult> PaperRuns = new(() =>
        new SafranShamir().Run(new SafranShamirParameters { Ks = [6, 7, 8, 10], ExtraNeurons = [0], Runs = 1000 }));

    [Theory]
    [InlineData(3, 3, 0.7)]
    [InlineData(6, 6, 0.4)]
    [InlineData(5, 8, 0.5)]
    [InlineData(13, 13, 0.3)]
    public void Fast_kernel_gradient_and_value_equal_the_closed_form_model(int k, int n, double sigma)
    {
        // Independent implementation: ReluTeacherStudent (pairwise kernels, checked against finite differences in its
        // own tests). Both evaluate the same formulas in a different order, so they agree to rounding: 1e-12 relative.
        var problem = new ReluTeacherStudent(k, n);
        var kernel = new IdentityTeacherKernel(k, n);
        var random = new Random(31 * k + n);
        var points = new List<Vector<double>>();
        for (int t = 0; t < 3; t++)
        {
            points.Add(GaussianVector(problem.Dimension, random, sigma));
        }
        // Near the global minimum (students ≈ teachers: sin θ ≈ 1e-7, where √(1 − cos²) would fail) and with two
        // nearly parallel students (the rejection branch).
        var nearGlobal = Matrix<double>.Build.Dense(n, k, (i, j) => (i % k == j ? 1.0 : 0.0) + 1e-7 * Math.Sin(3.1 * i + j));
        points.Add(problem.FromStudentWeights(nearGlobal));
        var parallel = problem.StudentWeights(points[0]);
        parallel.SetRow(1, 1.3 * parallel.Row(0) + 1e-6 * parallel.Row(2));
        points.Add(problem.FromStudentWeights(parallel));
        foreach (var theta in points)
        {
            var (value, gradient) = problem.ValueAndGradient(theta);
            var g = new double[problem.Dimension];
            double norm = kernel.Gradient(theta.ToArray(), g);
            double scale = Math.Max(1, gradient.L2Norm());
            Assert.True((Vector<double>.Build.DenseOfArray(g) - gradient).L2Norm() <= 1e-12 * scale, $"gradient differs at k = {k}, n = {n}");
            Assert.Equal(gradient.L2Norm(), norm, 12);
            Assert.True(Math.Abs(kernel.Value - value) <= 1e-12 * Math.Max(1, problem.TeacherTerm), $"value {kernel.Value} vs {value}");
        }
    }

    [Fact]
    public void Fast_angle_equals_Math_Atan2_to_rounding()
    {
        // The polynomial's error is below 4e-17 on its interval; the reductions (π/4 + ·, π/2 − ·, π − ·) each round a
        // number ≤ π, so the result may be off by an ulp of 2–π (4.4e-16) or two: 1e-15 absolute. In the gradient the
        // angle enters as (π − θ)/2π, so this is a relative error of about 1e-16 there.
        var random = new Random(5);
        var cases = new List<(double S, double C)> { (0, 1), (0, -1), (1, 0), (0, 0), (1e-300, 1), (1, 1e-300), (0.4142135, 1), (1, 0.4142137) };
        for (int i = 0; i < 20000; i++)
        {
            double angle = Math.PI * random.NextDouble();
            double r = Math.Exp(4 * (random.NextDouble() - 0.5));
            cases.Add((r * Math.Sin(angle), r * Math.Cos(angle)));
        }
        foreach (var (s, c) in cases)
        {
            Assert.True(Math.Abs(IdentityTeacherKernel.Angle(s, c) - Math.Atan2(s, c)) <= 1e-15, $"atan2({s}, {c})");
        }
        // The SIMD version performs the same operations lane by lane: bit-identical results.
        int width = System.Numerics.Vector<double>.Count;
        for (int i = 0; i + width <= cases.Count; i += width)
        {
            var sv = new System.Numerics.Vector<double>(cases.Skip(i).Take(width).Select(p => p.S).ToArray());
            var cv = new System.Numerics.Vector<double>(cases.Skip(i).Take(width).Select(p => p.C).ToArray());
            var angles = IdentityTeacherKernel.Angle(sv, cv);
            for (int l = 0; l < width; l++)
            {
                Assert.Equal(IdentityTeacherKernel.Angle(sv[l], cv[l]), angles[l]);
            }
        }
    }

    [Fact]
    public void Spurious_rates_for_k_6_7_8_10_are_within_three_standard_errors_of_the_paper()
    {
        // Both ours and the paper's are binomial estimates from 1000 runs, so their difference has standard error
        // √(p(1 − p)(1/1000 + 1/1000)) with p the pooled rate (SafranShamirRow.ZScore); |z| ≤ 3 holds with
        // probability 0.997 per row if the protocols agree.
        var result = PaperRuns.Value;
        foreach (var (k, paper) in new[] { (6, 0.3), (7, 5.5), (8, 12.6), (10, 34.6) })
        {
            var row = result.Row(k, k)!;
            Assert.Equal(paper, row.Paper!.Percent);
            Assert.True(Math.Abs(row.ZScore) <= 3, row.ToString());
            Assert.Equal(0, row.NotConverged);
        }
    }

    [Fact]
    public void Every_spurious_minimum_is_critical_and_has_a_positive_definite_exact_Hessian()
    {
        // ‖∇F‖ from ReluTeacherStudent's exact gradient: GD stopped at ‖∇F‖ ≤ 1e-9 (computed by the fast kernel, equal
        // to it to 1e-12). λmin recomputed with MathNet's dense symmetric eigensolver — independent of
        // SymmetricEigenvalues — from ReluTeacherStudent's exact Hessian; the paper's smallest average λmin is 0.0015.
        var spurious = PaperRuns.Value.SpuriousMinima.ToArray();
        Assert.True(spurious.Length > 400, $"only {spurious.Length} spurious minima");
        foreach (var m in spurious)
        {
            var problem = new ReluTeacherStudent(m.K, m.N);
            Assert.True(problem.Gradient(m.Theta!).L2Norm() <= 1e-9 + 1e-12, m.ToString());
            Assert.True(m.Objective > 0.01, m.ToString()); // far above the global minimum F* = 0
            double lambdaMin = problem.Hessian(m.Theta!).Evd(Symmetricity.Symmetric).EigenValues.Min(z => z.Real);
            Assert.True(lambdaMin > 1e-3, m.ToString());
            Assert.Equal(lambdaMin, m.MinEigenvalue, 10);
        }
    }

    [Fact]
    public void Average_eigenvalue_and_objective_of_the_spurious_minima_match_the_paper()
    {
        // The paper prints two significant digits; our averages mix the same few distinct minima in proportions
        // that are themselves binomial estimates, so allow 15 % (k = 6 has only a handful of minima: 60 %).
        foreach (int k in new[] { 7, 8, 10 })
        {
            var row = PaperRuns.Value.Row(k, k)!;
            Assert.InRange(row.AverageMinEigenvalue / row.Paper!.AverageMinEigenvalue, 0.85, 1.15);
            Assert.InRange(row.AverageObjective / row.Paper.AverageObjective, 0.85, 1.15);
        }
    }

    [Fact]
    public void Overparametrization_removes_most_spurious_minima()
    {
        // Paper: k = 8 has 12.6 % spurious minima with n = 8 students and 0.1 % with n = 9. With 200 runs each the
        // expected counts are ≈ 25 (sd 4.7) and ≈ 0.2; the bounds (≥ 11, ≤ 3) are each about 3 sd away.
        // GlobalObjective = 1e-8 (default 1e-10) stops the n = 9 runs earlier on their slow creep into a degenerate
        // global minimum: F ≤ 1e-8 is still six orders below any spurious minimum (F > 0.015), so no run changes class.
        var result = new SafranShamir().Run(new SafranShamirParameters { Ks = [8], ExtraNeurons = [0, 1], Runs = 200, GlobalObjective = 1e-8 });
        Assert.True(result.Row(8, 8)!.SpuriousMinima >= 11, result.ToString());
        Assert.True(result.Row(8, 9)!.SpuriousMinima <= 3, result.ToString());
        Assert.Equal(0, result.Row(8, 9)!.NotConverged);
    }

    [Fact]
    public void Stored_tables_agree_with_the_paper_and_show_overparametrization_helping()
    {
        // The chapter's claims about data/safran-shamir*.csv (written by the CLI commands in their first lines):
        // every n = k row within 3 SE of the paper (pooled SE of the difference, as above); the averages of λmin and F
        // within 15 % of the paper's two-digit values; one extra student lowers the spurious rate at every k, and its
        // spurious minima are flatter (smaller λmin).
        var main = SafranShamirResult.LoadStored();
        Assert.Equal(15, main.Rows.Count);
        foreach (var row in main.Rows)
        {
            Assert.Equal(1000, row.Runs);
            Assert.True(Math.Abs(row.ZScore) <= 3, row.ToString());
            Assert.InRange(row.AverageMinEigenvalue / row.Paper!.AverageMinEigenvalue, 0.85, 1.15);
            Assert.InRange(row.AverageObjective / row.Paper.AverageObjective, 0.85, 1.15);
        }
        Assert.True(main.Row(6, 6)!.SpuriousPercent < 1 && main.Row(20, 20)!.SpuriousPercent > 90);
        var over = SafranShamirResult.LoadStored("safran-shamir-overparametrized.csv");
        foreach (var row in over.Rows)
        {
            var same = main.Row(row.K, row.K)!;
            Assert.True(row.SpuriousPercent < same.SpuriousPercent, $"{row} vs {same}");
            if (row.SpuriousMinima > 0)
            {
                Assert.True(row.AverageMinEigenvalue < same.AverageMinEigenvalue, row.ToString());
            }

            Assert.True(Math.Abs(row.ZScore) <= 3, row.ToString());
        }
        var wider = SafranShamirResult.LoadStored("safran-shamir-wider.csv");
        foreach (var row in wider.Rows.Where(r => r.N > r.K))
        {
            Assert.True(row.SpuriousPercent <= wider.Row(row.K, row.K)!.SpuriousPercent, row.ToString());
        }
    }

    [Theory]
    [InlineData(7, 3, 4456662575492366336L, 286)]
    [InlineData(9, 11, 4581425914830077952L, 1607)]
    [InlineData(11, 5, 4580714706405793792L, 1356)]
    public void Descent_reproduces_recorded_runs_bit_for_bit(int k, int run, long objectiveBits, int steps)
    {
        // The stored tables in data/ and chapter 02's outputs come from these trajectories: a faster kernel must give the
        // same end point to the last bit (F's bit pattern and the step count were recorded with the kernel that made data/).
        var problem = new ReluTeacherStudent(k, k);
        var start = SafranShamir.Start(problem, SafranShamir.RunSeed(0, k, k, run));
        var (theta, taken, converged) = SafranShamir.Descend(problem, start, 5.0 / k, 1e-9, 300_000, 1e-10);
        Assert.True(converged);
        Assert.Equal((objectiveBits, steps), (BitConverter.DoubleToInt64Bits(problem.Value(theta)), taken));
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(5, 7)]
    [InlineData(8, 8)]
    [InlineData(10, 10)]
    public void Lanes_give_the_one_run_kernels_gradient_bit_for_bit(int k, int n)
    {
        if (!LanesRunHere())
        {
            return;
        }

        // Each lane must do the one-run kernel's operations in its order (its SIMD dot products and sums, its branches as
        // masks), so equality is exact, not to a tolerance. The four lanes hold different kinds of points: random, near
        // the global minimum (the dominant-coordinate sine), two nearly parallel students (the rejection sine), and
        // points with a zero student (handed to the one-run kernel) in a second round.
        var problem = new ReluTeacherStudent(k, n);
        var random = new Random(7 * k + n);
        var lanes = new IdentityTeacherLanes(k, n);
        var one = new IdentityTeacherKernel(k, n);
        var random0 = GaussianVector(problem.Dimension, random, 0.5).ToArray();
        var nearGlobal = problem.FromStudentWeights(Matrix<double>.Build.Dense(n, k,
            (i, j) => (i % k == j ? 1.0 : 0.0) + 1e-7 * Math.Sin(3.1 * i + j))).ToArray();
        var parallel = GaussianVector(problem.Dimension, random, 0.5).ToArray();
        for (int l = 0; l < k; l++)
        {
            parallel[k + l] = 1.3 * parallel[l] + 1e-6 * parallel[2 * k % (n * k) + l];
        }
        var zeroStudent = GaussianVector(problem.Dimension, random, 0.5).ToArray();
        Array.Clear(zeroStudent, 0, k);
        var rounds = new[]
        {
            new[] { random0, nearGlobal, parallel, GaussianVector(problem.Dimension, random, 2).ToArray() },
            new[] { zeroStudent, random0, nearGlobal, parallel },
        };
        foreach (var points in rounds)
        {
            for (int lane = 0; lane < 4; lane++)
            {
                lanes.Load(lane, points[lane]);
            }

            lanes.Gradient([true, true, true, true]);
            var g = new double[problem.Dimension];
            var stored = new double[problem.Dimension];
            for (int lane = 0; lane < 4; lane++)
            {
                double norm = one.Gradient(points[lane], g);
                Assert.Equal(BitConverter.DoubleToInt64Bits(norm), BitConverter.DoubleToInt64Bits(lanes.GradientNorm[lane]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(one.Value), BitConverter.DoubleToInt64Bits(lanes.Value[lane]));
                lanes.Step(1.0, [lane == 0, lane == 1, lane == 2, lane == 3]);
                lanes.Store(lane, stored);
                for (int p = 0; p < g.Length; p++)
                {
                    // θ − 1·g recovers g's bits only up to rounding, so compare the stepped point with the one-run step.
                    Assert.Equal(BitConverter.DoubleToInt64Bits(points[lane][p] - 1.0 * g[p]), BitConverter.DoubleToInt64Bits(stored[p]));
                }
                lanes.Step(-1.0, [false, false, false, false]);
            }
        }
    }

    [Theory]
    [InlineData(6, 6, 1)]
    [InlineData(7, 7, 2)]
    [InlineData(5, 6, 3)]
    public void Runs_in_lanes_end_where_each_run_ends_alone(int k, int n, int seed)
    {
        if (!LanesRunHere())
        {
            return;
        }

        // 13 runs through 4 lanes: lanes are refilled as runs finish at different steps, and the last lanes idle. Every
        // run must end on the one-run loop's point, step count and verdict, to the last bit.
        var problem = new ReluTeacherStudent(k, n);
        var parameters = new SafranShamirParameters { Seed = seed };
        double rate = 5.0 / k;
        int next = -1, runs = 13;
        var ends = new (double[] Theta, int Steps, bool Converged)[runs];
        SafranShamir.DescendInLanes(k, n, rate, parameters, () =>
        {
            int r = ++next;
            return r < runs ? (r, SafranShamir.RunSeed(seed, k, n, r)) : null;
        }, s => SafranShamir.Start(problem, s).ToArray(), (r, _, theta, steps, converged) => ends[r] = (theta, steps, converged),
            CancellationToken.None);
        for (int r = 0; r < runs; r++)
        {
            var start = SafranShamir.Start(problem, SafranShamir.RunSeed(seed, k, n, r));
            var (theta, steps, converged) = SafranShamir.Descend(problem, start, rate, parameters.GradientTolerance,
                parameters.MaxSteps, parameters.GlobalObjective);
            Assert.Equal((steps, converged), (ends[r].Steps, ends[r].Converged));
            Assert.Equal(theta.Select(BitConverter.DoubleToInt64Bits), ends[r].Theta.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    /// <summary>The lanes need four-double SIMD vectors; on such a machine (every x64 with AVX2, as CI) they must be
    /// <see cref="IdentityTeacherLanes.Supported"/>, so these tests cannot silently pass without running.</summary>
    private static bool LanesRunHere()
    {
        bool fourWide = System.Numerics.Vector.IsHardwareAccelerated && System.Numerics.Vector<double>.Count == 4;
        Assert.Equal(fourWide, IdentityTeacherLanes.Supported);
        return fourWide;
    }

    [Fact]
    public void Runs_are_reproducible_and_independent_of_the_thread_count()
    {
        var p = new SafranShamirParameters { Ks = [6], ExtraNeurons = [0], Runs = 30 };
        var one = new SafranShamir().Run(p with { Threads = 1 });
        var two = new SafranShamir().Run(p with { Threads = 2 });
        Assert.Equal(one.Rows, two.Rows);
        Assert.Equal(one.EndPoints.Select(e => (e.Kind, e.Objective, e.Steps)), two.EndPoints.Select(e => (e.Kind, e.Objective, e.Steps)));
    }

    [Fact]
    public void The_global_minimum_and_the_symmetric_critical_point_are_classified_by_their_Hessians()
    {
        var p = new SafranShamirParameters();
        var problem = new ReluTeacherStudent(5, 5);
        var identity = problem.FromStudentWeights(Matrix<double>.Build.DenseIdentity(5));
        Assert.Equal(EndPointKind.GlobalMinimum, SafranShamir.Classify(problem, identity, true, 0, p).Kind);
        // wᵢ = a·𝟙/√k with a = (k sin φ + (π − φ)√k)/(πn): the exact gradient vanishes (hand derivation in the doc
        // comment; checked here by ReluTeacherStudent's independent gradient) and the Hessian has a negative eigenvalue.
        var symmetric = SafranShamir.SymmetricCriticalPoint(5, 5);
        Assert.True(problem.Gradient(symmetric).L2Norm() < 1e-13);
        var end = SafranShamir.Classify(problem, symmetric, true, 0, p);
        Assert.Equal(EndPointKind.SaddleOrDegenerate, end.Kind);
        Assert.True(end.MinEigenvalue < -1e-3, end.ToString());
        Assert.True(Spectrum.At(Chapter02ExercisesProblem, Descent.Exercises.Chapter02Exercises.SymmetricPoint).NegativeCount > 0);
    }

    private static ReluTeacherStudent Chapter02ExercisesProblem => Descent.Exercises.Chapter02Exercises.Problem;

    [Fact]
    public void Standard_errors_and_z_score_follow_the_binomial_formulas()
    {
        // Hand values: 100·√(0.126·0.874/1000) = 1.04940; pooled p = (150 + 126)/2000 = 0.138,
        // SE = 100·√(0.138·0.862·0.002) = 1.54244, z = (15 − 12.6)/1.54244 = 1.55598.
        Assert.Equal(1.04940, SafranShamirPaper.Find(8, 8)!.StandardError, 5);
        var row = new SafranShamirRow(8, 8, 1000, 850, 150, 0, 0, 0.02, 0.02, 1, 500, 1e-10);
        Assert.Equal(15.0, row.SpuriousPercent, 12);
        Assert.Equal(100 * Math.Sqrt(0.15 * 0.85 / 1000), row.StandardError, 12);
        Assert.Equal(1.55598, row.ZScore, 5);
        Assert.Null(SafranShamirPaper.Find(9, 10));
        Assert.Equal(26, SafranShamirPaper.Rows.Count);
    }

    [Fact]
    public void Distinct_minima_are_counted_up_to_permutations_of_students_and_coordinates()
    {
        var problem = new ReluTeacherStudent(4, 4);
        var random = new Random(3);
        var w = Gaussian(4, 4, random);
        // Students (rows) and coordinates with their teachers (columns) permuted: the same minimum, relabelled.
        var permuted = w.Clone();
        permuted.PermuteRows(new MathNet.Numerics.Permutation([2, 0, 3, 1]));
        permuted.PermuteColumns(new MathNet.Numerics.Permutation([1, 3, 0, 2]));
        SafranShamirEndPoint At(Matrix<double> m, int run)
        {
            var theta = problem.FromStudentWeights(m);
            return new SafranShamirEndPoint(4, 4, run, 0, EndPointKind.SpuriousMinimum, problem.Value(theta), 0, 1, 0, theta);
        }
        Assert.Equal(1, SafranShamir.CountDistinct([At(w, 0), At(permuted, 1)], 4, 4));
        Assert.Equal(2, SafranShamir.CountDistinct([At(w, 0), At(permuted, 1), At(1.1 * w, 2)], 4, 4));
    }

    [Fact]
    public void Stored_table_round_trips_through_csv()
    {
        var result = new SafranShamir().Run(new SafranShamirParameters { Ks = [6], ExtraNeurons = [0], Runs = 20 });
        string path = Path.Combine(Path.GetTempPath(), $"safran-shamir-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "# comment line\n" + result.ToTable().ToCsv());
        try
        {
            var back = SafranShamirResult.Load(path);
            Assert.Equal(result.Rows, back.Rows, new RowComparer());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Bad_parameters_name_the_argument_and_the_valid_range()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SafranShamir().Run(new SafranShamirParameters { Runs = 0 }));
        Assert.Equal("parameters", e.ParamName);
        Assert.Contains("Runs", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SafranShamir().Run(new SafranShamirParameters { Ks = [1] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SafranShamir().Run(new SafranShamirParameters { GlobalObjective = 1 }));
        var teacher = new ReluTeacherStudent(Matrix<double>.Build.Dense(2, 2, 0.5), 2);
        Assert.Throws<ArgumentException>(() => SafranShamir.Descend(teacher, Vector<double>.Build.Dense(4, 0.1), 0.1, 1e-9, 10));
        Assert.Equal("safran-shamir", ExperimentRegistry.Find("safran-shamir").Name);
    }

    private sealed class RowComparer : IEqualityComparer<SafranShamirRow>
    {
        // NaN == NaN for the averages of a row without spurious minima; doubles round-trip exactly ("R" format).
        public bool Equals(SafranShamirRow? a, SafranShamirRow? b) => a is not null && b is not null
            && (a.K, a.N, a.Runs, a.GlobalMinima, a.SpuriousMinima, a.SaddlesOrDegenerate, a.NotConverged, a.DistinctSpuriousMinima)
               == (b.K, b.N, b.Runs, b.GlobalMinima, b.SpuriousMinima, b.SaddlesOrDegenerate, b.NotConverged, b.DistinctSpuriousMinima)
            && Same(a.AverageMinEigenvalue, b.AverageMinEigenvalue) && Same(a.AverageObjective, b.AverageObjective)
            && Same(a.MeanSteps, b.MeanSteps) && Same(a.MaxGradientNorm, b.MaxGradientNorm);

        public int GetHashCode(SafranShamirRow r) => r.K;

        private static bool Same(double x, double y) => x.Equals(y);
    }
}
