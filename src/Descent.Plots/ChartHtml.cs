using System.Net;
using System.Text.RegularExpressions;
using Plotly.NET;

namespace Descent.Plots;

/// <summary>
/// Offline HTML for charts. <see cref="Fragment(GenericChart, string)"/> draws a chart with the plotly.js already on the page
/// (no CDN, no require.js); <see cref="Page"/> writes a self-contained document with plotly.js inlined.
/// </summary>
public static partial class ChartHtml
{
    private static int s_counter;

    /// <summary>
    /// A <c>&lt;div&gt;</c> plus an inline script that calls <c>Plotly.newPlot(divId, figure)</c> with the chart's data, layout
    /// and frames. It waits (up to 10 s) for <c>window.Plotly</c> if plotly.js is loaded later on the page, and never fetches
    /// anything.
    /// </summary>
    /// <param name="chart">The chart.</param>
    /// <param name="divId">Element id: a letter followed by letters, digits, '-', '_', ':' or '.'; unique on the page.</param>
    public static string Fragment(GenericChart chart, string divId)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (divId is null || !IdPattern().IsMatch(divId))
            throw new ArgumentException($"divId '{divId}' is not a valid element id: use a letter followed by letters, digits, '-', '_', ':' or '.'.", nameof(divId));
        var figure = ChartJson.ToFigure(chart);
        int height = figure["layout"]?["height"]?.Type == Newtonsoft.Json.Linq.JTokenType.Integer ? (int)figure["layout"]!["height"]! : Theme.Current.Height;
        // "<" only occurs inside JSON strings; \u003c keeps "</script>" or "<!--" in a title from ending the script element.
        string json = figure.ToString(Newtonsoft.Json.Formatting.None).Replace("<", "\\u003c", StringComparison.Ordinal);
        string id = WebUtility.HtmlEncode(divId);
        return $$"""
            <div id="{{id}}" class="descent-chart" style="width:100%;height:{{height}}px;"></div>
            <script type="text/javascript">
            (function () {
              var figure = {{json}};
              figure.config = Object.assign({ responsive: true, displaylogo: false }, figure.config || {});
              function draw() { window.Plotly.newPlot("{{divId}}", figure); }
              if (window.Plotly) { draw(); return; }
              var tries = 0;
              var wait = setInterval(function () {
                if (window.Plotly) { clearInterval(wait); draw(); }
                else if (++tries > 200) {
                  clearInterval(wait);
                  var el = document.getElementById("{{divId}}");
                  if (el) el.textContent = "This chart needs plotly.js on the page (Descent.Plots.PlotlyJs.ScriptTag()).";
                }
              }, 50);
            })();
            </script>
            """;
    }

    /// <summary>A fragment with a fresh id ("descent-chart-N", N counting up in this process).</summary>
    public static string Fragment(GenericChart chart) =>
        Fragment(chart, "descent-chart-" + Interlocked.Increment(ref s_counter).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A complete HTML document that draws the charts offline: plotly.js inlined once, then one fragment per chart.</summary>
    /// <param name="title">Document title.</param>
    /// <param name="charts">Charts to draw, top to bottom.</param>
    public static string Page(string title, params GenericChart[] charts)
    {
        ArgumentNullException.ThrowIfNull(charts);
        if (charts.Length == 0) throw new ArgumentException("give at least one chart.", nameof(charts));
        var body = string.Join("\n", charts.Select((c, k) => Fragment(c, $"chart-{k + 1}")));
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{WebUtility.HtmlEncode(title ?? "Descent chart")}</title>
            {PlotlyJs.ScriptTag()}
            </head>
            <body style="margin:0;padding:8px;font-family:sans-serif;">
            {body}
            </body>
            </html>
            """;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_:.\\-]*$")]
    private static partial Regex IdPattern();
}
