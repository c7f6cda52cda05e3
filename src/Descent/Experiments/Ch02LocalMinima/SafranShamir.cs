using Descent.Curvature;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="SafranShamir"/>. The defaults are the authors' protocol (Safran &amp; Shamir 2018,
/// arXiv:1712.08968, and their published code): N(0, 1/k) initial weights, plain gradient descent with step ε = 5/k
/// until ‖∇F‖ ≤ 1e-9.</summary>
public sealed record SafranShamirParameters
{
    /// <summary>Input dimensions k = number of teacher neurons (each ≥ 2).</summary>
    public int[] Ks { get; set; } = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];

    /// <summary>Extra student neurons: every k is run with n = k + e for each e here (each ≥ 0; 0 is the paper's n = k).</summary>
    public int[] ExtraNeurons { get; set; } = [0, 1];

    /// <summary>Gradient-descent runs per (k, n), each from its own seeded start (≥ 1). The paper uses 1000.</summary>
    public int Runs { get; set; } = 1000;

    /// <summary>Step size ε = StepScale/k (&gt; 0); the authors use 5/k.</summary>
    public double StepScale { get; set; } = 5;

    /// <summary>Use ε = StepScale/n instead of StepScale/k. The authors' 5/k is at the edge of stability: with n = k + 3
    /// students GD diverges from most starts (the curvature along "all students move together" grows with n), so
    /// the over-parametrization sweep scales the step by the student count.</summary>
    public bool StepPerStudent { get; set; }

    /// <summary>Stop a run when ‖∇F‖₂ ≤ this (&gt; 0).</summary>
    public double GradientTolerance { get; set; } = 1e-9;

    /// <summary>Also stop a run once F ≤ this (≥ 0, below <see cref="ObjectiveThreshold"/>): since F ≥ 0 = F*, such a point is a
    /// global minimum to within this value (the closed form is accurate to about 1e-13 for k ≤ 20, so 1e-10 is safe).
    /// Over-parametrized students otherwise creep towards their degenerate global minima (a neuron split in two parallel
    /// halves) for 10⁵ steps; for n = k it only saves the last digits of the global runs. 0 switches it off.</summary>
    public double GlobalObjective { get; set; } = 1e-10;

    /// <summary>Step budget per run (≥ 1); a run that exhausts it is "not converged".</summary>
    public int MaxSteps { get; set; } = 300_000;

    /// <summary>An end point with F at most this is a global minimum (F* = 0); the spurious minima the paper reports
    /// have F ≈ 0.02–0.04, and a point with ‖∇F‖ ≤ 1e-9 near the global minimum has F ≈ ½gᵀH⁻¹g ≲ 1e-16.</summary>
    public double ObjectiveThreshold { get; set; } = 1e-6;

    /// <summary>The Hessian counts as positive definite when λmin exceeds this (&gt; 0): far above the rounding of the
    /// eigenvalues (≈ 1e-15·‖H‖) and far below the paper's smallest average λmin (0.0015).</summary>
    public double EigenvalueTolerance { get; set; } = 1e-6;

    /// <summary>Master seed; run r of (k, n) starts from <see cref="SafranShamir.RunSeed"/>(Seed, k, n, r).</summary>
    public int Seed { get; set; }

    /// <summary>Worker threads (0 = all cores). Results do not depend on it.</summary>
    public int Threads { get; set; }
}

/// <summary>
/// Safran &amp; Shamir (2018), "Spurious Local Minima are Common in Two-Layer ReLU Neural Networks" (arXiv:1712.08968),
/// the tables in Yarotsky, "Optimization of neural networks": for each (k, n), many runs of plain gradient descent on the population objective
/// F(w₁ … wₙ) = ½ E_{x~N(0,I_k)} [(Σᵢ (wᵢᵀx)₊ − Σⱼ (vⱼᵀx)₊)²], vⱼ = eⱼ (<see cref="ReluTeacherStudent"/>), each from its own
/// N(0, 1/k) start with step ε = 5/k until ‖∇F‖ ≤ 1e-9; every end point is then classified from F and the exact
/// Hessian (<see cref="Classify"/>).
/// </summary>
/// <remarks>
/// <para>Runs are independent and spread over <see cref="SafranShamirParameters.Threads"/> worker threads;
/// run r of (k, n) draws its start from <see cref="RunSeed"/>, so the result does not depend on the thread count or on
/// which other (k, n) are in the same call.</para>
/// <para>The steps use <c>IdentityTeacherKernel</c>, the same gradient as <see cref="ReluTeacherStudent"/> organized as
/// matrix products (tested against it); where vectors hold four doubles, each worker thread advances four runs at once,
/// one per SIMD lane (<c>IdentityTeacherLanes</c>, the same operations as the one-run kernel lane by lane, so every run
/// ends on the same bits). The classification uses <see cref="ReluTeacherStudent"/>'s exact gradient and Hessian.</para>
/// </remarks>
public sealed class SafranShamir : Experiment<SafranShamirParameters, SafranShamirResult>
{
    /// <inheritdoc />
    public override string Name => "safran-shamir";

