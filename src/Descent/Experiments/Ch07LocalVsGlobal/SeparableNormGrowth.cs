using Descent.Models;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="SeparableNormGrowth"/>.</summary>
public sealed record SeparableNormGrowthParameters
{
    /// <summary>Random points per class besides the two anchors (≥ 0).</summary>
    public int CountPerClass { get; init; } = 20;

    /// <summary>Gradient-descent steps (≥ 10).</summary>
    public int Steps { get; init => field = Guard.AtLeast(value, 10, nameof(Steps)); } = 100_000;

    /// <summary>Constant learning rate ε &gt; 0.</summary>
    public double LearningRate { get; init => field = Guard.Positive(value, nameof(LearningRate)); } = 1.0;

    /// <summary>Records per decade of steps (log-spaced, ≥ 1).</summary>
    public int RecordsPerDecade { get; init => field = Guard.AtLeast(value, 1, nameof(RecordsPerDecade)); } = 10;

    /// <summary>Seed of the data.</summary>
    public int Seed { get; init; } = 3;
}

/// <summary>Result of <see cref="SeparableNormGrowth"/>: loss, gradient norm and weight norm at log-spaced steps.</summary>
/// <param name="Steps">Step t of each record (t ≥ 1).</param>
/// <param name="Losses">L(θₜ).</param>
/// <param name="GradientNorms">‖∇L(θₜ)‖.</param>
/// <param name="ThetaNorms">‖θₜ‖.</param>
/// <param name="MaxMarginCosines">cos∠(θₜ, θ̂) with θ̂ the max-margin direction (known by construction).</param>
/// <param name="LearningRate">ε used.</param>
public sealed record SeparableNormGrowthResult(int[] Steps, double[] Losses, double[] GradientNorms, double[] ThetaNorms,
    double[] MaxMarginCosines, double LearningRate) : IExperimentResult
{
    /// <summary>The predicted slope d‖θ‖/d ln t = ‖(v̂, ĉ)‖/√2 = 1/√2 (Soudry et al. 2018, with the two-class softmax written as
    /// logistic regression in v = w₁ − w₀, c = b₁ − b₀, and θ₀ = 0 so that w₀ = −w₁).</summary>
    public static double PredictedSlope => 1 / Math.Sqrt(2);

    /// <summary>Measured growth of ‖θ‖ per unit of ln t over the last decade of steps: (‖θ(T)‖ − ‖θ(T/10)‖) / ln 10.</summary>
    public double MeasuredSlope => (ThetaNorms[^1] - ThetaNorms[IndexAt(Steps[^1] / 10)]) / Math.Log(10);

    /// <summary>The theory's line (1/√2)·ln t + c, with c chosen so that it meets ‖θ‖ at the last record, at every recorded t.</summary>
    public double[] PredictedNorms
    {
        get
        {
            double c = ThetaNorms[^1] - PredictedSlope * Math.Log(Steps[^1]);
            return Steps.Select(t => PredictedSlope * Math.Log(t) + c).ToArray();
        }
    }

    /// <summary>t·‖∇L‖ at the last record over its value a decade earlier (≈ 1 when ‖g‖ falls like 1/t).</summary>
    public double GradientDecayRatio => Steps[^1] * GradientNorms[^1] / (Steps[IndexAt(Steps[^1] / 10)] * GradientNorms[IndexAt(Steps[^1] / 10)]);

    private int IndexAt(int step)
    {
        int best = 0;
        for (int i = 0; i < Steps.Length; i++)
        {
            if (Math.Abs(Steps[i] - step) < Math.Abs(Steps[best] - step))
            {
                best = i;
            }
        }

        return best;
    }

    /// <inheritdoc />
    public string Summary =>
        $"{Steps[^1]} GD steps (ε = {LearningRate:G3}) on separable data: loss {Losses[0]:G3} → {Losses[^1]:G3}, ‖g‖ {GradientNorms[0]:G3} → {GradientNorms[^1]:G3} (never 0), "
        + $"‖θ‖ {ThetaNorms[0]:G3} → {ThetaNorms[^1]:G4} and still growing: {MeasuredSlope:G3} per unit of ln t over the last decade "
        + $"(max-margin theory {PredictedSlope:G3}); cos∠(θ, θ̂) = {MaxMarginCosines[^1]:G4}";

    /// <inheritdoc />
    public ResultTable ToTable() => new(["step", "loss", "gradient_norm", "theta_norm", "max_margin_cosine"],
        Enumerable.Range(0, Steps.Length).Select(i => (IReadOnlyList<object>)[Steps[i], Losses[i], GradientNorms[i], ThetaNorms[i], MaxMarginCosines[i]]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>
/// A loss with no minimizer (Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions", "some functions lack critical points"): softmax cross-entropy of a linear
/// two-class classifier (an <see cref="Mlp"/> 2 → 2) on linearly separable data. The loss falls towards 0 but never
/// reaches it, so gradient descent runs forever: ‖∇L‖ → 0 only like 1/t while ‖θ‖ grows like ln t, in the direction
/// of the max-margin separator (Soudry, Hoffer, Nacson, Gunasekar &amp; Srebro 2018, arXiv:1710.10345).
/// </summary>
/// <remarks>The data are built so the max-margin separator is known by hand: class 1 has x₁ ≥ 1, class 0 has x₁ ≤ −1,
/// and two anchors sit at (±1, 0). With logit difference v·x + c, the hard-margin problem min ‖(v, c)‖ s.t.
/// y(v·x + c) ≥ 1 forces v₁ + c ≥ 1 and v₁ − c ≥ 1 at the anchors, so ‖(v, c)‖ ≥ v₁ ≥ 1, attained by v̂ = (1, 0), ĉ = 0.
/// GD from θ₀ = 0 keeps w₀ = −w₁ and b₀ = −b₁, so ‖θ‖ = ‖(v, c)‖/√2 and θ̂ ∝ (−1, 0, 1, 0, 0, 0).</remarks>
public sealed class SeparableNormGrowth : Experiment<SeparableNormGrowthParameters, SeparableNormGrowthResult>
{
    /// <inheritdoc />
    public override string Name => "separable-norm-growth";

    /// <inheritdoc />
    public override string Chapter => "07";

    /// <inheritdoc />
    public override string Summary => "Softmax cross-entropy on separable data has no minimizer: ‖θ‖ grows like ln t while ‖g‖ → 0 like 1/t.";

    /// <summary>The separable data set: anchors (±1, 0), then class 1 at (2 + |z₁|, z₂) and class 0 at (−2 − |z₁|, z₂), z ~ N(0, I) from the seed.</summary>
    public static (Matrix<double> Inputs, int[] Labels) Data(int countPerClass, int seed)
    {
        if (countPerClass < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(countPerClass), countPerClass, "countPerClass must be ≥ 0.");
        }

        var random = new Random(seed);
        int n = 2 + 2 * countPerClass;
        var x = Matrix<double>.Build.Dense(n, 2);
        var y = new int[n];
        x[0, 0] = 1; y[0] = 1;
        x[1, 0] = -1; y[1] = 0;
        for (int k = 0; k < countPerClass; k++)
        {
            for (int label = 0; label < 2; label++)
            {
                int r = 2 + 2 * k + label;
                double sign = label == 1 ? 1 : -1;
                x[r, 0] = sign * (2 + Math.Abs(Descent.Data.Sampling.Gaussian(random)));
                x[r, 1] = Descent.Data.Sampling.Gaussian(random);
                y[r] = label;
            }
        }

        return (x, y);
    }

    /// <summary>File name, in the repository's data/ folder, of the stored default run (10⁵ steps; too long for a live cell).</summary>
    public const string StoredFileName = "07-separable-norm-growth.csv";

    /// <summary>The command that writes <see cref="StoredFileName"/> (then prefixed by a '#' comment line naming it).</summary>
    public const string StoredCommand = "dotnet run --project src/Descent.Cli -- experiment run separable-norm-growth --out data/" + StoredFileName;

    /// <summary>
    /// The stored default run, read from data/<see cref="StoredFileName"/> by <see cref="StoredResult.Load"/>: the CSV of
    /// <see cref="SeparableNormGrowthResult.ToTable"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file is not in the repository's data/ folder.</exception>
    /// <exception cref="InvalidDataException">A cell is not a number, or the file holds fewer than two records.</exception>
    public static SeparableNormGrowthResult LoadStored()
    {
        var stored = StoredResult.Load(StoredFileName);
        var columns = new[] { "step", "loss", "gradient_norm", "theta_norm", "max_margin_cosine" }.Select(stored.Column).ToArray();
        if (columns.Any(c => c.Any(double.IsNaN)))
        {
            throw new InvalidDataException($"{stored.Path}: every cell must be a number; regenerate it with: {StoredCommand}");
        }

        if (columns[0].Length < 2)
        {
            throw new InvalidDataException($"{stored.Path} holds fewer than two records.");
        }

        return new SeparableNormGrowthResult([.. columns[0].Select(s => (int)s)], columns[1], columns[2], columns[3], columns[4],
            new SeparableNormGrowthParameters().LearningRate);
    }

    /// <summary>The unit max-margin direction θ̂ = (−1, 0, 1, 0, 0, 0)/√2 in the Mlp's layout (W row-major, then b).</summary>
    public static Vector<double> MaxMarginDirection => Vector<double>.Build.DenseOfArray([-1, 0, 1, 0, 0, 0]) / Math.Sqrt(2);

    /// <inheritdoc />
    public override SeparableNormGrowthResult Run(SeparableNormGrowthParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        cancellationToken = AmbientCancellation.Or(cancellationToken);
        var (inputs, labels) = Data(parameters.CountPerClass, parameters.Seed);
        var mlp = new Mlp([2, 2], Activation.Tanh, LossFunction.SoftmaxCrossEntropy, inputs, labels);
        var rows = Enumerable.Range(0, mlp.ExampleCount).ToArray();
        var record = new SortedSet<int>();
        for (double e = 0; Math.Pow(10, e) <= parameters.Steps + 0.5; e += 1.0 / parameters.RecordsPerDecade)
        {
            record.Add((int)Math.Round(Math.Pow(10, e)));
        }

        record.Add(parameters.Steps);
        var theta = new DenseVector(mlp.Dimension);
        var gradient = new double[mlp.Dimension];
        var hat = MaxMarginDirection;
        var steps = new List<int>();
        var losses = new List<double>();
        var gnorms = new List<double>();
        var tnorms = new List<double>();
        var cosines = new List<double>();
        for (int t = 0; t <= parameters.Steps; t++)
        {
            if (t % 1000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            double loss = mlp.ValueAndGradient(theta, rows, gradient);
            if (record.Contains(t))
            {
                double gn = Math.Sqrt(gradient.Sum(v => v * v)), tn = theta.L2Norm();
                steps.Add(t);
                losses.Add(loss);
                gnorms.Add(gn);
                tnorms.Add(tn);
                cosines.Add(theta.DotProduct(hat) / tn);
                progress?.Report((double)t / parameters.Steps);
            }
            if (t == parameters.Steps)
            {
                break;
            }

            for (int i = 0; i < gradient.Length; i++)
            {
                theta.Values[i] -= parameters.LearningRate * gradient[i];
            }
        }
        return new SeparableNormGrowthResult([.. steps], [.. losses], [.. gnorms], [.. tnorms], [.. cosines], parameters.LearningRate);
    }
}
