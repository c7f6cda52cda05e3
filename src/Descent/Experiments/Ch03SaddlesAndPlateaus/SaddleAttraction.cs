using Descent.Functions;
using Descent.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="SaddleAttraction"/>.</summary>
public sealed record SaddleAttractionParameters
{
    /// <summary>Random starts, uniform in the square [−Box, Box]² (≥ 1).</summary>
    public int Starts { get; init => field = Guard.AtLeast(value, 1, nameof(Starts)); } = 400;

    /// <summary>Half-width of the square of starts (&gt; 0).</summary>
    public double Box { get; init => field = Guard.Positive(value, nameof(Box)); } = 1.0;

    /// <summary>Learning rate ε of gradient descent.</summary>
    public double LearningRate { get; init => field = Guard.Positive(value, nameof(LearningRate)); } = 0.1;

    /// <summary>Step cap per run.</summary>
    public int MaxSteps { get; init => field = Guard.AtLeast(value, 1, nameof(MaxSteps)); } = 500;

    /// <summary>Seed of the starts.</summary>
    public int Seed { get; init; } = 3;
}

/// <summary>Where one method ends from the random starts.</summary>
/// <param name="Method">The optimizer.</param>
/// <param name="AtSaddle">Fraction of runs that end within 1e-6 of the saddle (0, 0).</param>
/// <param name="AtMinimum">Fraction that end within 1e-6 of a minimum (0, ±1).</param>
/// <param name="MedianSteps">Median number of steps until ‖g‖ &lt; 1e-10 (or the cap).</param>
public sealed record SaddleAttractionRow(string Method, double AtSaddle, double AtMinimum, double MedianSteps);

/// <summary>Result of <see cref="SaddleAttraction"/>.</summary>
/// <param name="Rows">One row per method: gradient descent, Newton, saddle-free Newton.</param>
/// <param name="NewtonBasinFraction">The fraction of the square from which Newton's iteration converges to the saddle,
/// from its 1-D map alone (the x-coordinate is solved exactly in one step): y ↦ 2y³/(3y² − 1) on a grid of 200,001 points.</param>
public sealed record SaddleAttractionResult(IReadOnlyList<SaddleAttractionRow> Rows, double NewtonBasinFraction) : IExperimentResult
{
    /// <summary>The row of the method whose name starts with <paramref name="prefix"/>.</summary>
    public SaddleAttractionRow this[string prefix] => Rows.First(r => r.Method.StartsWith(prefix, StringComparison.Ordinal));

    /// <inheritdoc />
    public string Summary => string.Join("; ", Rows.Select(r => $"{r.Method.Split('(')[0]}: {r.AtSaddle:P1} to the saddle, {r.AtMinimum:P1} to a minimum, median {r.MedianSteps:G3} steps"))
        + $" (Newton's basin of the saddle from its 1-D map: {NewtonBasinFraction:P1})";

    /// <inheritdoc />
    public ResultTable ToTable() => new(["method", "at_saddle", "at_minimum", "median_steps"],
        Rows.Select(r => (IReadOnlyList<object>)[r.Method, r.AtSaddle, r.AtMinimum, r.MedianSteps]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary + "\n" + ToTable();
}

/// <summary>
/// Newton's method is attracted to saddles, gradient descent flees them, saddle-free Newton flees them fast (Harakeh, "Optimization for Training Deep Models", "Saddle Points";
/// Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions", "Newton's method's failure mode"; Dauphin et al. 2014, arXiv:1406.2572). On L(x, y) = ½x² − ½y² + ¼y⁴ (<see cref="IndexSaddle"/> with n = 2, k = 1: a
/// saddle at the origin, minima at (0, ±1)) each method runs from the same random starts and we count where it ends.
/// </summary>
/// <remarks>Newton's step solves g + HΔ = 0 of the local model, so it lands on the model's critical point whatever its
/// index: x → 0 in one step, and y ↦ y − (y³ − y)/(3y² − 1) = 2y³/(3y² − 1), which shrinks |y| whenever y² &lt; 1/5. So
/// every start with |y| &lt; 1/√5 ≈ 0.447 (and some further out) converges to the saddle — a set of positive measure.
/// Gradient descent converges to the saddle only from the line y = 0 (measure zero).</remarks>
public sealed class SaddleAttraction : Experiment<SaddleAttractionParameters, SaddleAttractionResult>
{
    /// <inheritdoc />
    public override string Name => "saddle-attraction";

    /// <inheritdoc />
    public override string Chapter => "03";

    /// <inheritdoc />
    public override string Summary => "Where GD, Newton and saddle-free Newton end from random starts around a saddle.";

    /// <summary>The surface: ½x² − ½y² + ¼y⁴.</summary>
    public static IndexSaddle Surface { get; } = new(dimension: 2, index: 1);

    /// <summary>Fraction of y ∈ [−box, box] from which y ↦ 2y³/(3y² − 1) converges to 0 (grid of 200,001 points, 200 iterations).</summary>
    public static double NewtonBasinFraction(double box)
    {
        if (!(box > 0) || !double.IsFinite(box))
        {
            throw new ArgumentOutOfRangeException(nameof(box), box, "box must be a finite number > 0.");
        }

        const int n = 200_000;
        int hits = 0;
        for (int i = 0; i <= n; i++)
        {
            double y = -box + 2 * box * i / n;
            for (int k = 0; k < 200 && double.IsFinite(y) && Math.Abs(y) > 1e-12; k++)
            {
                double d = 3 * y * y - 1;
                if (d == 0) { y = double.NaN; break; }
                y = 2 * y * y * y / d;
            }
            if (double.IsFinite(y) && Math.Abs(y) <= 1e-12)
            {
                hits++;
            }
        }
        return (double)hits / (n + 1);
    }

    /// <inheritdoc />
    public override SaddleAttractionResult Run(SaddleAttractionParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);

        var random = new Random(parameters.Seed);
        var starts = Enumerable.Range(0, parameters.Starts)
            .Select(_ => Point.Of(parameters.Box * (2 * random.NextDouble() - 1), parameters.Box * (2 * random.NextDouble() - 1))).ToArray();
        var methods = new[] { Optimizers.GradientDescent(parameters.LearningRate), Optimizers.Newton(), Optimizers.SaddleFreeNewton() };
        var saddle = Vector<double>.Build.Dense(2);
        var minima = Surface.KnownMinimizers;
        var rows = new List<SaddleAttractionRow>();
        for (int m = 0; m < methods.Length; m++)
        {
            int atSaddle = 0, atMinimum = 0;
            var steps = new List<double>();
            foreach (var start in starts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var run = Trainer.Run(Surface, methods[m], start,
                    new TrainingOptions { MaxSteps = parameters.MaxSteps, GradientTolerance = 1e-10, RecordThetaEvery = 0 }, cancellationToken);
                if ((run.Theta - saddle).L2Norm() < 1e-6)
                {
                    atSaddle++;
                }
                else if (minima.Any(v => (run.Theta - v).L2Norm() < 1e-6))
                {
                    atMinimum++;
                }

                steps.Add(run.Steps);
            }
            rows.Add(new SaddleAttractionRow(methods[m].Name, (double)atSaddle / starts.Length, (double)atMinimum / starts.Length,
                SampleStatistics.Quantile(steps, 0.5)));
            progress?.Report((m + 1.0) / methods.Length);
        }
        return new SaddleAttractionResult(rows, NewtonBasinFraction(parameters.Box));
    }
}
