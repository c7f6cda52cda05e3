using MathNet.Numerics.LinearAlgebra;

namespace Descent.Data;

/// <summary>
/// Small synthetic data sets, each drawn from an explicit seed (a rerun gives the same numbers):
/// Gaussian blobs, XOR, two spirals, a linear teacher, and the two classic long-range tasks for
/// recurrent networks — the long-lag memory task and the adding problem (Hochreiter &amp; Schmidhuber 1997).
/// </summary>
public static class Synthetic
{
    /// <summary>
    /// C Gaussian blobs in ℝᵈ: class k is centred at μₖ = r·(cos 2πk/C, sin 2πk/C, 0, …, 0)
    /// (for d = 1, μₖ = r·k) and its points are μₖ + σ·z with z ~ N(0, I).
    /// </summary>
    /// <param name="countPerClass">Points per class, ≥ 1.</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <param name="classes">Number of blobs C ≥ 2.</param>
    /// <param name="dimension">Input dimension d ≥ 1.</param>
    /// <param name="separation">Radius r of the circle of centres, ≥ 0.</param>
    /// <param name="spread">Standard deviation σ of each blob, ≥ 0.</param>
    /// <returns>Rows in random order, with labels and one-hot targets.</returns>
    public static Dataset GaussianBlobs(int countPerClass, int seed, int classes = 3, int dimension = 2,
        double separation = 3.0, double spread = 1.0)
    {
        Positive(countPerClass, nameof(countPerClass));
        if (classes < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), classes, "classes must be at least 2.");
        }

        Positive(dimension, nameof(dimension));
        NonNegative(separation, nameof(separation));
        NonNegative(spread, nameof(spread));
        var centres = BlobCentres(classes, dimension, separation);
        var rng = new Random(seed);
        int n = countPerClass * classes;
        var order = Enumerable.Range(0, n).ToArray();
        Sampling.Shuffle(order, rng);
        var x = Matrix<double>.Build.Dense(n, dimension);
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            int k = order[i] % classes;
            y[i] = k;
            for (int j = 0; j < dimension; j++)
            {
                x[i, j] = centres[k, j] + spread * Sampling.Gaussian(rng);
            }
        }
        return new Dataset($"blobs({classes})", x, y, Dataset.OneHot(y, classes), classes);
    }

    /// <summary>The centres μₖ used by <see cref="GaussianBlobs"/>, one per row.</summary>
    public static Matrix<double> BlobCentres(int classes, int dimension, double separation)
    {
        var c = Matrix<double>.Build.Dense(classes, dimension);
        for (int k = 0; k < classes; k++)
        {
            if (dimension == 1) { c[k, 0] = separation * k; continue; }
            c[k, 0] = separation * Math.Cos(2 * Math.PI * k / classes);
            c[k, 1] = separation * Math.Sin(2 * Math.PI * k / classes);
        }
        return c;
    }

    /// <summary>
    /// XOR: four clusters at the corners (±1, ±1) with Gaussian noise σ; the label is 1 when the corner's
    /// two signs differ (x₁x₂ &lt; 0 at the corner) and 0 otherwise — not linearly separable.
    /// </summary>
    /// <param name="count">Number of points, ≥ 4; corners are visited in turn, so each gets ⌊count/4⌋ or one more.</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <param name="noise">Standard deviation σ ≥ 0 around each corner.</param>
    public static Dataset Xor(int count, int seed, double noise = 0.25)
    {
        if (count < 4)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be at least 4 (one point per corner).");
        }

        NonNegative(noise, nameof(noise));
        var rng = new Random(seed);
        var order = Enumerable.Range(0, count).ToArray();
        Sampling.Shuffle(order, rng);
        var x = Matrix<double>.Build.Dense(count, 2);
        var y = new int[count];
        for (int i = 0; i < count; i++)
        {
            int corner = order[i] % 4;
            double s1 = (corner & 1) == 0 ? 1 : -1, s2 = (corner & 2) == 0 ? 1 : -1;
            x[i, 0] = s1 + noise * Sampling.Gaussian(rng);
            x[i, 1] = s2 + noise * Sampling.Gaussian(rng);
            y[i] = s1 * s2 < 0 ? 1 : 0;
        }
        return new Dataset("xor", x, y, Dataset.OneHot(y, 2), 2);
    }

    /// <summary>
    /// Two interleaved spirals (Lang &amp; Witbrock 1988): for t ~ U(0, 1), class k ∈ {0, 1} is the point
    /// r(t)·(cos φ, sin φ) with r = t and φ = 2π·turns·t + kπ, plus Gaussian noise σ per coordinate.
    /// </summary>
    /// <param name="countPerClass">Points per spiral, ≥ 1.</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <param name="noise">Standard deviation σ ≥ 0.</param>
    /// <param name="turns">Number of turns of each spiral, &gt; 0.</param>
    public static Dataset TwoSpirals(int countPerClass, int seed, double noise = 0.02, double turns = 1.5)
    {
        Positive(countPerClass, nameof(countPerClass));
        NonNegative(noise, nameof(noise));
        if (!(turns > 0) || !double.IsFinite(turns))
        {
            throw new ArgumentOutOfRangeException(nameof(turns), turns, "turns must be positive and finite.");
        }

        var rng = new Random(seed);
        int n = 2 * countPerClass;
        var order = Enumerable.Range(0, n).ToArray();
        Sampling.Shuffle(order, rng);
        var x = Matrix<double>.Build.Dense(n, 2);
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            int k = order[i] % 2;
            double t = rng.NextDouble();
            double phi = 2 * Math.PI * turns * t + k * Math.PI;
            x[i, 0] = t * Math.Cos(phi) + noise * Sampling.Gaussian(rng);
            x[i, 1] = t * Math.Sin(phi) + noise * Sampling.Gaussian(rng);
            y[i] = k;
        }
        return new Dataset("two spirals", x, y, Dataset.OneHot(y, 2), 2);
    }

    /// <summary>
    /// A linear teacher: x ~ N(0, I_d), y = W x + ε with W's entries ~ N(0, 1/d) (so each output has
    /// variance ≈ 1) and ε ~ N(0, σ² I). The regression set of deep linear networks (Saxe et al. 2013).
    /// </summary>
    /// <param name="count">Number of examples, ≥ 1.</param>
    /// <param name="inputDimension">d ≥ 1.</param>
    /// <param name="outputDimension">Number of outputs ≥ 1.</param>
    /// <param name="seed">Seed of W, the inputs and the noise.</param>
    /// <param name="noise">σ ≥ 0.</param>
    public static LinearTeacherSet LinearTeacher(int count, int inputDimension, int outputDimension, int seed, double noise = 0.1)
    {
        Positive(count, nameof(count));
        Positive(inputDimension, nameof(inputDimension));
        Positive(outputDimension, nameof(outputDimension));
        NonNegative(noise, nameof(noise));
        var rng = new Random(seed);
        double wScale = 1.0 / Math.Sqrt(inputDimension);
        var w = Matrix<double>.Build.Dense(outputDimension, inputDimension, (_, _) => wScale * Sampling.Gaussian(rng));
        var x = Matrix<double>.Build.Dense(count, inputDimension);
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < inputDimension; j++)
            {
                x[i, j] = Sampling.Gaussian(rng);
            }
        }

        var y = x * w.Transpose();
        for (int i = 0; i < count; i++)
        {
            for (int k = 0; k < outputDimension; k++)
            {
                y[i, k] += noise * Sampling.Gaussian(rng);
            }
        }

        return new LinearTeacherSet(new Dataset("linear teacher", x, targets: y), w, noise);
    }

    /// <summary>
    /// The long-lag memory task: a symbol s ∈ {0, …, S−1} shown at t = 0 must be recalled after
    /// <paramref name="lag"/> steps. Each sequence has T = lag + 1 steps and S + 1 features: at t = 0
    /// the one-hot code of s; at 0 &lt; t &lt; T all zeros (blank), or, with distractors, a random symbol's
    /// one-hot code; at t = T − 1 additionally the recall cue (last feature = 1). The target after the
    /// last step is s (label and one-hot row). Chance accuracy is 1/S.
    /// </summary>
    /// <param name="count">Number of sequences, ≥ 1.</param>
    /// <param name="lag">Steps between the symbol and the recall, ≥ 1.</param>
    /// <param name="seed">Seed of the symbols.</param>
    /// <param name="symbols">Alphabet size S ≥ 2.</param>
    /// <param name="distractors">When true, the steps between show random symbols instead of blanks.</param>
    public static SequenceDataset MemoryTask(int count, int lag, int seed, int symbols = 4, bool distractors = false)
    {
        Positive(count, nameof(count));
        Positive(lag, nameof(lag));
        if (symbols < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(symbols), symbols, "symbols must be at least 2.");
        }

        var rng = new Random(seed);
        int length = lag + 1, features = symbols + 1;
        var inputs = new double[count][][];
        var labels = new int[count];
        var targets = new double[count][];
        for (int i = 0; i < count; i++)
        {
            var seq = new double[length][];
            for (int t = 0; t < length; t++)
            {
                seq[t] = new double[features];
            }

            int s = rng.Next(symbols);
            seq[0][s] = 1.0;
            if (distractors)
            {
                for (int t = 1; t < length; t++)
                {
                    seq[t][rng.Next(symbols)] = 1.0;
                }
            }

            seq[length - 1][symbols] = 1.0;
            inputs[i] = seq;
            labels[i] = s;
            targets[i] = new double[symbols];
            targets[i][s] = 1.0;
        }
        return new SequenceDataset($"memory task (lag {lag})", inputs, labels, targets, symbols);
    }

    /// <summary>
    /// The adding problem (Hochreiter &amp; Schmidhuber 1997, in the form of Le, Jaitly &amp; Hinton 2015):
    /// each of T steps has two features, a value uᵗ ~ U(0, 1) and a marker mᵗ ∈ {0, 1}; exactly two markers
    /// are 1, one at a uniform step in the first half [0, ⌊T/2⌋) and one in the second half [⌊T/2⌋, T).
    /// The target after the last step is the sum of the two marked values (mean 1, variance 1/6, so always
    /// predicting 1 has mean squared error 1/6 — the baseline to beat).
    /// </summary>
    /// <param name="count">Number of sequences, ≥ 1.</param>
    /// <param name="length">T ≥ 2.</param>
    /// <param name="seed">Seed of the values and marker positions.</param>
    public static SequenceDataset AddingProblem(int count, int length, int seed)
    {
        Positive(count, nameof(count));
        if (length < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "length must be at least 2 (one marker per half).");
        }

        var rng = new Random(seed);
        int half = length / 2;
        var inputs = new double[count][][];
        var targets = new double[count][];
        for (int i = 0; i < count; i++)
        {
            var seq = new double[length][];
            for (int t = 0; t < length; t++)
            {
                seq[t] = [rng.NextDouble(), 0.0];
            }

            int first = rng.Next(half), second = half + rng.Next(length - half);
            seq[first][1] = 1.0;
            seq[second][1] = 1.0;
            inputs[i] = seq;
            targets[i] = [seq[first][0] + seq[second][0]];
        }
        return new SequenceDataset($"adding problem (T = {length})", inputs, targets: targets);
    }

    private static void Positive(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1.");
        }
    }

    private static void NonNegative(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and ≥ 0.");
        }
    }
}