    /// <inheritdoc />
    public override string Chapter => "02";

    /// <inheritdoc />
    public override string Summary =>
        "Safran & Shamir's spurious-minima table: % of gradient-descent runs on the ReLU teacher–student objective ending at spurious local minima.";

    /// <summary>Seed of run <paramref name="run"/> for (k, n): a fixed integer mix of the four numbers.</summary>
    public static int RunSeed(int seed, int k, int n, int run) =>
        unchecked((((seed * 1_000_003) ^ (k * 7_919)) * 31 + n * 104_729) * 65_537 + run);

    /// <summary>The start of a run: wᵢⱼ ~ N(0, 1/k) (the authors' "Xavier" initialization, W = randn(k, k)/√k).</summary>
    public static Vector<double> Start(ReluTeacherStudent problem, int seed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Initialize(Initialization.Gaussian(1 / Math.Sqrt(problem.InputDimension)), seed);
    }

    /// <summary>
    /// A critical point every student shares: wᵢ = a·𝟙/√k for all i. All students are parallel (∇_w K(w, w') = w'/2 there)
    /// and make the same angle φ = arccos(1/√k) with every teacher eⱼ, so ∇_{wᵢ}F = [na/2 − (k sin φ + (π − φ)√k)/(2π)]·𝟙/√k,
    /// which vanishes at a = (k sin φ + (π − φ)√k)/(πn). Its Hessian has negative eigenvalues: a saddle that gradient
    /// descent from a random start almost never ends at.
    /// </summary>
    public static Vector<double> SymmetricCriticalPoint(int k, int n)
    {
        if (k < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1.");
        }

        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "n must be at least 1.");
        }

        double phi = Math.Acos(1 / Math.Sqrt(k));
        double a = (k * Math.Sin(phi) + (Math.PI - phi) * Math.Sqrt(k)) / (Math.PI * n);
        return Vector<double>.Build.Dense(n * k, a / Math.Sqrt(k));
    }

    /// <summary>Plain gradient descent θ ← θ − ε∇F(θ) from <paramref name="theta0"/>, for the paper's teacher vⱼ = eⱼ,
    /// until ‖∇F‖₂ ≤ <paramref name="tolerance"/>, or F ≤ <paramref name="globalObjective"/> (F ≥ 0 = F*, so such a
    /// point is a global minimum to within that value; over-parametrized students creep towards their degenerate global
    /// minima for 10⁵ steps otherwise), or the budget is spent, or θ stops being finite (the step is too large).</summary>
    /// <returns>The last θ, the number of steps and whether a stop criterion other than the budget was met.</returns>
    public static (Vector<double> Theta, int Steps, bool Converged) Descend(ReluTeacherStudent problem, Vector<double> theta0,
        double learningRate, double tolerance, int maxSteps, double globalObjective = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(theta0);
        CheckIdentityTeacher(problem);
        if (theta0.Count != problem.Dimension)
        {
            throw new ArgumentException($"theta0 has {theta0.Count} entries but the problem has {problem.Dimension} parameters.", nameof(theta0));
        }

        if (!(learningRate > 0) || !double.IsFinite(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "learningRate must be a finite number > 0.");
        }

        if (!(tolerance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "tolerance must be > 0.");
        }

        if (maxSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxSteps), maxSteps, "maxSteps must be at least 1.");
        }

        if (!(globalObjective >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(globalObjective), globalObjective, "globalObjective must be ≥ 0.");
        }

        var kernel = new IdentityTeacherKernel(problem.InputDimension, problem.StudentCount);
        var theta = theta0.ToArray();
        var (steps, converged) = Descend(kernel, theta, learningRate, tolerance, globalObjective, maxSteps, cancellationToken);
        return (Vector<double>.Build.DenseOfArray(theta), steps, converged);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static (int Steps, bool Converged) Descend(IdentityTeacherKernel kernel, double[] theta, double learningRate, double tolerance,
        double globalObjective, int maxSteps, CancellationToken cancellationToken)
    {
        var g = new double[theta.Length];
        double norm = kernel.Gradient(theta, g);
        for (int steps = 0; ; steps++)
        {
            var (stop, converged) = StopRule(steps, norm, kernel.Value, tolerance, globalObjective, maxSteps);
            if (stop)
            {
                return (steps, converged);
            }

            if ((steps & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (int i = 0; i < theta.Length; i++)
            {
                theta[i] -= learningRate * g[i];
            }

            norm = kernel.Gradient(theta, g);
        }
    }

    /// <summary>Whether a run stops after <paramref name="steps"/> steps with gradient norm <paramref name="norm"/> and
    /// objective <paramref name="value"/>, and whether it then counts as converged: a point that turned non-finite stops
    /// unconverged; otherwise a run stops at ‖∇F‖ ≤ tolerance, F ≤ globalObjective (converged) or when the budget is spent.
    /// The one rule of both descent loops.</summary>
    private static (bool Stop, bool Converged) StopRule(int steps, double norm, double value, double tolerance, double globalObjective,
        int maxSteps)
    {
        if (steps > 0 && (!double.IsFinite(norm) || !double.IsFinite(value)))
        {
            return (true, false);
        }

        bool converged = norm <= tolerance || value <= globalObjective;
        return (!(norm > tolerance && value > globalObjective && steps < maxSteps), converged);
    }

    /// <summary>The one-run loop of <see cref="Descend(IdentityTeacherKernel, double[], double, double, double, int, CancellationToken)"/>
    /// for many runs, <see cref="IdentityTeacherLanes.Width"/> at a time: <paramref name="next"/> hands out (run, seed)
    /// until it returns null, <paramref name="finish"/> receives each run's end point. Every lane follows the one-run
    /// rules step for step (same stop tests in the same order), so each run ends where it would alone.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static void DescendInLanes(int k, int n, double learningRate, SafranShamirParameters parameters,
        Func<(int Run, int Seed)?> next, Func<int, double[]> start, Action<int, int, double[], int, bool> finish,
        CancellationToken cancellationToken)
    {
        int width = IdentityTeacherLanes.Width;
        var lanes = new IdentityTeacherLanes(k, n);
        var run = new (int Run, int Seed)[width];
        var steps = new int[width];
        var active = new bool[width];
        var step = new bool[width];
        bool Take(int lane)
        {
            var job = next();
            active[lane] = job is not null;
            if (job is { } j)
            {
                run[lane] = j;
                steps[lane] = 0;
                lanes.Load(lane, start(j.Seed));
            }
            return active[lane];
        }

        bool any = false;
        for (int lane = 0; lane < width; lane++)
        {
            any |= Take(lane);
        }
        for (long iteration = 0; any; iteration++)
        {
            if ((iteration & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            lanes.Gradient(active);
            var norms = lanes.GradientNorm;
            var values = lanes.Value;
            any = false;
            for (int lane = 0; lane < width; lane++)
            {
                step[lane] = false;
                if (!active[lane])
                {
                    continue;
                }

                var (stop, converged) = StopRule(steps[lane], norms[lane], values[lane], parameters.GradientTolerance,
                    parameters.GlobalObjective, parameters.MaxSteps);
                if (stop)
                {
                    var theta = new double[n * k]; // kept by the end point (DenseOfArray binds it)
                    lanes.Store(lane, theta);
                    finish(run[lane].Run, run[lane].Seed, theta, steps[lane], converged);
                    any |= Take(lane);
                    continue;
                }
                step[lane] = true;
                steps[lane]++;
                any = true;
            }
            lanes.Step(learningRate, step);
        }
    }

    /// <summary>
    /// Classifies a gradient-descent end point: <see cref="EndPointKind.NotConverged"/> if it did not reach the tolerance;
    /// otherwise a global minimum if F ≤ <see cref="SafranShamirParameters.ObjectiveThreshold"/>; otherwise a spurious
    /// minimum if the exact Hessian's smallest eigenvalue exceeds <see cref="SafranShamirParameters.EigenvalueTolerance"/>
    /// (positive definite: a strict local minimum), else a saddle or degenerate point.
    /// </summary>
    public static SafranShamirEndPoint Classify(ReluTeacherStudent problem, Vector<double> theta, bool converged, int steps,
        SafranShamirParameters parameters, int run = 0, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(parameters);
        int k = problem.InputDimension, n = problem.StudentCount;
        if (!theta.All(double.IsFinite))
        {
            return new(k, n, run, seed, EndPointKind.NotConverged, double.NaN, double.NaN, double.NaN, steps, null);
        }

        var (f, g) = problem.ValueAndGradient(theta);
        double gNorm = g.L2Norm();
        if (!converged)
        {
            return new(k, n, run, seed, EndPointKind.NotConverged, f, gNorm, double.NaN, steps, theta);
        }

        if (f <= parameters.ObjectiveThreshold)
        {
            return new(k, n, run, seed, EndPointKind.GlobalMinimum, f, gNorm, double.NaN, steps, null);
        }

        double lambdaMin = SmallestEigenvalue(problem.Hessian(theta));
        var kind = lambdaMin > parameters.EigenvalueTolerance ? EndPointKind.SpuriousMinimum : EndPointKind.SaddleOrDegenerate;
        return new(k, n, run, seed, kind, f, gNorm, lambdaMin, steps, theta);
    }

    /// <summary>λmin of a symmetric matrix: <see cref="SymmetricEigenvalues"/>, or MathNet's symmetric eigendecomposition when
    /// its QL iteration gives up (it did on one Hessian of the full k = n table, whose spectrum has large clusters of equal
    /// eigenvalues from the minima's symmetry).</summary>
    internal static double SmallestEigenvalue(Matrix<double> symmetric)
    {
        try
        {
            return SymmetricEigenvalues.Compute(symmetric)[0];
        }
        catch (ArithmeticException)
        {
            return symmetric.Evd(Symmetricity.Symmetric).EigenValues.Min(z => z.Real);
        }
    }

    /// <inheritdoc />
    public override SafranShamirResult Run(SafranShamirParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Validate(parameters);
        var configs = parameters.Ks.SelectMany(k => parameters.ExtraNeurons.Select(e => (K: k, N: k + e))).ToArray();
        // Progress by work: a run costs about n²k per step.
        double totalWork = configs.Sum(c => (double)c.N * c.N * c.K) * parameters.Runs, done = 0;
        var rows = new List<SafranShamirRow>();
        var endPoints = new List<SafranShamirEndPoint>();
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = parameters.Threads > 0 ? parameters.Threads : Environment.ProcessorCount,
        };
        foreach (var (k, n) in configs)
        {
            var problem = new ReluTeacherStudent(k, n);
            var results = new SafranShamirEndPoint[parameters.Runs];
            double rate = parameters.StepScale / (parameters.StepPerStudent ? n : k), work = (double)n * n * k;
            object gate = new();
            void Finish(int r, int seed, double[] theta, int steps, bool converged)
            {
                results[r] = Classify(problem, Vector<double>.Build.DenseOfArray(theta), converged, steps, parameters, r, seed);
                if (progress is not null)
                {
                    lock (gate)
                    {
                        done += work;
                        progress.Report(done / totalWork);
                    }
                }
            }

            if (IdentityTeacherLanes.Supported)
            {
                // Each worker advances IdentityTeacherLanes.Width runs at once and takes the next run into a lane as soon
                // as one finishes; a run's trajectory is the one-run kernel's, whatever its lane or thread.
                int next = -1;
                int workers = Math.Max(1, Math.Min(options.MaxDegreeOfParallelism, (parameters.Runs + IdentityTeacherLanes.Width - 1) / IdentityTeacherLanes.Width));
                Parallel.For(0, workers, options, _ => DescendInLanes(k, n, rate, parameters, () =>
                {
                    int r = Interlocked.Increment(ref next);
                    return r < parameters.Runs ? (r, RunSeed(parameters.Seed, k, n, r)) : null;
                }, seed => Start(problem, seed).ToArray(), Finish, cancellationToken));
            }
            else
            {
                Parallel.For(0, parameters.Runs, options, () => new IdentityTeacherKernel(k, n), (r, _, kernel) =>
                {
                    int seed = RunSeed(parameters.Seed, k, n, r);
                    var theta = Start(problem, seed).ToArray();
                    var (steps, converged) = Descend(kernel, theta, rate, parameters.GradientTolerance, parameters.GlobalObjective,
                        parameters.MaxSteps, cancellationToken);
                    Finish(r, seed, theta, steps, converged);
                    return kernel;
                }, _ => { });
            }
            rows.Add(Summarize(k, n, results));
            endPoints.AddRange(results);
        }
        return new SafranShamirResult(rows, endPoints, parameters);
    }

    /// <summary>The row of one (k, n) from its end points.</summary>
    public static SafranShamirRow Summarize(int k, int n, IReadOnlyList<SafranShamirEndPoint> endPoints)
    {
        ArgumentNullException.ThrowIfNull(endPoints);
        var spurious = endPoints.Where(e => e.Kind == EndPointKind.SpuriousMinimum).ToArray();
        return new SafranShamirRow(k, n, endPoints.Count,
            endPoints.Count(e => e.Kind == EndPointKind.GlobalMinimum),
            spurious.Length,
            endPoints.Count(e => e.Kind == EndPointKind.SaddleOrDegenerate),
            endPoints.Count(e => e.Kind == EndPointKind.NotConverged),
            spurious.Length == 0 ? double.NaN : spurious.Average(e => e.MinEigenvalue),
            spurious.Length == 0 ? double.NaN : spurious.Average(e => e.Objective),
            CountDistinct(spurious, k, n),
            endPoints.Count == 0 ? 0 : endPoints.Average(e => (double)e.Steps),
            spurious.Length == 0 ? double.NaN : spurious.Max(e => e.GradientNorm));
    }

    /// <summary>
    /// Number of spurious minima that differ up to the objective's symmetries. Permuting the students (rows of the n × k
    /// matrix W) and permuting the coordinates together with the teachers (columns of W) map minima to minima with the
    /// same F and the same singular values of W; two end points count as one when F agrees to 1e-8 and every singular
    /// value to 1e-5 (GD stops at ‖∇F‖ ≤ 1e-9, so an end point is within about ‖∇F‖/λmin ≲ 1e-6 of its minimum).
    /// </summary>
    public static int CountDistinct(IReadOnlyList<SafranShamirEndPoint> minima, int k, int n)
    {
        ArgumentNullException.ThrowIfNull(minima);
        var representatives = new List<(double F, double[] Sigma)>();
        foreach (var m in minima)
        {
            if (m.Theta is null)
            {
                continue;
            }

            var w = Matrix<double>.Build.Dense(n, k, (i, j) => m.Theta[i * k + j]);
            var sigma = w.Svd(false).S.ToArray();
            Array.Sort(sigma);
            bool known = representatives.Any(r => Math.Abs(r.F - m.Objective) <= 1e-8
                && r.Sigma.Zip(sigma, (a, b) => Math.Abs(a - b)).Max() <= 1e-5);
            if (!known)
            {
                representatives.Add((m.Objective, sigma));
            }
        }
        return representatives.Count;
    }

    private static void Validate(SafranShamirParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var p = parameters;
        if (p.Ks is null || p.Ks.Length == 0 || p.Ks.Any(k => k < 2 || k > 200))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "Ks must list input dimensions in [2, 200].");
        }

        if (p.ExtraNeurons is null || p.ExtraNeurons.Length == 0 || p.ExtraNeurons.Any(e => e < 0 || e > 200))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "ExtraNeurons must list numbers in [0, 200].");
        }

        if (p.Runs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), p.Runs, "Runs must be at least 1.");
        }

        if (!(p.StepScale > 0) || !double.IsFinite(p.StepScale))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), p.StepScale, "StepScale must be a finite number > 0.");
        }

        if (!(p.GradientTolerance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), p.GradientTolerance, "GradientTolerance must be > 0.");
        }

        if (p.MaxSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), p.MaxSteps, "MaxSteps must be at least 1.");
        }

        if (!(p.GlobalObjective >= 0 && p.GlobalObjective < p.ObjectiveThreshold))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), p.GlobalObjective, "GlobalObjective must be in [0, ObjectiveThreshold).");
        }

        if (!(p.ObjectiveThreshold > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), p.ObjectiveThreshold, "ObjectiveThreshold must be > 0.");
        }

        if (!(p.EigenvalueTolerance >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), p.EigenvalueTolerance, "EigenvalueTolerance must be ≥ 0.");
        }

        if (p.Threads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), p.Threads, "Threads must be ≥ 0 (0 = all cores).");
        }
    }

    private static void CheckIdentityTeacher(ReluTeacherStudent problem)
    {
        var t = problem.Teacher;
        bool identity = t.RowCount == t.ColumnCount
            && Enumerable.Range(0, t.RowCount).All(i => Enumerable.Range(0, t.ColumnCount).All(j => t[i, j] == (i == j ? 1.0 : 0.0)));
        if (!identity)
        {
            throw new ArgumentException("the fast descent is for the paper's teacher vⱼ = eⱼ (new ReluTeacherStudent(k, n)).", nameof(problem));
        }
    }
}

