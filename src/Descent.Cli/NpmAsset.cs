using System.Diagnostics;

namespace Descent.Cli;

/// <summary>
/// A JavaScript package the offline site vendors from npm (KaTeX for math, reveal.js for slides): installed once into
/// the git-ignored <c>.cache/NAME</c> folder, then copied into the site's <c>assets/</c>. Pages never load it from the
/// internet.
/// </summary>
/// <param name="Package">The npm package name, e.g. <c>katex</c>.</param>
/// <param name="Version">The exact version to install.</param>
/// <param name="ProbeFile">A file inside <c>dist/</c> whose presence shows the install worked.</param>
/// <param name="WithoutIt">What the site does without the package, for the warning (e.g. "math is shown as TeX source").</param>
internal sealed record NpmAsset(string Package, string Version, string ProbeFile, string WithoutIt)
{
    /// <summary>KaTeX: offline math in the site and the slides.</summary>
    public static readonly NpmAsset Katex = new("katex", "0.16.22", "katex.min.js", "math is shown as TeX source");

    /// <summary>reveal.js: the lecturer's slide decks (<c>descent build --slides</c>).</summary>
    public static readonly NpmAsset Reveal = new("reveal.js", "6.0.2", "reveal.js", "no slide decks are written");

    /// <summary>The package's <c>dist</c> folder, installing it with npm if needed; <c>null</c> (with a warning) when
    /// npm is unavailable or fails.</summary>
    public string? EnsureDist(string root, CliContext context)
    {
        var prefix = Path.Combine(root, ".cache", Package.Replace(".", "", StringComparison.Ordinal));
        var dist = Path.Combine(prefix, "node_modules", Package, "dist");
        if (File.Exists(Path.Combine(dist, ProbeFile)) && InstalledVersion(prefix) == Version)
        {
            return dist;
        }

        Directory.CreateDirectory(prefix);
        try
        {
            var start = new ProcessStartInfo("npm", ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--no-save", $"{Package}@{Version}"])
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
                context.Error.WriteLine($"warning: npm install {Package} timed out; {WithoutIt}");
                return null;
            }

            if (npm.ExitCode != 0 || !File.Exists(Path.Combine(dist, ProbeFile)))
            {
                context.Error.WriteLine($"warning: npm install {Package}@{Version} failed; {WithoutIt}. {stderr.Result.Trim().Split('\n').LastOrDefault()}");
                return null;
            }

            return dist;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            context.Error.WriteLine($"warning: npm is not installed; {WithoutIt} (install Node.js to get {Package})");
            return null;
        }
    }

    private string? InstalledVersion(string prefix)
    {
        var package = Path.Combine(prefix, "node_modules", Package, "package.json");
        if (!File.Exists(package))
        {
            return null;
        }

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(package));
        return json.RootElement.TryGetProperty("version", out var v) ? v.GetString() : null;
    }
}
