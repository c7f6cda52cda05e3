using System.Reflection;

namespace Descent.Notebooks.Formatting;

/// <summary>The plotly.js bundled inside the Plotly.NET package (no download, no CDN).</summary>
public static class PlotlyJs
{
    private static readonly Lazy<string> Source = new(Load);

    /// <summary>The minified plotly.js source shipped with Plotly.NET.</summary>
    public static string MinifiedSource => Source.Value;

    /// <summary>The plotly.js version, read from the embedded resource's name (e.g. <c>2.28.0</c>).</summary>
    public static string Version => ResourceName()["Plotly.NET.plotly-".Length..^".min.js".Length];

    private static string ResourceName()
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        return assembly.GetManifestResourceNames().Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal)
                                                              && n.EndsWith(".min.js", StringComparison.Ordinal));
    }

    private static string Load()
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourceName())
                           ?? throw new InvalidOperationException("Plotly.NET no longer embeds plotly.js; the offline charts need it.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// HTML that loads plotly.js inline as <c>window.Plotly</c>, hiding an AMD loader (require.js in classic
    /// Jupyter) while it runs so the bundle registers a global instead of an anonymous module.
    /// </summary>
    public static string InlineScriptHtml() =>
        "<script type=\"text/javascript\">window.__descentDefine = window.define; window.define = undefined;</script>\n"
        + "<script type=\"text/javascript\">" + MinifiedSource.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase) + "</script>\n"
        + "<script type=\"text/javascript\">window.define = window.__descentDefine;</script>\n";
}