/// <summary>Result of <see cref="SafranShamir"/>: one row per (k, n) next to the paper's values, and every run's end point.</summary>
/// <param name="Rows">One row per (k, n), in the order run.</param>
/// <param name="EndPoints">Every run's end point (empty when read back from a CSV file).</param>
/// <param name="Parameters">The parameters used (null when read back from a CSV file).</param>
public sealed record SafranShamirResult(IReadOnlyList<SafranShamirRow> Rows, IReadOnlyList<SafranShamirEndPoint> EndPoints,
    SafranShamirParameters? Parameters) : IExperimentResult
{
    /// <summary>The file the full table is stored in, under the repository's data/ folder.</summary>
    public const string StoredFileName = "safran-shamir.csv";

    /// <summary>The columns of <see cref="ToTable"/> (and of the stored CSV).</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "k", "n", "runs", "global", "spurious", "saddle_or_degenerate", "not_converged", "spurious_percent", "standard_error",
        "paper_percent", "paper_standard_error", "z_score", "avg_min_eigenvalue", "paper_avg_min_eigenvalue",
        "avg_objective", "paper_avg_objective", "distinct_spurious", "mean_steps", "max_gradient_norm",
    ];

    /// <summary>The row for (k, n), or null.</summary>
    public SafranShamirRow? Row(int k, int n) => Rows.FirstOrDefault(r => r.K == k && r.N == n);

    /// <summary>The spurious minima found (with their θ).</summary>
    public IEnumerable<SafranShamirEndPoint> SpuriousMinima => EndPoints.Where(e => e.Kind == EndPointKind.SpuriousMinimum);

    /// <inheritdoc />
    public string Summary
    {
        get
        {
            var parts = Rows.GroupBy(r => r.N - r.K).OrderBy(g => g.Key).Select(g =>
            {
                var first = g.First();
                var last = g.Last();
                string label = g.Key == 0 ? "n = k" : $"n = k + {g.Key}";
                return first == last
                    ? $"{label}: k = {first.K} {first.SpuriousPercent:G3}% spurious"
                    : $"{label}: {first.SpuriousPercent:G3}% spurious at k = {first.K} → {last.SpuriousPercent:G3}% at k = {last.K}";
            });
            int runs = Rows.Count == 0 ? 0 : Rows[0].Runs;
            return $"{runs} GD runs per (k, n); " + string.Join("; ", parts);
        }
    }

    /// <inheritdoc />
    public ResultTable ToTable() => new(Columns, Rows.Select(r =>
    {
        var p = r.Paper;
        return (IReadOnlyList<object>)
        [
            r.K, r.N, r.Runs, r.GlobalMinima, r.SpuriousMinima, r.SaddlesOrDegenerate, r.NotConverged, r.SpuriousPercent, r.StandardError,
            p?.Percent ?? double.NaN, p?.StandardError ?? double.NaN, r.ZScore, r.AverageMinEigenvalue, p?.AverageMinEigenvalue ?? double.NaN,
            r.AverageObjective, p?.AverageObjective ?? double.NaN, r.DistinctSpuriousMinima, r.MeanSteps, r.MaxGradientNorm,
        ];
    }).ToArray());

    /// <summary>A compact side-by-side table for a notebook: ours ± SE next to the paper's ± SE.</summary>
    public ResultTable Comparison() => new(
        ["k", "n", "ours %", "± SE", "paper %", "± SE", "z", "ours λmin", "paper λmin", "ours F", "paper F", "distinct"],
        Rows.Select(r =>
        {
            var p = r.Paper;
            return (IReadOnlyList<object>)
            [
                r.K, r.N, Math.Round(r.SpuriousPercent, 2), Math.Round(r.StandardError, 2),
                p is null ? "—" : p.Percent, p is null ? "—" : Math.Round(p.StandardError, 2),
                double.IsNaN(r.ZScore) ? "—" : Math.Round(r.ZScore, 2),
                Round(r.AverageMinEigenvalue, 4), p is null ? "—" : p.AverageMinEigenvalue,
                Round(r.AverageObjective, 4), p is null ? "—" : p.AverageObjective, r.DistinctSpuriousMinima,
            ];
        }).ToArray());

    /// <summary>Reads a table written by <c>descent experiment run safran-shamir --out FILE.csv</c> (lines starting with
    /// '#' are comments). End points are not stored, so <see cref="EndPoints"/> is empty.</summary>
    public static SafranShamirResult Load(string path) => From(StoredResult.Read(path));

    /// <summary>A table the CLI stored in the repository's data/ folder (default: the full n = k table,
    /// data/<see cref="StoredFileName"/>), found by <see cref="StoredResult.Load"/>.</summary>
    public static SafranShamirResult LoadStored(string fileName = StoredFileName) => From(StoredResult.Load(fileName));

    private static SafranShamirResult From(StoredResult stored)
    {
        double[] k = stored.Column("k"), n = stored.Column("n"), runs = stored.Column("runs"), global = stored.Column("global"),
            spurious = stored.Column("spurious"), saddles = stored.Column("saddle_or_degenerate"), notConverged = stored.Column("not_converged"),
            minEigenvalue = stored.Column("avg_min_eigenvalue"), objective = stored.Column("avg_objective"),
            distinct = stored.Column("distinct_spurious"), steps = stored.Column("mean_steps"), gradient = stored.Column("max_gradient_norm");
        var rows = k.Select((_, i) => new SafranShamirRow((int)k[i], (int)n[i], (int)runs[i], (int)global[i], (int)spurious[i], (int)saddles[i],
            (int)notConverged[i], minEigenvalue[i], objective[i], (int)distinct[i], steps[i], gradient[i])).ToArray();
        return new SafranShamirResult(rows, [], null);
    }

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + Comparison();

    private static object Round(double x, int digits) => double.IsNaN(x) ? "—" : Math.Round(x, digits);
}

