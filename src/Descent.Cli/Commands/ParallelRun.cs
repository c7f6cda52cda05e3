using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Descent.Cli.Commands;

/// <summary>One notebook's run in a child process: what it printed, its cell times, and whether it succeeded.</summary>
/// <param name="Path">The notebook.</param>
/// <param name="Output">Everything the child wrote to standard output (its per-cell lines and summary).</param>
/// <param name="Error">Everything the child wrote to standard error (its failure message).</param>
/// <param name="ExitCode">The child's exit code (0 when every cell succeeded and the file was saved).</param>
/// <param name="Cells">Cell number and seconds of every code cell that ran, read back from <paramref name="Output"/>.</param>
/// <param name="Elapsed">Wall-clock time of the child, including its start.</param>
internal sealed record ChildRun(string Path, string Output, string Error, int ExitCode, IReadOnlyList<(int CellNumber, double Seconds)> Cells, TimeSpan Elapsed)
{
    /// <summary><c>true</c> when the child exited with 0.</summary>
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// Runs notebooks in child processes of the same <c>descent</c> (<c>descent run NOTEBOOK</c>), at most N at a time.
/// A <see cref="Descent.Notebooks.NotebookSession"/> moves the process-wide current directory to its notebook's folder,
/// so two sessions cannot share a process; a child per notebook keeps each run exactly what a sequential run does.
/// </summary>
internal static partial class ParallelRun
{
    [GeneratedRegex(@"^\s*cell\s+(\d+)\s+\[\d+\]\s+([0-9.,]+) s\s", RegexOptions.CultureInvariant)]
    private static partial Regex CellLine();

    /// <summary>The program and leading arguments that start this same <c>descent</c> as a child process.</summary>
    internal static (string FileName, List<string> Arguments) ChildCommand()
    {
        var cli = typeof(ParallelRun).Assembly.Location; // Descent.Cli.dll, also when the CLI is hosted by a test runner
        var folder = Path.GetDirectoryName(cli)!;
        var name = Path.GetFileNameWithoutExtension(cli);
        var host = Environment.ProcessPath;
        if (host is null || !string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            // Started through the apphost (`dotnet run`, an installed tool) or a test host: use the muxer of this runtime,
            // <dotnet root>/shared/Microsoft.NETCore.App/<version>/.
            var runtime = RuntimeEnvironment.GetRuntimeDirectory();
            var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
            host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            if (!File.Exists(host))
            {
                host = "dotnet";
            }
        }

        var arguments = new List<string> { "exec" };
        var runtimeConfig = Path.Combine(folder, name + ".runtimeconfig.json");
        var deps = Path.Combine(folder, name + ".deps.json");
        if (!File.Exists(runtimeConfig) && Assembly.GetEntryAssembly() is { } entry)
        {
            // Hosted in-process by another program (the tests): borrow its runtime configuration and dependency list.
            var entryBase = Path.Combine(Path.GetDirectoryName(entry.Location)!, Path.GetFileNameWithoutExtension(entry.Location));
            runtimeConfig = entryBase + ".runtimeconfig.json";
            deps = entryBase + ".deps.json";
        }

        if (File.Exists(runtimeConfig))
        {
            arguments.AddRange(["--runtimeconfig", runtimeConfig]);
        }

        if (File.Exists(deps))
        {
            arguments.AddRange(["--depsfile", deps]);
        }

        arguments.Add(cli);
        return (host, arguments);
    }

