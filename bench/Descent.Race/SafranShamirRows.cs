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
}
