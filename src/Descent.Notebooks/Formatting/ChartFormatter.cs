using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Descent.Plots;
using Plotly.NET;

namespace Descent.Notebooks.Formatting;

/// <summary>
/// Turns a Plotly.NET chart into Jupyter mime data that draws with no internet:
/// <c>application/vnd.plotly.v1+json</c> (the figure, from <see cref="ChartJson"/>), <c>text/html</c> (a div and a
/// script that calls <c>Plotly.newPlot</c> on the plotly.js already on the page, from <see cref="ChartHtml"/>) and
/// <c>text/plain</c>.
/// </summary>
public static class ChartFormatter
{
    /// <summary>The figure JSON <c>{"data": [...], "layout": {...}, "frames": [...]}</c> of <paramref name="chart"/>.</summary>
    public static string FigureJson(GenericChart chart) => ChartJson.ToPlotlyJson(chart);

    /// <summary>
    /// HTML that draws the chart in a div whose id is derived from the figure and <paramref name="ordinal"/>, so a rerun
    /// stores identical outputs and two charts on one page never share an id.
    /// </summary>
    public static string Html(GenericChart chart, string figureJson, int ordinal)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(figureJson)))[..10].ToLowerInvariant();
        return ChartHtml.Fragment(chart, $"descent-plot-{hash}-{ordinal}");
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