    /// <summary>
    /// Splits <paramref name="notebooks"/> (in course order, with estimated seconds) over at most <paramref name="jobs"/>
    /// child processes (a chapter with its solutions, longest first, each to the child with the least estimated work so
    /// far), each child running its
    /// share in course order, one session after another, so that
    /// the runtime's start and JIT are paid once per child, not per notebook. <paramref name="finished"/> is called
    /// (one at a time) with each notebook's block as soon as it ends. Results come back in the order given.
    /// </summary>
    internal static async Task<IReadOnlyList<ChildRun>> RunAsync(IReadOnlyList<(string Path, double Estimate)> notebooks, int jobs, string root,
        string libraryHash, TimeSpan cellTimeout, Action<ChildRun> finished, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        var (fileName, prefix) = ChildCommand();
        // A chapter and its solutions notebook (same file name) go to the same child: the solutions run the chapter's
        // code again, and in the process that already compiled and warmed it they take a quarter less time.
        var units = notebooks.GroupBy(n => Path.GetFileName(n.Path), StringComparer.Ordinal)
            .Select(g => (Work: g.Sum(n => n.Estimate), Paths: g.Select(n => n.Path).ToList())).ToList();
        var shares = Balance(units.Select(u => u.Work).ToArray(), Math.Min(jobs, units.Count))
            .Select(share => (Work: share.Sum(i => units[i].Work), Paths: share.SelectMany(i => units[i].Paths).ToList())).ToArray();

        // Within a child, notebooks run in the order given (the course's), as the sequential build runs them: state the
        // library keeps per process (Check's attempt counters decide which hint a wrong answer shows) then sees a chapter
        // before its solutions, so the stored outputs are the sequential build's byte for byte.
        var position = notebooks.Select((n, i) => (n.Path, i)).ToDictionary(p => p.Path, p => p.i);
        foreach (var share in shares)
        {
            share.Paths.Sort((a, b) => position[a].CompareTo(position[b]));
        }

        var gate = new object();
        var timeout = cellTimeout.TotalSeconds.ToString("R", CultureInfo.InvariantCulture);
        var children = shares.Select(share => RunChild(fileName, [.. prefix, "run", .. share.Paths, "--timeout", timeout, RunCommand.LibraryHashOption, libraryHash],
            root, share.Paths, run =>
            {
                lock (gate)
                {
                    finished(run);
                }
            }, cancellationToken)).ToList();
        var runs = (await Task.WhenAll(children)).SelectMany(r => r).ToDictionary(r => r.Path);
        return [.. notebooks.Select(n => runs[n.Path])];
    }

    /// <summary>
    /// Splits work items (seconds each) into <paramref name="jobs"/> shares with a small largest share: longest first to
    /// the least-loaded share, then, while it lowers the largest share, the best move or swap of one item between the
    /// largest and the smallest share. Returns each share's item indices in ascending order.
    /// </summary>
    internal static List<int>[] Balance(IReadOnlyList<double> work, int jobs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        var shares = Enumerable.Range(0, jobs).Select(_ => new List<int>()).ToArray();
        var load = new double[jobs];
        foreach (var i in Enumerable.Range(0, work.Count).OrderByDescending(i => work[i]).ThenBy(i => i))
        {
            int least = Array.IndexOf(load, load.Min());
            shares[least].Add(i);
            load[least] += work[i];
        }

        // Each accepted step lowers the pair's larger load, so the loop ends; the cap is only a guard.
        for (int step = 0; step < 100 * work.Count + 1; step++)
        {
            int most = Array.IndexOf(load, load.Max()), least = Array.IndexOf(load, load.Min());
            double best = load[most];
            (int From, int To) choice = (-1, -1);
            foreach (var i in shares[most])
            {
                // Move i, or swap it with j (j = −1: no partner).
                foreach (var j in shares[least].Append(-1))
                {
                    double delta = work[i] - (j < 0 ? 0 : work[j]);
                    double larger = Math.Max(load[most] - delta, load[least] + delta);
                    if (larger < best - 1e-9)
                    {
                        best = larger;
                        choice = (i, j);
                    }
                }
            }
            if (choice.From < 0)
            {
                break;
            }

            double moved = work[choice.From] - (choice.To < 0 ? 0 : work[choice.To]);
            shares[most].Remove(choice.From);
            shares[least].Add(choice.From);
            if (choice.To >= 0)
            {
                shares[least].Remove(choice.To);
                shares[most].Add(choice.To);
            }

            load[most] -= moved;
            load[least] += moved;
        }

        foreach (var share in shares)
        {
            share.Sort();
        }

        return shares;
    }

