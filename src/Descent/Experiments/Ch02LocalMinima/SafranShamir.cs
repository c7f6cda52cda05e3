using Descent.Curvature;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>
/// Safran &amp; Shamir (2018), "Spurious Local Minima are Common in Two-Layer ReLU Neural Networks" (arXiv:1712.08968),
/// the tables in Yarotsky, "Optimization of neural networks": for each (k, n), many runs of plain gradient descent on the population objective
/// F(w₁ … wₙ) = ½ E_{x~N(0,I_k)} [(Σᵢ (wᵢᵀx)₊ − Σⱼ (vⱼᵀx)₊)²], vⱼ = eⱼ (<see cref="ReluTeacherStudent"/>), each from its own
/// N(0, 1/k) start with step ε = 5/k until ‖∇F‖ ≤ 1e-9; every end point is then classified from F and the exact
/// Hessian (<see cref="Classify"/>).
/// </summary>
/// <remarks>
/// <para>Runs are independent and run in parallel (<see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>);
/// run r of (k, n) draws its start from <see cref="RunSeed"/>, so the result does not depend on the thread count or on
/// which other (k, n) are in the same call.</para>
/// <para>The steps use <c>IdentityTeacherKernel</c>, the same gradient as <see cref="ReluTeacherStudent"/> organized as
/// matrix products (tested against it); the classification uses <see cref="ReluTeacherStudent"/>'s exact gradient and
/// Hessian.</para>
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
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1.");
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be at least 1.");
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
            throw new ArgumentException($"theta0 has {theta0.Count} entries but the problem has {problem.Dimension} parameters.", nameof(theta0));
        if (!(learningRate > 0) || !double.IsFinite(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "learningRate must be a finite number > 0.");
        if (!(tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "tolerance must be > 0.");
        if (maxSteps < 1) throw new ArgumentOutOfRangeException(nameof(maxSteps), maxSteps, "maxSteps must be at least 1.");
        if (!(globalObjective >= 0)) throw new ArgumentOutOfRangeException(nameof(globalObjective), globalObjective, "globalObjective must be ≥ 0.");
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
        int steps = 0;
        while (norm > tolerance && kernel.Value > globalObjective && steps < maxSteps)
        {
            if ((steps & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
            for (int i = 0; i < theta.Length; i++) theta[i] -= learningRate * g[i];
            steps++;
            norm = kernel.Gradient(theta, g);
            if (!double.IsFinite(norm) || !double.IsFinite(kernel.Value)) return (steps, false);
        }
        return (steps, norm <= tolerance || kernel.Value <= globalObjective);
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
            return new(k, n, run, seed, EndPointKind.NotConverged, double.NaN, double.NaN, double.NaN, steps, null);
        var (f, g) = problem.ValueAndGradient(theta);
        double gNorm = g.L2Norm();
        if (!converged)
            return new(k, n, run, seed, EndPointKind.NotConverged, f, gNorm, double.NaN, steps, theta);
        if (f <= parameters.ObjectiveThreshold)
            return new(k, n, run, seed, EndPointKind.GlobalMinimum, f, gNorm, double.NaN, steps, null);
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
            Parallel.For(0, parameters.Runs, options, () => new IdentityTeacherKernel(k, n), (r, _, kernel) =>
            {
                int seed = RunSeed(parameters.Seed, k, n, r);
                var theta = Start(problem, seed).ToArray();
                var (steps, converged) = Descend(kernel, theta, rate, parameters.GradientTolerance, parameters.GlobalObjective,
                    parameters.MaxSteps, cancellationToken);
                results[r] = Classify(problem, Vector<double>.Build.DenseOfArray(theta), converged, steps, parameters, r, seed);
                if (progress is not null)
                    lock (gate)
                    {
                        done += work;
                        progress.Report(done / totalWork);
                    }
                return kernel;
            }, _ => { });
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
            if (m.Theta is null) continue;
            var w = Matrix<double>.Build.Dense(n, k, (i, j) => m.Theta[i * k + j]);
            var sigma = w.Svd(false).S.ToArray();
            Array.Sort(sigma);
            bool known = representatives.Any(r => Math.Abs(r.F - m.Objective) <= 1e-8
                && r.Sigma.Zip(sigma, (a, b) => Math.Abs(a - b)).Max() <= 1e-5);
            if (!known) representatives.Add((m.Objective, sigma));
        }
        return representatives.Count;
    }

    private static void Validate(SafranShamirParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var p = parameters;
        if (p.Ks is null || p.Ks.Length == 0 || p.Ks.Any(k => k < 2 || k > 200))
            throw new ArgumentOutOfRangeException(nameof(parameters), "Ks must list input dimensions in [2, 200].");
        if (p.ExtraNeurons is null || p.ExtraNeurons.Length == 0 || p.ExtraNeurons.Any(e => e < 0 || e > 200))
            throw new ArgumentOutOfRangeException(nameof(parameters), "ExtraNeurons must list numbers in [0, 200].");
        if (p.Runs < 1) throw new ArgumentOutOfRangeException(nameof(parameters), p.Runs, "Runs must be at least 1.");
        if (!(p.StepScale > 0) || !double.IsFinite(p.StepScale))
            throw new ArgumentOutOfRangeException(nameof(parameters), p.StepScale, "StepScale must be a finite number > 0.");
        if (!(p.GradientTolerance > 0)) throw new ArgumentOutOfRangeException(nameof(parameters), p.GradientTolerance, "GradientTolerance must be > 0.");
        if (p.MaxSteps < 1) throw new ArgumentOutOfRangeException(nameof(parameters), p.MaxSteps, "MaxSteps must be at least 1.");
        if (!(p.GlobalObjective >= 0 && p.GlobalObjective < p.ObjectiveThreshold))
            throw new ArgumentOutOfRangeException(nameof(parameters), p.GlobalObjective, "GlobalObjective must be in [0, ObjectiveThreshold).");
        if (!(p.ObjectiveThreshold > 0)) throw new ArgumentOutOfRangeException(nameof(parameters), p.ObjectiveThreshold, "ObjectiveThreshold must be > 0.");
        if (!(p.EigenvalueTolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(parameters), p.EigenvalueTolerance, "EigenvalueTolerance must be ≥ 0.");
        if (p.Threads < 0) throw new ArgumentOutOfRangeException(nameof(parameters), p.Threads, "Threads must be ≥ 0 (0 = all cores).");
    }

    private static void CheckIdentityTeacher(ReluTeacherStudent problem)
    {
        var t = problem.Teacher;
        bool identity = t.RowCount == t.ColumnCount
            && Enumerable.Range(0, t.RowCount).All(i => Enumerable.Range(0, t.ColumnCount).All(j => t[i, j] == (i == j ? 1.0 : 0.0)));
        if (!identity)
            throw new ArgumentException("the fast descent is for the paper's teacher vⱼ = eⱼ (new ReluTeacherStudent(k, n)).", nameof(problem));
    }
}
