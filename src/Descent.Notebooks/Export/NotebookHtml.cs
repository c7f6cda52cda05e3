using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Descent.Notebooks.Ipynb;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Descent.Notebooks.Export;

/// <summary>
/// Renders one notebook as the body of an HTML page: Markdown through Markdig (math left as <c>\(…\)</c> and
/// <c>\[…\]</c> for the site's offline KaTeX), highlighted code, and stored outputs. Charts are drawn from their
/// Plotly figure JSON with the site's single copy of plotly.js; nothing is loaded from the internet.
/// </summary>
public static partial class NotebookHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()   // tables, footnotes, task lists, auto-identifiers, math (\(…\) / \[…\] spans)
        .Build();

    /// <summary>The first Markdown heading of the notebook, or <c>null</c>.</summary>
    public static string? Title(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        foreach (var cell in notebook.Cells.Where(c => c.CellType == "markdown"))
        {
            var match = Heading().Match(cell.Source);
            if (match.Success)
            {
                return match.Groups[1].Value.Trim();
            }
        }

        return null;
    }

    /// <summary>The notebook's cells as HTML.</summary>
    public static string Body(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var html = new StringBuilder();
        var charts = new ChartCounter(deferred: false);
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            html.Append(Cell(notebook.Cells[i], i + 1, charts));
        }

        return html.ToString();
    }

    /// <summary>One cell as HTML: Markdown, or highlighted source with its stored outputs. Charts are drawn at once,
    /// or — when <paramref name="charts"/> is deferred (slides) — left as figure JSON that the page draws when the
    /// chart becomes visible.</summary>
    internal static string Cell(NotebookCell cell, int cellNumber, ChartCounter charts)
    {
        // In a reveal.js deck a nested <section> is a slide of its own, so slides wrap cells in <div>s.
        var tag = charts.Deferred ? "div" : "section";
        switch (cell.CellType)
        {
            case "markdown":
                return $"<{tag} class=\"cell markdown\">\n{Markdown(cell.Source)}</{tag}>\n";
            case "code":
                var html = new StringBuilder($"<{tag} class=\"cell code\" id=\"cell-{cellNumber}\">\n");
                html.Append($"<div class=\"prompt\">[{cell.ExecutionCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? " "}]</div>");
                html.Append("<pre class=\"source\"><code>").Append(CSharpHighlighter.ToHtml(cell.Source)).Append("</code></pre>\n");
                foreach (var output in cell.Outputs)
                {
                    html.Append(Output(output, charts));
                }

                return html.Append($"</{tag}>\n").ToString();
            default:
                return $"<pre class=\"raw\">{WebUtility.HtmlEncode(cell.Source)}</pre>\n";
        }
    }

    /// <summary>Markdown to HTML; links to other notebooks (<c>x.ipynb</c>) point at their pages (<c>x.html</c>).</summary>
    public static string Markdown(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdig.Markdown.Parse(markdown, Pipeline);

        // Markdig reads $$…$$ inside a paragraph as inline math; Jupyter, VS Code and the seeds mean display math.
        foreach (var math in document.Descendants<MathInline>().Where(m => m.DelimiterCount >= 2).ToList())
        {
            math.ReplaceBy(new HtmlInline($"<span class=\"math display\">\\[{WebUtility.HtmlEncode(math.Content.ToString())}\\]</span>"));
        }

        var html = document.ToHtml(Pipeline);
        return IpynbLink().Replace(html, m => $"href=\"{m.Groups[1].Value}.html{m.Groups[2].Value}\"");
    }

    private static string Output(JsonObject output, ChartCounter charts)
    {
        switch (output["output_type"]?.GetValue<string>())
        {
            case "stream":
                var name = output["name"]?.GetValue<string>() == "stderr" ? "stderr" : "stdout";
                return $"<pre class=\"output {name}\">{WebUtility.HtmlEncode(Notebook.JoinLines(output["text"]))}</pre>\n";
            case "error":
                var traceback = (output["traceback"] as JsonArray)?.Select(n => n?.GetValue<string>() ?? "") ?? [];
                var text = string.Join("\n", traceback);
                if (string.IsNullOrWhiteSpace(text))
                {
                    text = $"{output["ename"]}: {output["evalue"]}";
                }

                return $"<pre class=\"output error\">{WebUtility.HtmlEncode(AnsiEscape().Replace(text, ""))}</pre>\n";
            case "display_data" or "execute_result":
                return $"<div class=\"output display\">{Data(output["data"] as JsonObject ?? [], charts)}</div>\n";
            default:
                return "";
        }
    }

    private static string Data(JsonObject data, ChartCounter charts)
    {
        if (data[MimeTypes.PlotlyJson] is JsonObject figure)
        {
            var id = $"chart-{charts.Next()}";
            var json = figure.ToJsonString().Replace("<", "\\u003c", StringComparison.Ordinal);
            var height = figure["layout"]?["height"] is JsonValue h && h.TryGetValue(out int px) ? px : 450;
            if (charts.Deferred)
            {
                return $"<div id=\"{id}\" class=\"chart deferred\"></div><script type=\"application/json\" data-chart=\"{id}\">{json}</script>";
            }

            return $$"""
                <div id="{{id}}" class="chart" style="width:100%;height:{{height}}px;"></div>
                <script>(function () { var f = {{json}}; f.config = Object.assign({responsive: true, displaylogo: false}, f.config || {}); Plotly.newPlot("{{id}}", f); })();</script>
                """;
        }

        if (data["image/png"] is { } png)
        {
            return $"<img alt=\"figure\" src=\"data:image/png;base64,{WebUtility.HtmlEncode(Notebook.JoinLines(png).Replace("\n", ""))}\">";
        }

        if (data["image/svg+xml"] is { } svg && !RemoteResource().IsMatch(Notebook.JoinLines(svg)))
        {
            return Notebook.JoinLines(svg);
        }

        if (data[MimeTypes.Html] is { } htmlNode)
        {
            var html = Notebook.JoinLines(htmlNode);
            if (!RemoteResource().IsMatch(html) && !html.Contains("<script", StringComparison.OrdinalIgnoreCase))
            {
                return html;
            }
        }

        if (data[MimeTypes.Markdown] is { } md)
        {
            return Markdown(Notebook.JoinLines(md));
        }

        return $"<pre>{WebUtility.HtmlEncode(Notebook.JoinLines(data[MimeTypes.PlainText]))}</pre>";
    }

    [GeneratedRegex(@"^\s{0,3}#{1,2}\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex("href=\"(?!https?:)([^\"#]+)\\.ipynb(#[^\"]*)?\"")]
    private static partial Regex IpynbLink();

    [GeneratedRegex("""(src|href)\s*=\s*["']?(https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteResource();

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex AnsiEscape();
}
