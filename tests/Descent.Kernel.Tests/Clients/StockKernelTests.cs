using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Descent.Kernel.Tests.Clients;

/// <summary>
/// The chapters run unchanged in the stock .NET Interactive Jupyter kernel (the tool pinned in
/// .config/dotnet-tools.json, which Polyglot Notebooks also runs), driven by nbclient: their first cell
/// <c>#load "descent.csx"</c> references the built library and draws charts, and no cell fails.
/// </summary>
/// <remarks>Does what the README tells a student: <c>dotnet tool restore</c>, <c>dotnet build src/Descent.Plots</c>,
/// <c>dotnet tool run dotnet-interactive -- jupyter install</c> (here into a temporary JUPYTER_PATH, never the user's).
/// In the "Jupyter clients" collection so it does not compete for the two cores with the Descent kernel's client tests.</remarks>
[Collection(JupyterClientsCollection.Name)]
public sealed class StockKernelTests(JupyterClients clients, ITestOutputHelper output)
{
    /// <summary>The stock kernel's spec name for C# (written by <c>dotnet-interactive jupyter install</c>).</summary>
    private const string StockKernelName = ".net-csharp";

    /// <summary>The two quickest chapters in the stock kernel (about 40–50 s each on two busy cores), with 9 and 7 charts.</summary>
    private static readonly string[] Chapters = ["04-cliffs.ipynb", "05-long-term-dependencies.ipynb"];

    [Fact]
    public void Chapters_RunInTheStockDotnetInteractiveKernel_WithoutErrors_AndWithCharts()
    {
        var python = clients.Harness.Python; // fails first, with the packages to install, where Jupyter's clients are missing
        var root = clients.Harness.RepositoryRoot;
        var clock = Stopwatch.StartNew();

        Run(root, TimeSpan.FromMinutes(5), "dotnet", "tool", "restore");
        output.WriteLine($"dotnet tool restore: {clock.Elapsed.TotalSeconds:F1} s");
        var step = clock.Elapsed;
        // No build nodes or compiler server left behind: they would hold this process's output pipes open.
        Run(root, TimeSpan.FromMinutes(10), "dotnet", "build", "src/Descent.Plots", "--nologo", "-v", "q", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        output.WriteLine($"dotnet build src/Descent.Plots: {(clock.Elapsed - step).TotalSeconds:F1} s");
        foreach (var dll in new[] { "Descent.dll", "Descent.Plots.dll", "Plotly.NET.dll", "MathNet.Numerics.dll" })
        {
            // The paths notebooks/descent.csx references.
            Assert.True(File.Exists(Path.Combine(root, "src", "Descent.Plots", "bin", "Debug", "net10.0", dll)),
                        $"dotnet build src/Descent.Plots did not put {dll} in src/Descent.Plots/bin/Debug/net10.0/");
        }

        var jupyterPath = Path.Combine(clients.Harness.Scratch, "stock-jupyter");
        var kernels = Path.Combine(jupyterPath, "kernels");
        Directory.CreateDirectory(kernels);
        step = clock.Elapsed;
        Run(root, TimeSpan.FromMinutes(2), "dotnet", "tool", "run", "dotnet-interactive", "--", "jupyter", "install", "--path", kernels);
        output.WriteLine($"dotnet-interactive jupyter install: {(clock.Elapsed - step).TotalSeconds:F1} s");
        var specPath = Path.Combine(kernels, StockKernelName, "kernel.json");
        Assert.True(File.Exists(specPath), $"dotnet-interactive jupyter install wrote no {specPath}");
        // The spec as installed, plus --http-local-only: the kernel's HTTP side listens on loopback only while tests run.
        var spec = JsonNode.Parse(File.ReadAllText(specPath))!;
        spec["argv"]!.AsArray().Add("--http-local-only");
        File.WriteAllText(specPath, spec.ToJsonString());

        var paths = Chapters.Select(c => Path.Combine(root, "notebooks", c)).ToArray();
        var before = paths.Select(File.ReadAllBytes).ToArray();
        step = clock.Elapsed;
        var results = clients.Harness.RunDriverIn(jupyterPath, StockKernelName, ["notebooks", .. paths]).AsObject();
        output.WriteLine($"nbclient, {Chapters.Length} chapters: {(clock.Elapsed - step).TotalSeconds:F1} s (python: {python})");

        Assert.Equal(Chapters, results.Select(r => r.Key).Order(StringComparer.Ordinal));
        foreach (var (name, result) in results)
        {
            output.WriteLine($"  {name}: {result!["seconds"]!.GetValue<double>():F1} s, {result["code_cells"]} code cells, " +
                             $"{result["charts"]} charts ({result["stored_charts"]} stored)");
            Assert.True(result["failure"] is null, $"{name}: {result["failure"]}");
            Assert.True(result["errors"]!.AsArray().Count == 0, $"{name}: error outputs in the stock kernel {result["errors"]!.ToJsonString()}");
            // Every chart the chapter shows with the Descent kernel is drawn here too (Descent's chart HTML).
            var stored = result["stored_charts"]!.GetValue<int>();
            Assert.True(stored > 0, $"{name} is stored without charts; the test needs a chapter that draws some");
            Assert.Equal(stored, result["charts"]!.GetValue<int>());
        }

        // "Unchanged": nbclient ran them in memory; the files are as they were.
        Assert.Equal(before, paths.Select(File.ReadAllBytes).ToArray());
    }

    private static void Run(string workingDirectory, TimeSpan timeout, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var (code, stdout, stderr) = KernelHarness.RunProcess(start, timeout);
        Assert.True(code == 0, $"{file} {string.Join(' ', arguments)} exited {code}\n{stdout}\n{stderr}");
    }
}
