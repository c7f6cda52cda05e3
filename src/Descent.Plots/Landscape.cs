using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Plots;

/// <summary>
/// Samples an objective for plotting: over a 2-D box, along a line θ + αd, and over a plane θ + αd₁ + βd₂
/// (Goodfellow et al. 2015; Li et al. 2018). This is the only computing in Descent.Plots; its cost is one
/// <see cref="Objective.Value"/> per grid point, so keep resolutions modest for network objectives.
/// </summary>
public static class Landscape
{
    /// <summary>Z[j][i] = L(x_i, y_j) for a 2-D objective on a resolution × resolution grid over <paramref name="box"/>
    /// (default: the objective's <see cref="Domain"/> plot box).</summary>
    /// <param name="objective">A 2-D objective.</param>
    /// <param name="box">Region to sample; null = <c>PlotBox.Of(objective.Domain)</c>.</param>
    /// <param name="resolution">Grid points per axis, 2 … 1000.</param>
    public static GridSample Sample(Objective objective, PlotBox? box = null, int resolution = 101)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (objective.Dimension != 2)
        {
            throw new ArgumentException($"{objective.Name} has dimension {objective.Dimension}; a contour or surface needs a 2-D objective (use Landscape.Plane for a 2-D slice).", nameof(objective));
        }

        CheckResolution(resolution);
        box ??= PlotBox.Of(objective.Domain);
        var xs = Linspace(box.XMin, box.XMax, resolution);
        var ys = Linspace(box.YMin, box.YMax, resolution);
        var theta = Vector<double>.Build.Dense(2);
        var z = new double[resolution][];
        for (int j = 0; j < resolution; j++)
        {
            z[j] = new double[resolution];
            for (int i = 0; i < resolution; i++)
            {
                theta[0] = xs[i];
                theta[1] = ys[j];
                z[j][i] = objective.Value(theta);
            }
        }
        return new GridSample(xs, ys, z, objective.Name);
    }

    /// <summary>L(θ + α d) for α on an even grid over [from, to] (a 1-D landscape slice), as a series with X = α.</summary>
    public static Series Line(Objective objective, Vector<double> theta, Vector<double> direction,
        double from = -1.0, double to = 1.0, int count = 101)
    {
        ArgumentNullException.ThrowIfNull(objective);
        CheckVector(objective, theta, nameof(theta));
        CheckVector(objective, direction, nameof(direction));
        CheckInterval(from, to, nameof(to));
        if (count < 2 || count > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be in [2, 100000].");
        }

        var alphas = Linspace(from, to, count);
        var losses = alphas.Select(a => objective.Value(theta + a * direction)).ToArray();
        return new Series("L(θ + αd)", losses, alphas);
    }

    /// <summary>Z[j][i] = L(θ + α_i d₁ + β_j d₂) over the box of (α, β) (default [−1, 1]²): a 2-D landscape slice.</summary>
    public static GridSample Plane(Objective objective, Vector<double> theta, Vector<double> direction1, Vector<double> direction2,
        PlotBox? box = null, int resolution = 41)
    {
        ArgumentNullException.ThrowIfNull(objective);
        CheckVector(objective, theta, nameof(theta));
        CheckVector(objective, direction1, nameof(direction1));
        CheckVector(objective, direction2, nameof(direction2));
        CheckResolution(resolution);
        box ??= PlotBox.Square(1.0);
        var alphas = Linspace(box.XMin, box.XMax, resolution);
        var betas = Linspace(box.YMin, box.YMax, resolution);
        var z = new double[resolution][];
        for (int j = 0; j < resolution; j++)
        {
            z[j] = new double[resolution];
            var row = theta + betas[j] * direction2;
            for (int i = 0; i < resolution; i++)
            {
                z[j][i] = objective.Value(row + alphas[i] * direction1);
            }
        }
        return new GridSample(alphas, betas, z, $"{objective.Name} on θ + αd₁ + βd₂", "α (d₁)", "β (d₂)");
    }

    /// <summary><paramref name="count"/> evenly spaced values from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    internal static double[] Linspace(double from, double to, int count)
    {
        var v = new double[count];
        for (int i = 0; i < count; i++)
        {
            v[i] = from + (to - from) * i / (count - 1);
        }

        v[^1] = to;
        return v;
    }

    private static void CheckResolution(int resolution)
    {
        if (resolution < 2 || resolution > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "resolution must be in [2, 1000] grid points per axis.");
        }
    }

    private static void CheckInterval(double from, double to, string name)
    {
        if (!double.IsFinite(from) || !double.IsFinite(to) || !(from < to))
        {
            throw new ArgumentException($"the interval [{from}, {to}] must be finite with from < to.", name);
        }
    }

    private static void CheckVector(Objective objective, Vector<double> v, string name)
    {
        ArgumentNullException.ThrowIfNull(v, name);
        if (v.Count != objective.Dimension)
        {
            throw new ArgumentException($"{name} has length {v.Count}, but {objective.Name} has dimension {objective.Dimension}.", name);
        }

        if (!v.ForAll(double.IsFinite))
        {
            throw new ArgumentException($"{name} has a non-finite entry; every entry must be finite.", name);
        }
    }
}