/// <summary>One (k, n) of <see cref="SafranShamir"/>: how the runs ended, and the spurious minima's statistics.</summary>
/// <param name="K">Input dimension = teacher neurons.</param>
/// <param name="N">Student neurons.</param>
/// <param name="Runs">Gradient-descent runs.</param>
/// <param name="GlobalMinima">Runs that ended at a global minimum.</param>
/// <param name="SpuriousMinima">Runs that ended at a spurious local minimum.</param>
/// <param name="SaddlesOrDegenerate">Runs that ended at a critical point whose Hessian is not positive definite.</param>
/// <param name="NotConverged">Runs that exhausted the step budget.</param>
/// <param name="AverageMinEigenvalue">Mean λmin of the exact Hessian over the spurious minima (NaN if none).</param>
/// <param name="AverageObjective">Mean F over the spurious minima (NaN if none).</param>
/// <param name="DistinctSpuriousMinima">Spurious minima that differ up to the symmetries (permuting students,
/// permuting coordinates with the teachers), told apart by F and the singular values of W.</param>
/// <param name="MeanSteps">Mean gradient-descent steps per run.</param>
/// <param name="MaxGradientNorm">Largest ‖∇F‖ (exact) over the spurious minima (NaN if none).</param>
public sealed record SafranShamirRow(int K, int N, int Runs, int GlobalMinima, int SpuriousMinima, int SaddlesOrDegenerate, int NotConverged,
    double AverageMinEigenvalue, double AverageObjective, int DistinctSpuriousMinima, double MeanSteps, double MaxGradientNorm)
{
    /// <summary>% of runs that ended at a spurious local minimum.</summary>
    public double SpuriousPercent => 100.0 * SpuriousMinima / Runs;

    /// <summary>Binomial standard error of <see cref="SpuriousPercent"/>, 100·√(p̂(1 − p̂)/runs), in percentage points.</summary>
    public double StandardError
    {
        get
        {
            double p = (double)SpuriousMinima / Runs;
            return 100 * Math.Sqrt(p * (1 - p) / Runs);
        }
    }

    /// <summary>The paper's row for this (k, n), if it published one.</summary>
    public SafranShamirPublishedRow? Paper => SafranShamirPaper.Find(K, N);

    /// <summary>(ours − paper) in units of the standard error of the difference of two independent binomial estimates,
    /// √(p(1 − p)(1/runs + 1/1000)) with p the pooled rate; NaN when the paper has no row.</summary>
    public double ZScore
    {
        get
        {
            if (Paper is not { } paper)
            {
                return double.NaN;
            }

            double pooled = (SpuriousMinima + paper.Percent / 100 * SafranShamirPublishedRow.Runs) / (Runs + SafranShamirPublishedRow.Runs);
            double se = 100 * Math.Sqrt(pooled * (1 - pooled) * (1.0 / Runs + 1.0 / SafranShamirPublishedRow.Runs));
            return se == 0 ? 0 : (SpuriousPercent - paper.Percent) / se;
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"k = {K}, n = {N}: {SpuriousPercent:G3}% ± {StandardError:G2} spurious ({SpuriousMinima}/{Runs}, {DistinctSpuriousMinima} distinct), "
        + $"λmin {AverageMinEigenvalue:G2}, F {AverageObjective:G2}; {SaddlesOrDegenerate} saddles, {NotConverged} not converged"
        + (Paper is { } p ? $"; paper {p.Percent:G3}%" : "");
}

/// <summary>Where one gradient-descent run on the Safran–Shamir objective ended.</summary>
/// <param name="K">Input dimension = number of teacher neurons.</param>
/// <param name="N">Student neurons.</param>
/// <param name="Run">Index of the run within its (k, n).</param>
/// <param name="Seed">Seed of its N(0, 1/k) start.</param>
/// <param name="Kind">Global minimum, spurious minimum, saddle/degenerate, or not converged.</param>
/// <param name="Objective">F at the end point.</param>
/// <param name="GradientNorm">‖∇F‖₂ at the end point, from <see cref="Models.ReluTeacherStudent"/>'s exact gradient.</param>
/// <param name="MinEigenvalue">Smallest eigenvalue of the exact Hessian (NaN for global minima, where it is not computed).</param>
/// <param name="Steps">Gradient-descent steps taken.</param>
/// <param name="Theta">The end point θ = (w₁; …; wₙ) (null for global minima, to save memory).</param>
public sealed record SafranShamirEndPoint(int K, int N, int Run, int Seed, EndPointKind Kind, double Objective, double GradientNorm,
    double MinEigenvalue, int Steps, Vector<double>? Theta)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"k = {K}, n = {N}, run {Run}: {Kind} after {Steps} steps, F = {Objective:G4}, ‖∇F‖ = {GradientNorm:G3}"
        + (double.IsNaN(MinEigenvalue) ? "" : $", λmin = {MinEigenvalue:G4}");
}

/// <summary>What a gradient-descent run on the Safran–Shamir objective ended at (see <see cref="SafranShamir.Classify"/>).</summary>
public enum EndPointKind
{
    /// <summary>‖∇F‖ ≤ tolerance and F ≤ the objective threshold: a global minimum (F* = 0).</summary>
    GlobalMinimum,

    /// <summary>‖∇F‖ ≤ tolerance, F above the threshold and the exact Hessian positive definite (λmin above its tolerance):
    /// a spurious local minimum.</summary>
    SpuriousMinimum,

    /// <summary>‖∇F‖ ≤ tolerance, F above the threshold, but λmin ≤ its tolerance: a saddle point or a degenerate critical point.</summary>
    SaddleOrDegenerate,

    /// <summary>The step budget ran out before ‖∇F‖ reached the tolerance.</summary>
    NotConverged,
}
