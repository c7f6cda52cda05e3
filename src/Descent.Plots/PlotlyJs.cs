using System.Reflection;
using Plotly.NET;

namespace Descent.Plots;

/// <summary>
/// The plotly.js library that ships inside the Plotly.NET package (an embedded resource of the Plotly.NET assembly),
/// so pages and notebooks can draw charts with no internet access.
/// </summary>
public static class PlotlyJs
{
    private const string ResourcePrefix = "Plotly.NET.plotly-";
    private const string ResourceSuffix = ".min.js";

    private static readonly Lazy<string> s_resourceName = new(FindResource);
    private static readonly Lazy<string> s_source = new(() => Read(s_resourceName.Value));

    /// <summary>The plotly.js version, e.g. "2.28.0" (from the embedded file's name).</summary>
    public static string Version => s_resourceName.Value[ResourcePrefix.Length..^ResourceSuffix.Length];

    /// <summary>The minified plotly.js source (about 3.6 MB); it defines <c>window.Plotly</c> when run in a page.</summary>
    public static string Source => s_source.Value;

    /// <summary>A file name for the library, e.g. "plotly-2.28.0.min.js", for sites that write it once and link it.</summary>
    public static string FileName => $"plotly-{Version}.min.js";

    /// <summary>plotly.js's third-party license notices (the LICENSE.txt shipped next to it).</summary>
    public static string License => Read(s_resourceName.Value + ".LICENSE.txt");

    /// <summary>An inline <c>&lt;script&gt;</c> element holding the whole library (no src, no network).</summary>
    public static string ScriptTag() =>
        "<script type=\"text/javascript\">" + Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase) + "</script>";

    /// <summary>Writes the library to <paramref name="directory"/>/<see cref="FileName"/> and returns the file's path.</summary>
    public static string WriteTo(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        File.WriteAllText(path, Source);
        return path;
    }

    private static Assembly PlotlyAssembly => typeof(GenericChart).Assembly;

    private static string FindResource() =>
        PlotlyAssembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            .OrderByDescending(n => n.Length).ThenByDescending(n => n, StringComparer.Ordinal)
            .FirstOrDefault()
        ?? throw new InvalidOperationException(
            $"plotly.js is not embedded in {PlotlyAssembly.GetName().Name} {PlotlyAssembly.GetName().Version}; expected a resource named {ResourcePrefix}<version>{ResourceSuffix}.");

    private static string Read(string resource)
    {
        using var stream = PlotlyAssembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"resource {resource} is missing from {PlotlyAssembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
