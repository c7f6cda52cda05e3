using System.IO.Compression;
using System.Text;
using Descent.Data;

namespace Descent.Tests.Data;

public sealed class DigitsTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("descent-digits-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void The_shipped_file_is_found_from_the_test_folder_and_holds_1797_images()
    {
        string path = Digits.FindFile();
        Assert.EndsWith(Path.Combine("data", "digits.csv.gz"), path);
        var all = Digits.ReadAll(path);
        Assert.Equal(1797, all.Count);
        Assert.Equal(64, all.Features);
        Assert.Equal(10, all.ClassCount);
        Assert.Equal("digits: 1797 × 64, 10 classes", all.ToString());
        // The first two lines of the file end in the labels 0 and 1; pixels are counts 0..16.
        Assert.Equal(0, all.Labels![0]);
        Assert.Equal(1, all.Labels[1]);
        Assert.Equal(5.0, all.Inputs[0, 2]); // "0,0,5,13,…" is the first line
        Assert.All(all.Inputs.Enumerate(), v => Assert.InRange(v, 0, 16));
        // Every class has between 174 and 183 examples (UCI documents this balance).
        Assert.All(Enumerable.Range(0, 10), c => Assert.InRange(all.Labels.Count(l => l == c), 174, 183));
        Assert.Equal(all.Labels.Length, all.Targets!.RowSums().Sum());
    }

    [Fact]
    public void Split_is_a_stratified_partition_of_the_file()
    {
        var split = Digits.Load(seed: 3);
        Assert.Equal(1078, split.Train.Count); // round(0.6 · 1797)
        Assert.Equal(359, split.Validation.Count); // round(0.2 · 1797)
        Assert.Equal(360, split.Test.Count);
        Assert.Equal("digits train: 1078 × 64, 10 classes", split.Train.ToString());
        var union = split.TrainRows.Concat(split.ValidationRows).Concat(split.TestRows).Order();
        Assert.Equal(Enumerable.Range(0, 1797), union);

        var all = Digits.ReadAll();
        Assert.Equal(split.TrainRows.Select(r => all.Labels![r]), split.Train.Labels!);
        for (int c = 0; c < 10; c++)
        {
            int nc = all.Labels!.Count(l => l == c);
            // Largest-remainder apportionment: each class gets ⌊0.6·n_c⌋ or ⌈0.6·n_c⌉ training examples.
            Assert.InRange(split.Train.Labels!.Count(l => l == c), Math.Floor(0.6 * nc), Math.Ceiling(0.6 * nc));
            Assert.InRange(split.Validation.Labels!.Count(l => l == c), Math.Floor(0.2 * nc), Math.Ceiling(0.2 * nc));
        }
        // The training order is shuffled, not sorted by class: the first 20 labels hold several classes.
        Assert.True(split.Train.Labels!.Take(20).Distinct().Count() >= 4);
    }

    [Fact]
    public void Standardization_uses_train_statistics_only()
    {
        var split = Digits.Load(seed: 1);
        var raw = Digits.ReadAll();
        // Independent computation of the train mean and population sd of each pixel.
        for (int j = 0; j < 64; j++)
        {
            var column = split.TrainRows.Select(r => raw.Inputs[r, j]).ToArray();
            double mean = column.Average();
            double sd = Math.Sqrt(column.Select(v => (v - mean) * (v - mean)).Average());
            double scale = sd == 0 ? 1 : sd;
            // 1e-12: the same arithmetic up to summation order on values ≤ 16 (relative error ~1e-15 · n).
            Assert.Equal((raw.Inputs[split.TestRows[0], j] - mean) / scale, split.Test.Inputs[0, j], 1e-12);
            Assert.Equal((raw.Inputs[split.ValidationRows[5], j] - mean) / scale, split.Validation.Inputs[5, j], 1e-12);
            var train = split.Train.Inputs.Column(j);
            Assert.Equal(0.0, train.Average(), 1e-12);
            if (sd > 0)
            {
                Assert.Equal(1.0, Math.Sqrt(train.Select(v => v * v).Average()), 1e-12);
            }
            else
            {
                Assert.Contains(j, split.Standardizer.ConstantFeatures);
            }
        }
        // Pixel 0 (a corner) is blank in every image: constant, standardized to exactly 0, nothing infinite.
        Assert.Contains(0, split.Standardizer.ConstantFeatures);
        Assert.All(split.Train.Inputs.Column(0), v => Assert.Equal(0.0, v));
        Assert.All(split.Test.Inputs.Enumerate(), v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Same_seed_same_split_and_other_seed_other_split()
    {
        var a = Digits.Load(seed: 5);
        var b = Digits.Load(seed: 5);
        var c = Digits.Load(seed: 6);
        Assert.Equal(a.TrainRows, b.TrainRows);
        Assert.Equal(a.Train.Inputs, b.Train.Inputs);
        Assert.NotEqual(a.TrainRows, c.TrainRows);
    }

    [Fact]
    public void Missing_file_is_rejected_naming_it()
    {
        string path = Path.Combine(_temp, "nope.csv.gz");
        var ex = Assert.Throws<FileNotFoundException>(() => Digits.ReadAll(path));
        Assert.Contains(path, ex.Message);
        var notFound = Assert.Throws<FileNotFoundException>(() => Digits.FindFile(_temp));
        Assert.Contains("data/digits.csv.gz", notFound.Message);
    }

    [Fact]
    public void A_file_that_is_not_gzip_is_rejected_naming_it()
    {
        string path = Path.Combine(_temp, "plain.csv.gz");
        File.WriteAllText(path, string.Join(',', Enumerable.Repeat("0", 65)) + "\n");
        var ex = Assert.Throws<InvalidDataException>(() => Digits.ReadAll(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains("gzip", ex.Message);
    }

    [Theory]
    [InlineData("wrong column count", 64, "3", "line 2: expected 65")]
    [InlineData("non-numeric pixel", 65, "x", "line 2, column 7: 'x' is not a finite number")]
    [InlineData("label out of range", 65, "10", "line 2: the label '10'")]
    [InlineData("negative label", 65, "-1", "line 2: the label '-1'")]
    public void A_corrupt_line_is_rejected_naming_file_and_line(string what, int columns, string bad, string expected)
    {
        _ = what;
        string good = string.Join(',', Enumerable.Repeat("1", 64)) + ",3";
        var fields = Enumerable.Repeat("2", columns).ToArray();
        if (bad == "x") { fields[6] = "x"; fields[^1] = "4"; }
        else
        {
            fields[^1] = bad;
        }

        string path = WriteGzip("corrupt.csv.gz", good + "\n" + string.Join(',', fields) + "\n" + good + "\n");
        var ex = Assert.Throws<InvalidDataException>(() => Digits.ReadAll(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void A_valid_small_file_loads_through_the_explicit_path()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 50; i++)
        {
            sb.AppendLine(string.Join(',', Enumerable.Range(0, 64).Select(j => ((i + j) % 17).ToString())) + "," + i % 10);
        }

        string path = WriteGzip("small.csv.gz", sb.ToString());
        var split = Digits.Load(path, seed: 2);
        Assert.Equal(30, split.Train.Count);
        Assert.Equal(10, split.Validation.Count);
        Assert.Equal(10, split.Test.Count);
    }

    [Fact]
    public void Bad_fractions_are_rejected()
    {
        Assert.Equal("trainFraction", Assert.Throws<ArgumentOutOfRangeException>(() => Digits.Load(0, 1.0, 0.1)).ParamName);
        Assert.Equal("validationFraction", Assert.Throws<ArgumentOutOfRangeException>(() => Digits.Load(0, 0.7, 0.3)).ParamName);
    }

    private string WriteGzip(string name, string text)
    {
        string path = Path.Combine(_temp, name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
        return path;
    }
}
