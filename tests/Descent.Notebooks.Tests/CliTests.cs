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
}
