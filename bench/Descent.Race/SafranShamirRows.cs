using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Race;

/// <summary>Safran–Shamir population objective (closed form, arc-cosine kernel) at k = n = 10: loss and gradient.</summary>
internal static class SafranShamirRows
{
    public static IEnumerable<RaceRow> Run()
    {
        var problem = new ReluTeacherStudent(k: 10, n: 10);
        // θ = 0.5 sin(1.7i + 0.3) + vec(I): student wᵢ near the teacher eᵢ, as in torch_race.py.
        var theta = Patterns.Theta(problem.Dimension, a: 0.5) + Vector<double>.Build.Dense(problem.Dimension, i => i / 10 == i % 10 ? 1.0 : 0.0);
        var (loss, gradient) = problem.ValueAndGradient(theta);
        yield return new RaceRow("safran_shamir_population_gradient", Timer.Measure(() => problem.ValueAndGradient(theta)),
            new() { ["loss"] = loss, ["grad_norm"] = gradient.L2Norm() });
    }

    /// <summary>Where the time of one k of the Safran–Shamir table goes (1000 runs, one thread): gradient descent vs
    /// the classification of the end points (exact Hessian + eigenvalues). Prints to stderr.</summary>
    public static void Split(int k)
    {
        var p = new Descent.Experiments.SafranShamirParameters();
        var problem = new ReluTeacherStudent(k, k);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var ends = new (Vector<double> Theta, int Steps, bool Converged)[1000];
        long steps = 0;
        for (int r = 0; r < 1000; r++)
        {
            var start = Descent.Experiments.SafranShamir.Start(problem, Descent.Experiments.SafranShamir.RunSeed(p.Seed, k, k, r));
            ends[r] = Descent.Experiments.SafranShamir.Descend(problem, start, p.StepScale / k, p.GradientTolerance, p.MaxSteps, p.GlobalObjective);
            steps += ends[r].Steps;
        }
        double descend = sw.Elapsed.TotalSeconds;
        sw.Restart();
        for (int r = 0; r < 1000; r++)
        {
            Descent.Experiments.SafranShamir.Classify(problem, ends[r].Theta, ends[r].Converged, ends[r].Steps, p);
        }

        Console.Error.WriteLine($"k = {k}: descend {descend:F2} s ({steps} steps, {descend / steps * 1e6:F2} µs/step), classify {sw.Elapsed.TotalSeconds:F2} s");
    }

    /// <summary>CPU microseconds per gradient-descent step of the experiment's kernel at k = n (process CPU time, so a
    /// loaded machine inflates it less than wall time): 20 starts × 2000 steps, best of 5. Prints to stderr.</summary>
    public static void StepCost(int k)
    {
        var p = new Descent.Experiments.SafranShamirParameters();
        var problem = new ReluTeacherStudent(k, k);
        var starts = Enumerable.Range(0, 20).Select(r => Descent.Experiments.SafranShamir.Start(problem, r)).ToArray();
        double best = double.MaxValue;
        var process = System.Diagnostics.Process.GetCurrentProcess();
        for (int round = 0; round < 5; round++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            long steps = 0;
            foreach (var s in starts)
            {
                steps += Descent.Experiments.SafranShamir.Descend(problem, s, p.StepScale / k, 1e-300, 2000).Steps;
            }

            process.Refresh();
            best = Math.Min(best, (process.TotalProcessorTime - cpu0).TotalSeconds / steps * 1e6);
        }
        Console.Error.WriteLine($"k = {k}: {best:F3} µs CPU per step");
    }
}
