using System.Diagnostics;

namespace Descent.Cli;

/// <summary>
/// KaTeX for offline math in the site: installed once with npm into the git-ignored <c>.cache/katex</c> folder, then
/// copied into every site's <c>assets/katex</c>. Pages never load it from the internet.
/// </summary>
internal static class Katex
{
    /// <summary>The KaTeX <c>dist</c> folder, installing it with npm if needed; <c>null</c> (with a warning) when npm is
    /// unavailable or fails, in which case the site shows math as TeX source.</summary>
    public static string? EnsureDist(string root, string version, CliContext context)
    {
        var prefix = Path.Combine(root, ".cache", "katex");
        var dist = Path.Combine(prefix, "node_modules", "katex", "dist");
        if (File.Exists(Path.Combine(dist, "katex.min.js")) && VersionOf(prefix) == version)
        {
            return dist;
        }

        Directory.CreateDirectory(prefix);
        try
        {
            var start = new ProcessStartInfo("npm", ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--no-save", $"katex@{version}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var npm = Process.Start(start)!;
            var stderr = npm.StandardError.ReadToEndAsync();
            _ = npm.StandardOutput.ReadToEndAsync();
            if (!npm.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                npm.Kill(entireProcessTree: true);
                context.Error.WriteLine("warning: npm install katex timed out; math is shown as TeX source");
                return null;
            }

            if (npm.ExitCode != 0 || !File.Exists(Path.Combine(dist, "katex.min.js")))
            {
                context.Error.WriteLine($"warning: npm install katex@{version} failed; math is shown as TeX source. {stderr.Result.Trim().Split('\n').LastOrDefault()}");
                return null;
            }

            return dist;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            context.Error.WriteLine("warning: npm is not installed; math is shown as TeX source (install Node.js to render it with KaTeX)");
            return null;
        }
    }

    private static string? VersionOf(string prefix)
    {
        var package = Path.Combine(prefix, "node_modules", "katex", "package.json");
        if (!File.Exists(package))
        {
            return null;
        }

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(package));
        return json.RootElement.TryGetProperty("version", out var v) ? v.GetString() : null;
    }
}
