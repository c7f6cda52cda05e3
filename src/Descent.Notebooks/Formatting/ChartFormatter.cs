using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Descent.Plots;
using Plotly.NET;

namespace Descent.Notebooks.Formatting;

/// <summary>
/// Turns a Plotly.NET chart into Jupyter mime data that draws with no internet:
/// <c>application/vnd.plotly.v1+json</c> (the figure, from <see cref="ChartJson"/>: VS Code and JupyterLab with a plotly
/// renderer draw it), <c>text/html</c> (for classic Notebook and JupyterLab without one: a div and a script that draws with
/// the page's plotly.js, or loads it from the kernel spec's folder on the Jupyter server, from
/// <see cref="ChartHtml.JupyterFragment"/>) and <c>text/plain</c>.
/// </summary>
public static class ChartFormatter
{
    /// <summary>The figure JSON <c>{"data": [...], "layout": {...}, "frames": [...]}</c> of <paramref name="chart"/>.</summary>
    public static string FigureJson(GenericChart chart) => ChartJson.ToPlotlyJson(chart);

    /// <summary>The environment variable through which the kernel spec tells the kernel its own name (set in
    /// <c>kernel.json</c> by <c>descent kernel install</c>), so charts load plotly.js from that spec's folder.</summary>
    public const string KernelNameVariable = "DESCENT_KERNEL_NAME";

    /// <summary>The kernel spec whose folder serves plotly.js: <see cref="KernelNameVariable"/> when set to a valid name,
    /// else the chapters' <c>descent-csharp</c> (what <c>descent run</c> stores outputs for).</summary>
    public static string KernelName =>
        Environment.GetEnvironmentVariable(KernelNameVariable) is { Length: > 0 } name && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            ? name
            : Kernel.KernelSpecInstaller.DefaultName;

    /// <summary>
    /// HTML that draws the chart in a div whose id is derived from the figure and <paramref name="ordinal"/>, so a rerun
    /// stores identical outputs and two charts on one page never share an id. It loads plotly.js from
    /// <c>{base_url}kernelspecs/<see cref="KernelName"/>/plotly.min.js</c> when the page has none.
    /// </summary>
    public static string Html(GenericChart chart, string figureJson, int ordinal)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(figureJson)))[..10].ToLowerInvariant();
        return ChartHtml.JupyterFragment(chart, $"descent-plot-{hash}-{ordinal}", KernelName);
    }

    /// <summary>A one-line description of the chart for <c>text/plain</c>, e.g. <c>Chart: 3 traces, "Rosenbrock"</c>.</summary>
    public static string PlainText(string figureJson)
    {
        var figure = JsonNode.Parse(figureJson);
        var traces = (figure?["data"] as JsonArray)?.Count ?? 0;
        var frames = (figure?["frames"] as JsonArray)?.Count ?? 0;
        var title = figure?["layout"]?["title"] switch
        {
            JsonValue v when v.TryGetValue(out string? s) => s,
            JsonObject o => o["text"]?.GetValue<string>(),
            _ => null,
        };
        return $"Chart: {traces} trace{(traces == 1 ? "" : "s")}{(frames > 0 ? $", {frames} frames" : "")}{(string.IsNullOrEmpty(title) ? "" : $", \"{title}\"")}";
    }
}
