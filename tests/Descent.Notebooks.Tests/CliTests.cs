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
        Assert.Equal([2.0, 3.0], Descent.Experiments.StoredResult.Read(path).Column("dimension")); // the data/ reader skips the comment
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

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task Build_rejects_fewer_than_one_job(string jobs)
    {
        var (code, output, err) = await Run("build", "--jobs", jobs);

        Assert.Equal(2, code);
        Assert.StartsWith($"error: --jobs must be at least 1 (got {jobs})", err.Trim(), StringComparison.Ordinal);
        Assert.Equal("", output); // nothing ran
    }

    [Fact]
    public async Task Notebooks_run_in_child_processes_store_the_same_bytes_as_a_sequential_run()
    {
        string[][] chapters =
        [
            ["var x = 20;", "Console.WriteLine(\"hello\");\nx + 22"],
            ["\"descent\".ToUpperInvariant()", "Enumerable.Range(1, 4).Sum()"],
        ];
        string Write(string folder, int i)
        {
            var notebook = Descent.Notebooks.Ipynb.Notebook.Create();
            notebook.Cells.Add(new Descent.Notebooks.Ipynb.NotebookCell("markdown", "# A chapter"));
            foreach (var code in chapters[i])
            {
                notebook.Cells.Add(new Descent.Notebooks.Ipynb.NotebookCell("code", code));
            }

            var path = Path.Combine(_dir, folder, $"0{i}-chapter.ipynb");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            notebook.Save(path);
            return path;
        }

        string[] sequential = [Write("seq", 0), Write("seq", 1)];
        string[] parallel = [.. sequential.Select(p => Path.Combine(_dir, "par", Path.GetFileName(p)))];
        Directory.CreateDirectory(Path.Combine(_dir, "par"));
        for (var i = 0; i < parallel.Length; i++)
        {
            File.Copy(sequential[i], parallel[i]); // the same file, cell ids included
        }
        var broken = Path.Combine(_dir, "par", "02-broken.ipynb");
        var before = Descent.Notebooks.Ipynb.Notebook.Create();
        before.Cells.Add(new Descent.Notebooks.Ipynb.NotebookCell("code", "throw new InvalidOperationException(\"boom\");"));
        before.Save(broken);
        var brokenBytes = File.ReadAllBytes(broken);
        const string libraryHash = "0123abcd";
        var context = new Descent.Cli.CliContext(Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(TextWriter.Null) }), TextWriter.Null, TextWriter.Null);

        // What `build --jobs 1` does: each notebook in this process, stamped with its content hash.
        foreach (var path in sequential)
        {
            var result = await Descent.Cli.Commands.RunCommand.RunOne(context, path, TimeSpan.FromMinutes(2), CancellationToken.None, quiet: true,
                beforeSave: nb => Descent.Notebooks.Running.SourceHash.Stamp(nb, Descent.Notebooks.Running.SourceHash.OfNotebook(nb, libraryHash)));
            Assert.True(result.Succeeded, result.ToString());
        }

        // What `build --jobs 2` does: a `descent run` child per notebook, two at a time.
        var finished = new List<string>();
        var runs = await Descent.Cli.Commands.ParallelRun.RunAsync([(parallel[0], 2.0), (parallel[1], 1.0), (broken, 1.5)], 2, _dir, libraryHash, TimeSpan.FromMinutes(2),
            run => finished.Add(run.Output.Length > 0 ? Path.GetFileName(run.Path) : "error: " + Path.GetFileName(run.Path)), CancellationToken.None);

        Assert.Equal(["00-chapter.ipynb", "01-chapter.ipynb", "02-broken.ipynb", "error: 02-broken.ipynb"], finished.Order()); // each block once, then the failure
        for (var i = 0; i < parallel.Length; i++)
        {
            Assert.True(runs[i].Succeeded, runs[i].Output + runs[i].Error);
            Assert.Equal([2, 3], runs[i].Cells.Select(c => c.CellNumber)); // cell times read back for the slowest-cells list
            Assert.All(runs[i].Cells, c => Assert.InRange(c.Seconds, 0, 120));
            Assert.Equal(File.ReadAllBytes(sequential[i]), File.ReadAllBytes(parallel[i]));
        }

        Assert.NotNull(Descent.Notebooks.Running.SourceHash.Stored(Descent.Notebooks.Ipynb.Notebook.Load(parallel[0])));
        var failed = runs[2];
        Assert.False(failed.Succeeded);
        Assert.Contains("boom", failed.Error, StringComparison.Ordinal); // the child's message reaches the build
        Assert.Equal(brokenBytes, File.ReadAllBytes(broken)); // and the failed notebook is left as it was
    }

    [Fact]
    public void Build_shares_put_every_item_in_one_share_and_improve_on_longest_first()
    {
        // The course's nine chapter+solutions pairs as one build timed them. Longest-first alone gives 28.2 s against
        // 25.1 s; a split with 26.7 s exists (02, 03, 00, 05 against the rest), and the move/swap step must reach it.
        double[] work = [5.8, 4.4, 9.2, 8.4, 4.1, 3.2, 5.9, 7.3, 5.0];

        var shares = Descent.Cli.Commands.ParallelRun.Balance(work, 2);

        Assert.Equal(Enumerable.Range(0, work.Length), shares.SelectMany(s => s).Order());
        double largest = shares.Max(s => s.Sum(i => work[i]));
        Assert.True(largest <= 26.7 + 1e-9, $"largest share {largest:F1} s");
        Assert.All(shares, s => Assert.Equal(s.Order(), s)); // course order within a share

        // More jobs than items: every item alone; one job: everything in it.
        Assert.All(Descent.Cli.Commands.ParallelRun.Balance([1.0, 2.0, 3.0], 3), s => Assert.Single(s));
        Assert.Equal([0, 1, 2], Descent.Cli.Commands.ParallelRun.Balance([1.0, 2.0, 3.0], 1)[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Descent.Cli.Commands.ParallelRun.Balance([1.0], 0));
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
