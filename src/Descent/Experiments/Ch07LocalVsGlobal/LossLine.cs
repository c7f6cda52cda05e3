using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>
/// The loss along the straight line θ(α) = (1 − α)θa + αθb for any objective (Goodfellow, Vinyals &amp; Saxe 2015):
/// the 1-D subspace that Goodfellow looks through ("Gradient Descent and the Structure of Neural Network Cost Functions", "A Special 1-D Subspace"), for any model.
/// </summary>
/// <param name="Name">What the line is on, e.g. "tanh RNN, memory task".</param>
/// <param name="Alphas">The α grid.</param>
/// <param name="Losses">L(θ(α)).</param>
public sealed record LossLine(string Name, double[] Alphas, double[] Losses)
{
    /// <summary>L along the line from <paramref name="from"/> to <paramref name="to"/> (count points, α = 0 at
    /// <paramref name="a"/>, α = 1 at <paramref name="b"/>).</summary>
    public static LossLine Along(Objective objective, Vector<double> a, Vector<double> b, string? name = null,
        double from = -0.5, double to = 1.5, int count = 41)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != objective.Dimension || b.Count != objective.Dimension)
        {
            throw new ArgumentException($"a and b must have the objective's dimension {objective.Dimension}.", nameof(b));
        }

        if (!(from <= 0 && to >= 1) || !double.IsFinite(from) || !double.IsFinite(to))
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"[{from}, {to}]", "the α range must contain [0, 1] and be finite.");
        }

        if (count < 3 || count > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be in [3, 10000].");
        }

        var alphas = Enumerable.Range(0, count).Select(i => from + (to - from) * i / (count - 1)).ToArray();
        var losses = alphas.Select(alpha => objective.Value((1 - alpha) * a + alpha * b)).ToArray();
        return new LossLine(name ?? objective.Name, alphas, losses);
    }

    private int[] Inside => [.. Enumerable.Range(0, Alphas.Length).Where(i => Alphas[i] >= -1e-12 && Alphas[i] <= 1 + 1e-12)];

    /// <summary>Rise above the chord between α = 0 and α = 1 (0 for a convex profile): <see cref="LossBarrier.Height(IReadOnlyList{double}, IReadOnlyList{double})"/>.</summary>
    public double Barrier => LossBarrier.Height(Inside.Select(i => Alphas[i]).ToArray(), Inside.Select(i => Losses[i]).ToArray());

    /// <summary>The largest increase between consecutive grid points on [0, 1] (0 when the loss only falls).</summary>
    public double LargestRise => LossBarrier.LargestRise(Inside.Select(i => Losses[i]).ToArray());

    /// <summary>L at α = 0 and α = 1.</summary>
    public (double Start, double End) EndValues => (Losses[Inside[0]], Losses[Inside[^1]]);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: L {EndValues.Start:G4} at α = 0 → {EndValues.End:G4} at α = 1; barrier {Barrier:G3}, largest rise {LargestRise:G3}";
}
