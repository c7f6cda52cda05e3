using System.Globalization;
using System.IO.Compression;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Data;

/// <summary>
/// The digits data shipped in the repository's <c>data/digits.csv.gz</c>: 1,797 handwritten digits as
/// 8×8 images (64 pixel values 0..16), ten classes (UCI "Optical Recognition of Handwritten Digits",
/// Alpaydin &amp; Kaynak 1998, CC BY 4.0; see data/README.md).
/// </summary>
/// <remarks>
/// File format: gzip-compressed CSV, no header, one image per line: 64 pixel values, then the label 0–9.
/// <see cref="Load(int, double, double)"/> returns a <b>stratified</b> train/validation/test split
/// (each class is shuffled by the seed and divided in the same proportions, so every split has the
/// class frequencies of the whole file to within one example), standardized with the training
/// split's per-pixel mean and standard deviation.
/// </remarks>
public static class Digits
{
    /// <summary>File name of the shipped data, looked up as <c>data/digits.csv.gz</c>.</summary>
    public const string FileName = "digits.csv.gz";

    /// <summary>Number of pixels per image (8 × 8).</summary>
    public const int PixelCount = 64;

    /// <summary>Number of classes (digits 0–9).</summary>
    public const int ClassCount = 10;

    /// <summary>
    /// Finds <c>data/digits.csv.gz</c> by walking up from the current directory, then from
    /// <see cref="AppContext.BaseDirectory"/>, to the first folder that contains it (the repository root).
    /// </summary>
    /// <exception cref="FileNotFoundException">No folder above either start contains data/digits.csv.gz.</exception>
    public static string FindFile()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            if (TryFindFile(start) is { } path)
            {
                return path;
            }
        }
        throw new FileNotFoundException(
            $"Could not find data/{FileName} in any folder above the current directory ({Environment.CurrentDirectory}) " +
            $"or the application folder ({AppContext.BaseDirectory}). Run from inside the repository, or pass the file's path explicitly.",
            FileName);
    }

    /// <summary>Finds <c>data/digits.csv.gz</c> in <paramref name="startDirectory"/> or the nearest folder above it.</summary>
    /// <exception cref="FileNotFoundException">No such folder.</exception>
    public static string FindFile(string startDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(startDirectory);
        return TryFindFile(startDirectory) ?? throw new FileNotFoundException(
            $"Could not find data/{FileName} in {startDirectory} or any folder above it.", FileName);
    }

    /// <summary>All 1,797 images, raw pixel values 0..16, in file order, with labels and one-hot targets.</summary>
    public static Dataset ReadAll() => ReadAll(FindFile());

    /// <summary>All images of the file at <paramref name="path"/>, raw, in file order, with labels and one-hot targets.</summary>
    /// <param name="path">A gzip-compressed CSV in the digits format (64 pixels, then the label 0–9, per line).</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not gzip, or a line has the wrong number of values,
    /// a non-numeric or non-finite value, or a label outside 0–9; the message names the file and the line.</exception>
    public static Dataset ReadAll(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The digits file {path} does not exist.", path);
        }

        var rows = new List<double[]>();
        var labels = new List<int>();
        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            int lineNumber = 0;
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                lineNumber++;
                if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var (pixels, label) = ParseLine(path, lineNumber, line);
                rows.Add(pixels);
                labels.Add(label);
            }
        }
        catch (InvalidDataException ex) when (!ex.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: not a valid gzip file ({ex.Message}).", ex);
        }
        if (rows.Count == 0)
        {
            throw new InvalidDataException($"{path}: the file holds no images.");
        }

        var x = Matrix<double>.Build.DenseOfRowArrays(rows);
        var y = labels.ToArray();
        return new Dataset("digits", x, y, Dataset.OneHot(y, ClassCount), ClassCount);
    }

    /// <summary>
    /// Stratified train/validation/test split of <c>data/digits.csv.gz</c> chosen by <paramref name="seed"/>,
    /// standardized with the training split's statistics. Defaults give 1078 / 359 / 360 images.
    /// </summary>
    /// <param name="seed">Seed of the split (and of the order of examples inside each split).</param>
    /// <param name="trainFraction">Fraction of images for training, in (0, 1).</param>
    /// <param name="validationFraction">Fraction for validation, in (0, 1); the rest (must be &gt; 0) is the test split.</param>
    public static DataSplit Load(int seed = 0, double trainFraction = 0.6, double validationFraction = 0.2) =>
        Load(FindFile(), seed, trainFraction, validationFraction);

    /// <summary>As <see cref="Load(int, double, double)"/>, from the file at <paramref name="path"/>.</summary>
    public static DataSplit Load(string path, int seed = 0, double trainFraction = 0.6, double validationFraction = 0.2)
    {
        if (!(trainFraction > 0 && trainFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(trainFraction), trainFraction, "trainFraction must be in (0, 1).");
        }

        if (!(validationFraction > 0 && validationFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "validationFraction must be in (0, 1).");
        }

        if (!(trainFraction + validationFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction,
                $"trainFraction + validationFraction must be below 1 so that a test split remains (trainFraction = {trainFraction}).");
        }

        var all = ReadAll(path);
        var (train, validation, test) = StratifiedSplit(all.Labels!, ClassCount, trainFraction, validationFraction, seed);
        if (train.Length == 0 || validation.Length == 0 || test.Length == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction,
                $"{path} holds {all.Count} images, too few for a non-empty split with these fractions.");
        }

        var rawTrain = all.Subset(train, "digits train");
        var standardizer = Standardizer.Fit(rawTrain.Inputs);
        return new DataSplit(
            standardizer.Transform(rawTrain),
            standardizer.Transform(all.Subset(validation, "digits validation")),
            standardizer.Transform(all.Subset(test, "digits test")),
            standardizer, train, validation, test, seed);
    }

    /// <summary>
    /// Splits row indices class by class: each class's rows are shuffled by the seed; per class the train
    /// and validation counts are apportioned (largest remainder) so that the totals are round(n·f); each
    /// split is then shuffled so that classes are interleaved.
    /// </summary>
    internal static (int[] Train, int[] Validation, int[] Test) StratifiedSplit(
        int[] labels, int classCount, double trainFraction, double validationFraction, int seed)
    {
        var rng = new Random(seed);
        var byClass = new List<int>[classCount];
        for (int c = 0; c < classCount; c++)
        {
            byClass[c] = [];
        }

        for (int i = 0; i < labels.Length; i++)
        {
            byClass[labels[i]].Add(i);
        }

        var sizes = byClass.Select(l => l.Count).ToArray();
        var trainCounts = Apportion(sizes, trainFraction, (int)Math.Round(labels.Length * trainFraction));
        var remaining = sizes.Select((s, c) => s - trainCounts[c]).ToArray();
        // Validation takes validationFraction of each class's full size, bounded by what is left.
        var validationCounts = Apportion(sizes, validationFraction, (int)Math.Round(labels.Length * validationFraction));
        for (int c = 0; c < classCount; c++)
        {
            validationCounts[c] = Math.Min(validationCounts[c], remaining[c]);
        }

        List<int> train = [], validation = [], test = [];
        for (int c = 0; c < classCount; c++)
        {
            var rows = byClass[c].ToArray();
            Sampling.Shuffle(rows, rng);
            train.AddRange(rows.Take(trainCounts[c]));
            validation.AddRange(rows.Skip(trainCounts[c]).Take(validationCounts[c]));
            test.AddRange(rows.Skip(trainCounts[c] + validationCounts[c]));
        }
        var result = (train.ToArray(), validation.ToArray(), test.ToArray());
        Sampling.Shuffle(result.Item1, rng);
        Sampling.Shuffle(result.Item2, rng);
        Sampling.Shuffle(result.Item3, rng);
        return result;
    }

    /// <summary>Integer counts ≈ fraction·sizes[c] summing to <paramref name="total"/> (largest-remainder method).</summary>
    private static int[] Apportion(int[] sizes, double fraction, int total)
    {
        var exact = sizes.Select(s => s * fraction).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        int missing = total - counts.Sum();
        foreach (int c in Enumerable.Range(0, sizes.Length).OrderByDescending(c => exact[c] - counts[c]).ThenBy(c => c))
        {
            if (missing <= 0)
            {
                break;
            }

            if (counts[c] < sizes[c]) { counts[c]++; missing--; }
        }
        return counts;
    }

    private static (double[] Pixels, int Label) ParseLine(string path, int lineNumber, string line)
    {
        var fields = line.Split(',');
        if (fields.Length != PixelCount + 1)
        {
            throw new InvalidDataException(
                $"{path}, line {lineNumber}: expected {PixelCount + 1} comma-separated values ({PixelCount} pixels, then the label), found {fields.Length}.");
        }

        var pixels = new double[PixelCount];
        for (int j = 0; j < PixelCount; j++)
        {
            if (!double.TryParse(fields[j], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            {
                throw new InvalidDataException(
                    $"{path}, line {lineNumber}, column {j + 1}: '{fields[j].Trim()}' is not a finite number.");
            }

            pixels[j] = v;
        }
        string labelText = fields[PixelCount].Trim();
        if (!double.TryParse(labelText, NumberStyles.Float, CultureInfo.InvariantCulture, out double label)
            || label != Math.Floor(label) || label < 0 || label >= ClassCount)
        {
            throw new InvalidDataException(
                $"{path}, line {lineNumber}: the label '{labelText}' is not an integer in 0..{ClassCount - 1}.");
        }

        return (pixels, (int)label);
    }

    private static string? TryFindFile(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "data", FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
