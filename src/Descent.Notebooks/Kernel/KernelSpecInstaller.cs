using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Descent.Notebooks.Kernel;

/// <summary>
/// Installs and removes the Descent kernel spec: <c>kernel.json</c> (argv, display name "C# (Descent)", language
/// <c>csharp</c>, <c>interrupt_mode: "message"</c>), two logos and <see cref="PlotlyFileName"/> (with its license), written
/// to a temporary directory that then replaces the spec directory, so a failed install never leaves a half-written spec.
/// Jupyter servers serve a spec's files at <c>{base_url}kernelspecs/NAME/FILE</c>; that is where a chart's HTML loads
/// plotly.js from when the page has none (after a refresh, in a second tab, from stored outputs), with no internet.
/// </summary>
public static partial class KernelSpecInstaller
{
    /// <summary>The default kernel name: what the chapters' kernelspec metadata names ("descent-csharp").</summary>
    public const string DefaultName = "descent-csharp";

    /// <summary>The display name front ends show.</summary>
    public const string DisplayName = "C# (Descent)";

    /// <summary>The plotly.js file in the spec's folder (the version is in its header comment).</summary>
    public const string PlotlyFileName = "plotly.min.js";

    /// <summary>
    /// Runtime settings of every process that runs cells: the kernel (through kernel.json) and <c>descent build</c>'s
    /// child processes. Every cell is a new Roslyn submission, and Roslyn ships as IL: with tiered compilation its hot
    /// paths were jitted again and again (tier 0, instrumented, tier 1) for hundreds of cells, a third of the CPU.
    /// Jitting each method once, optimized, halves a trivial cell's CPU and the completion time and runs the whole
    /// course with 40% less CPU. Without precompiled Roslyn a process would start about 3 s (CPU) slower; the Release
    /// build's ReadyToRun images take that away (bench/README.md, issues 14 and 16).
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Value)> EngineEnvironment = [("DOTNET_TieredCompilation", "0")];

    /// <summary>The kernel.json contents for <paramref name="argv"/> (which must contain <c>{connection_file}</c>).</summary>
    /// <param name="argv">The command line that starts the kernel.</param>
    /// <param name="name">The spec's name, passed to the kernel as <c>DESCENT_KERNEL_NAME</c> so its charts load plotly.js
    /// from this spec's folder.</param>
    public static JsonObject KernelJson(IReadOnlyList<string> argv, string name = DefaultName)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(argv);
        if (!argv.Contains("{connection_file}"))
        {
            throw new ArgumentException("argv must pass \"{connection_file}\" to the kernel", nameof(argv));
        }

        return new JsonObject
        {
            ["argv"] = new JsonArray(argv.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            ["display_name"] = DisplayName,
            ["language"] = "csharp",
            ["interrupt_mode"] = "message",
            ["env"] = new JsonObject(
                new Dictionary<string, JsonNode?>
                {
                    ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                    ["DOTNET_NOLOGO"] = "1",
                    [Formatting.ChartFormatter.KernelNameVariable] = name,
                }.Concat(EngineEnvironment.Select(v => KeyValuePair.Create(v.Name, (JsonNode?)v.Value)))),
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
    }

    /// <summary>Writes the spec <paramref name="name"/> under <paramref name="location"/>, replacing an older one.</summary>
    /// <returns>The spec directory.</returns>
    public static string Install(KernelSpecLocation location, string name, IReadOnlyList<string> argv)
    {
        ArgumentNullException.ThrowIfNull(location);
        ValidateName(name);
        var target = location.KernelDirectory(name);
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{name}.{Guid.NewGuid():N}.tmp");
        var backup = Path.Combine(parent, $".{name}.{Guid.NewGuid():N}.old");
        try
        {
            Directory.CreateDirectory(staging);
            var json = KernelJson(argv, name).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
            File.WriteAllText(Path.Combine(staging, "kernel.json"), json + "\n");
            File.WriteAllBytes(Path.Combine(staging, "logo-32x32.png"), KernelLogo.Png(32));
            File.WriteAllBytes(Path.Combine(staging, "logo-64x64.png"), KernelLogo.Png(64));
            File.WriteAllText(Path.Combine(staging, PlotlyFileName), Descent.Plots.PlotlyJs.Source);
            File.WriteAllText(Path.Combine(staging, PlotlyFileName + ".LICENSE.txt"), Descent.Plots.PlotlyJs.License);
            if (Directory.Exists(target))
            {
                Directory.Move(target, backup);
            }

            Directory.Move(staging, target);
        }
        catch
        {
            if (!Directory.Exists(target) && Directory.Exists(backup))
            {
                Directory.Move(backup, target);
            }

            throw;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            if (Directory.Exists(backup))
            {
                Directory.Delete(backup, recursive: true);
            }
        }

        return target;
    }

    /// <summary>Removes the spec <paramref name="name"/> from <paramref name="location"/>.</summary>
    /// <returns>The removed directory, or null when no such spec was installed there.</returns>
    public static string? Uninstall(KernelSpecLocation location, string name)
    {
        ArgumentNullException.ThrowIfNull(location);
        ValidateName(name);
        var target = location.KernelDirectory(name);
        if (!Directory.Exists(target))
        {
            return null;
        }

        Directory.Delete(target, recursive: true);
        return target;
    }

    /// <summary>Kernel names are what jupyter_client accepts: letters, digits, '.', '_', '-'.</summary>
    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!KernelName().IsMatch(name))
        {
            throw new ArgumentException($"kernel name '{name}' may contain only letters, digits, '.', '_' and '-'", nameof(name));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex KernelName();
}