    private static async Task<List<ChildRun>> RunChild(string fileName, List<string> arguments, string workingDirectory, List<string> paths,
        Action<ChildRun> finished, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The kernel's runtime settings (tiered JIT off), so a build child compiles Roslyn's code once.
        foreach (var (name, value) in Descent.Notebooks.Kernel.KernelSpecInstaller.EngineEnvironment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        using var kill = cancellationToken.Register(() =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // already exited
            }
        });
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var runs = new List<ChildRun>();
        var block = new StringBuilder();
        var watch = Stopwatch.StartNew();

        // `descent run` prints each notebook as a header line (its path, unindented) followed by indented cell lines
        // and a summary; a new header or the end of the output closes the block before it.
        void Close()
        {
            if (runs.Count >= paths.Count || block.Length == 0)
            {
                return;
            }

            var text = block.ToString();
            var cells = new List<(int, double)>();
            foreach (var line in text.Split('\n'))
            {
                var match = CellLine().Match(line);
                if (match.Success && double.TryParse(match.Groups[2].Value, NumberStyles.Float, CultureInfo.CurrentCulture, out var seconds))
                {
                    cells.Add((int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), seconds));
                }
            }

            var run = new ChildRun(paths[runs.Count], text, "", text.TrimEnd().EndsWith("outputs saved", StringComparison.Ordinal) ? 0 : 1, cells, watch.Elapsed);
            runs.Add(run);
            finished(run);
            block.Clear();
            watch.Restart();
        }

        while (await process.StandardOutput.ReadLineAsync(CancellationToken.None) is { } line)
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                Close();
            }

            block.Append(line).Append('\n');
        }

        Close();
        await process.WaitForExitAsync(CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
        var errors = await error;
        var exit = process.ExitCode;
        for (var i = runs.Count; i < paths.Count; i++)
        {
            runs.Add(new ChildRun(paths[i], "", "", exit == 0 ? 1 : exit, [], TimeSpan.Zero)); // never started: the child died
        }

        // The child's failure messages name their notebook; they go with its first failed notebook (or its last one).
        var blamed = runs.FindIndex(r => !r.Succeeded);
        if (exit != 0 && blamed < 0)
        {
            blamed = runs.Count - 1;
        }

        if (blamed >= 0)
        {
            var message = errors.Length > 0 ? errors : $"error: {paths[blamed]}: the run exited with code {exit}\n";
            runs[blamed] = runs[blamed] with { Error = message, ExitCode = exit == 0 ? 1 : exit };
            finished(runs[blamed] with { Output = "" }); // the message, once the child has ended
        }

        return runs;
    }

    /// <summary>Where the last build's per-notebook times are kept (under the git-ignored obj/).</summary>
    internal static string TimesFile(string root) => Path.Combine(root, "obj", "descent-build-times.json");

    /// <summary>The seconds each notebook took in the last build, by display path; empty when unknown.</summary>
    internal static Dictionary<string, double> LoadTimes(string root)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(TimesFile(root))) ?? [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return [];
        }
    }

    /// <summary>Stores the per-notebook times (merged with older ones), written atomically.</summary>
    internal static void SaveTimes(string root, IEnumerable<(string Notebook, double Seconds)> times)
    {
        var all = LoadTimes(root);
        foreach (var (notebook, seconds) in times)
        {
            all[notebook] = Math.Round(seconds, 2);
        }

        try
        {
            var file = TimesFile(root);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var temp = file + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(new SortedDictionary<string, double>(all, StringComparer.Ordinal)));
            File.Move(temp, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only an ordering hint for the next build.
        }
    }
}
