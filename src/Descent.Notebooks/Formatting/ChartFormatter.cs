using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Plotly.NET;

namespace Descent.Notebooks.Formatting;

/// <summary>
/// Turns a Plotly.NET chart into Jupyter mime data that draws with no internet:
/// <c>application/vnd.plotly.v1+json</c> (the figure), <c>text/html</c> (a div and a script that calls
/// <c>Plotly.newPlot</c> on an already loaded plotly.js) and <c>text/plain</c>.
/// </summary>
public static class ChartFormatter
{
    /// <summary>The figure JSON <c>{"data": [...], "layout": {...}, "config": {...}}</c> of <paramref name="chart"/>.</summary>
    public static string FigureJson(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var figure = JsonNode.Parse(GenericChart.toFigureJson(chart))!.AsObject();
        var config = JsonNode.Parse(JsonSerializer.Serialize(GenericChart.getConfig(chart), new JsonSerializerOptions()));
        if (!figure.ContainsKey("config") && config is JsonObject { Count: > 0 })
        {
            figure["config"] = config;
        }

        return figure.ToJsonString();
    }

    /// <summary>
    /// HTML that draws the figure in an element with a content-derived id. If plotly.js is not loaded the
    /// element says so instead of staying blank.
    /// </summary>
    public static string Html(string figureJson)
    {
        var id = "descent-plot-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(figureJson)))[..12].ToLowerInvariant()
                 + "-" + Guid.NewGuid().ToString("N")[..6];
        var safeJson = figureJson.Replace("</", "<\\/", StringComparison.Ordinal);
        return $$"""
            <div id="{{id}}" class="descent-plot" style="width:100%;min-height:420px;"></div>
            <script type="text/javascript">
            (function () {
              var fig = {{safeJson}};
              var el = document.getElementById("{{id}}");
              function draw() { Plotly.newPlot(el, fig.data, fig.layout || {}, Object.assign({responsive: true}, fig.config || {})); if (fig.frames) { Plotly.addFrames(el, fig.frames); } }
              if (window.Plotly) { draw(); }
              else { el.style.minHeight = ""; el.innerHTML = "<em>Chart: plotly.js is not loaded here. Rerun the cell with the Descent kernel, or open the course site.</em>"; }
            })();
            </script>
            """;
    }

    /// <summary>A one-line description of the chart for <c>text/plain</c>.</summary>
    public static string PlainText(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var traces = GenericChart.countTrace(chart);
        var layout = JsonNode.Parse(GenericChart.toFigureJson(chart))?["layout"];
        var title = layout?["title"]?["text"]?.GetValue<string>();
        return $"Chart: {traces} trace(s){(string.IsNullOrEmpty(title) ? "" : $", \"{title}\"")}";
    }
}
