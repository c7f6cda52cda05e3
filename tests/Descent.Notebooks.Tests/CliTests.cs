namespace Descent.Notebooks.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("descent-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await Descent.Cli.Cli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Experiment_csv_output_starts_with_the_command_that_makes_it_and_reads_back()
    {
        var path = Path.Combine(_dir, "rs.csv");

        var (code, _, err) = await Run("experiment", "run", "random-search", "--budget", "20", "--dimensions", "2,3", "--out", path);

        Assert.True(code == 0, err);
        var lines = File.ReadAllLines(path);
        Assert.Equal($"# dotnet run --project src/Descent.Cli -- experiment run random-search --budget 20 --dimensions 2,3 --out {path.Replace('\\', '/')}", lines[0]);
        Assert.Equal("dimension,random_search_best,gradient_descent,start", lines[1]);
        Assert.Equal([2.0, 3.0], Descent.Experiments.StoredTable.Read(path).Column("dimension")); // the data/ reader skips the comment
    }

    [Fact]
    public async Task Run_on_a_missing_notebook_gives_one_clear_message()
    {
        var path = Path.Combine(_dir, "missing.ipynb");

        var (code, _, err) = await Run("run", path);

        Assert.Equal(1, code);
        Assert.Equal($"error: {path}: no such notebook file", err.Trim());
    }

    [Fact]
    public async Task Run_on_a_malformed_notebook_gives_one_clear_message()
    {
        var path = Path.Combine(_dir, "broken.ipynb");
        File.WriteAllText(path, """{"cells": "not a list", "nbformat": 4}""");

        var (code, _, err) = await Run("run", path);

        Assert.Equal(1, code);
        Assert.Equal($"error: {path}: not a valid notebook: it has no \"cells\" array", err.Trim());
    }

    [Fact]
    public async Task Run_rejects_a_non_positive_timeout()
    {
        var (code, _, err) = await Run("run", "x.ipynb", "--timeout", "0");

        Assert.Equal(2, code);
        Assert.Contains("--timeout must be a positive number", err);
    }

    [Fact]
    public async Task Experiment_progress_redirected_is_whole_lines_at_most_one_per_tenth()
    {
        // Ten dimensions: the experiment reports progress ten times; a log gets one line per new tenth, no '\r'.
        var (code, output, err) = await Run("experiment", "run", "random-search", "--budget", "20", "--dimensions", "2,3,4,5,6,7,8,9,10,11");

        Assert.True(code == 0, err);
        Assert.DoesNotContain('\r', err);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(lines.Length, 2, 11);
        Assert.All(lines, l => Assert.Matches(@"^random-search: \d{1,3} % after \d+\.\d s$", l));
        Assert.StartsWith("random-search: 100 % after", lines[^1], StringComparison.Ordinal);
        Assert.StartsWith("random-search in ", output, StringComparison.Ordinal); // the result goes to standard output, progress to error
    }

    [Fact]
    public async Task Experiment_progress_with_quiet_writes_nothing()
    {
        var (code, output, err) = await Run("experiment", "run", "random-search", "--budget", "20", "--dimensions", "2,3,4", "--quiet");

        Assert.True(code == 0, err);
        Assert.Equal("", err);
        Assert.StartsWith("random-search in ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_progress_writes_one_line_per_tenth_however_often_it_is_told()
    {
        var writer = new StringWriter();
        var now = TimeSpan.Zero;
        var progress = new Descent.Cli.LineProgress("x", writer, () => now);

        for (var i = 0; i <= 1000; i++)
        {
            now += TimeSpan.FromMilliseconds(1); // 1 s in all: the 10 s rule never fires
            progress.Report(i / 1000.0);
        }

        progress.Complete();

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(0, 11).Select(t => $"x: {t * 10} %"), lines.Select(l => l[..l.IndexOf(" after", StringComparison.Ordinal)]));
    }

    [Fact]
    public void Line_progress_writes_every_ten_seconds_when_a_tenth_takes_longer()
    {
        var writer = new StringWriter();
        var now = TimeSpan.Zero;
        var progress = new Descent.Cli.LineProgress("slow", writer, () => now);

        for (var i = 0; i < 60; i++)
        {
            now += TimeSpan.FromSeconds(1);
            progress.Report(0.05); // stuck below the first tenth for a minute
        }

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The first report (0 % is a new tenth) at 1 s, then one line every 10 s: 11, 21, 31, 41, 51 s.
        Assert.Equal(["slow: 5 % after 1.0 s", "slow: 5 % after 11.0 s", "slow: 5 % after 21.0 s", "slow: 5 % after 31.0 s", "slow: 5 % after 41.0 s", "slow: 5 % after 51.0 s"], lines);
    }
}
