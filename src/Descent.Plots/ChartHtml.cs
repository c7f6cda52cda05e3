using System.Net;
using System.Text.RegularExpressions;
using Plotly.NET;

namespace Descent.Plots;

/// <summary>
/// Offline HTML for charts. <see cref="Fragment(GenericChart, string)"/> draws a chart with the plotly.js already on the page
/// (no CDN, no require.js); <see cref="JupyterFragment"/> loads plotly.js from the Jupyter server's kernel spec folder
/// when the page lacks it; <see cref="Page"/> writes a self-contained document with plotly.js inlined.
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
        var (json, height, id) = Prepare(chart, divId);
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

    /// <summary>
    /// A chart for a Jupyter front end's <c>text/html</c> output (classic Notebook, JupyterLab without a plotly renderer):
    /// a <c>&lt;div&gt;</c> plus an inline script that draws with <c>window.Plotly</c> when the page has it, and otherwise
    /// loads plotly.js from the Jupyter server it runs in, at <c>{base_url}kernelspecs/{kernelName}/plotly.min.js</c>
    /// (where <c>descent kernel install</c> puts <see cref="PlotlyJs.Source"/>): through require.js when the page has it
    /// (classic Notebook, where a plain script would clash with require.js's <c>define</c>), else through a script element,
    /// loaded once per page. Nothing comes from the internet, and the output draws after a refresh, in a second tab and
    /// from a trusted notebook's stored outputs, since it never relies on an earlier output having loaded plotly.js.
    /// </summary>
    /// <param name="chart">The chart.</param>
    /// <param name="divId">Element id: a letter followed by letters, digits, '-', '_', ':' or '.'; unique on the page.</param>
    /// <param name="kernelName">The kernel spec whose resource folder holds plotly.min.js (letters, digits, '.', '_', '-').</param>
    public static string JupyterFragment(GenericChart chart, string divId, string kernelName)
    {
        if (kernelName is null || !KernelNamePattern().IsMatch(kernelName))
        {
            throw new ArgumentException($"kernelName '{kernelName}' is not a kernel spec name: use letters, digits, '.', '_' or '-'.", nameof(kernelName));
        }

        var (json, height, id) = Prepare(chart, divId);
        return $$"""
            <div id="{{id}}" class="descent-chart" style="width:100%;height:{{height}}px;"></div>
            <script type="text/javascript">
            (function () {
              var id = "{{divId}}", kernel = "{{kernelName}}";
              var figure = {{json}};
              figure.config = Object.assign({ responsive: true, displaylogo: false }, figure.config || {});
              function el() { return document.getElementById(id); }
              function draw(P) { var d = el(); if (d) { d.textContent = ""; P.newPlot(d, figure); } }
              function fail(why) {
                var d = el();
                if (d) { d.style.height = "auto"; d.textContent = "This chart could not load plotly.js (" + why + "). Install the kernel with 'descent kernel install' (it puts plotly.js beside the kernel spec), then reload the page."; }
              }
              if (window.Plotly && window.Plotly.newPlot) { draw(window.Plotly); return; }
              function baseUrl() {
                var b = document.body && document.body.getAttribute("data-base-url");
                if (b) return b;
                var c = document.getElementById("jupyter-config-data");
                if (c) { try { var u = JSON.parse(c.textContent).baseUrl; if (u) return u; } catch (e) { } }
                var m = /^(.*?\/)(notebooks|lab|doc|tree|edit|voila)(\/|$)/.exec(window.location.pathname);
                return m ? m[1] : null;
              }
              var base = baseUrl();
              if (!base) { fail("this page is not served by a Jupyter server"); return; }
              if (base.charAt(base.length - 1) !== "/") base += "/";
              var url = base + "kernelspecs/" + kernel + "/plotly.min";
              var amd = typeof window.define === "function" && window.define.amd;
              if (amd && typeof window.requirejs === "function") {
                var name = "descent-plotly-" + kernel;
                var paths = {}; paths[name] = url;
                window.requirejs.config({ paths: paths });
                window.requirejs([name], function (P) { window.Plotly = window.Plotly || P; draw(P); },
                  function (e) { window.requirejs.undef(name); fail("could not load " + url + ".js"); });
                return;
              }
              var loading = window.__descentPlotly;
              if (!loading) {
                loading = window.__descentPlotly = new Promise(function (resolve, reject) {
                  var define = amd ? window.define : undefined;
                  if (define) window.define = undefined;
                  var s = document.createElement("script");
                  s.src = url + ".js";
                  s.onload = function () { if (define) window.define = define; window.Plotly ? resolve(window.Plotly) : reject(new Error("it did not define window.Plotly")); };
                  s.onerror = function () { if (define) window.define = define; window.__descentPlotly = null; reject(new Error("could not load " + url + ".js")); };
                  document.head.appendChild(s);
                });
              }
              loading.then(draw, function (e) { fail(e.message); });
            })();
            </script>
            """;
    }

    private static (string Json, int Height, string Id) Prepare(GenericChart chart, string divId)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (divId is null || !IdPattern().IsMatch(divId))
        {
            throw new ArgumentException($"divId '{divId}' is not a valid element id: use a letter followed by letters, digits, '-', '_', ':' or '.'.", nameof(divId));
        }

        var figure = ChartJson.ToFigure(chart);
        int height = figure["layout"]?["height"]?.Type == Newtonsoft.Json.Linq.JTokenType.Integer ? (int)figure["layout"]!["height"]! : Theme.Current.Height;
        // "<" only occurs inside JSON strings; \u003c keeps "</script>" or "<!--" in a title from ending the script element.
        string json = figure.ToString(Newtonsoft.Json.Formatting.None).Replace("<", "\\u003c", StringComparison.Ordinal);
        return (json, height, WebUtility.HtmlEncode(divId));
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
        if (charts.Length == 0)
        {
            throw new ArgumentException("give at least one chart.", nameof(charts));
        }

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

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex KernelNamePattern();
}
