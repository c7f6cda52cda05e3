using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Descent.Notebooks.Ipynb;

namespace Descent.Notebooks.Export;

/// <summary>
/// Lecturer mode: a chapter as a reveal.js slide deck, offline. Slides follow the cells' <c>slideshow</c> metadata
/// (the convention of RISE, JupyterLab and VS Code slide tools: <c>slide</c>, <c>subslide</c>, <c>fragment</c>,
/// <c>skip</c>, <c>notes</c>, <c>-</c>); a notebook without it is cut at its <c>#</c>/<c>##</c>/<c>###</c> headings.
/// Charts are drawn when their slide is shown, with fonts large enough for a lecture hall.
/// </summary>
public static partial class SlideDeck
{
    /// <summary>Chart fonts on slides (pixels); the site uses Plotly's default 12.</summary>
    public const int ChartFontSize = 20;

    /// <summary>The cells grouped into slides: each inner list is one slide's cells, with their slide types.</summary>
    public static IReadOnlyList<IReadOnlyList<(NotebookCell Cell, string SlideType)>> Slides(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var slides = new List<List<(NotebookCell, string)>>();
        foreach (var cell in notebook.Cells.SelectMany(SplitAtHeadings))
        {
            var type = SlideType(cell);
            if (type == "skip" || (cell.CellType == "code" && cell.Source.Trim() == "#load \"descent.csx\""))
            {
                continue;
            }

            if (slides.Count == 0 || type is "slide" or "subslide")
            {
                slides.Add([]);
            }

            slides[^1].Add((cell, type));
        }

        return slides;
    }

    /// <summary>The deck's HTML page. <paramref name="root"/> leads from the deck to the site's root (<c>../</c>).</summary>
    public static string Html(Notebook notebook, string title, string root, bool katex)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(root);
        var body = new StringBuilder();
        var charts = new ChartCounter(deferred: true);
        var number = 0;
        foreach (var slide in Slides(notebook))
        {
            body.Append("<section>\n");
            foreach (var (cell, type) in slide)
            {
                number++;
                var html = NotebookHtml.Cell(cell, number, charts);
                body.Append(type switch
                {
                    "fragment" => $"<div class=\"fragment\">{html}</div>",
                    "notes" => $"<aside class=\"notes\">{html}</aside>",
                    _ => html,
                });
            }

            body.Append("</section>\n");
        }

        var math = katex ? SiteBuilder.MathHead(root) : "";
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(title)}} — slides</title>
            <link rel="stylesheet" href="{{root}}assets/reveal/reset.css">
            <link rel="stylesheet" href="{{root}}assets/reveal/reveal.css">
            <link rel="stylesheet" href="{{root}}assets/reveal/theme/white.css">
            <link rel="stylesheet" href="{{root}}assets/site.css">
            <link rel="stylesheet" href="{{root}}assets/slides.css">
            <script src="{{root}}assets/plotly.min.js"></script>
            {{math}}
            </head>
            <body>
            <div class="reveal"><div class="slides">
            {{body}}</div></div>
            <script src="{{root}}assets/reveal/reveal.js"></script>
            <script src="{{root}}assets/reveal/plugin/notes.js"></script>
            <script>
            (function () {
              function draw(slide) {
                if (!slide) return;
                slide.querySelectorAll("div.chart.deferred").forEach(function (div) {
                  if (div.dataset.drawn) { Plotly.Plots.resize(div); return; }
                  var f = JSON.parse(document.querySelector('script[data-chart="' + div.id + '"]').textContent);
                  f.layout = f.layout || {};
                  f.layout.font = Object.assign({}, f.layout.font || {}, { size: {{ChartFontSize}} });
                  f.layout.height = Math.max(360, Math.round(window.innerHeight * 0.62));
                  delete f.layout.width;
                  f.config = Object.assign({ responsive: true, displaylogo: false }, f.config || {});
                  Plotly.newPlot(div, f);
                  div.dataset.drawn = "1";
                });
              }
              Reveal.initialize({ hash: true, slideNumber: "c/t", disableLayout: true, transition: "none", plugins: [RevealNotes] });
              Reveal.on("ready", function (e) { draw(e.currentSlide); });
              Reveal.on("slidechanged", function (e) { draw(e.currentSlide); });
            })();
            </script>
            </body>
            </html>
            """;
    }

    /// <summary>A Markdown cell without slide metadata whose headings come mid-cell is cut before each heading, so
    /// every section still opens a slide; other cells pass through.</summary>
    private static IEnumerable<NotebookCell> SplitAtHeadings(NotebookCell cell)
    {
        if (cell.CellType != "markdown" || cell.Metadata["slideshow"] is not null)
        {
            yield return cell;
            yield break;
        }

        var starts = HeadingLine().Matches(cell.Source).Select(m => m.Index).Where(i => i > 0).ToList();
        if (starts.Count == 0)
        {
            yield return cell;
            yield break;
        }

        var from = 0;
        foreach (var at in starts.Append(cell.Source.Length))
        {
            var piece = cell.Source[from..at].Trim('\n');
            if (piece.Trim().Length > 0)
            {
                yield return new NotebookCell("markdown", piece, cell.Id);
            }

            from = at;
        }
    }

    private static string SlideType(NotebookCell cell)
    {
        if (cell.Metadata["slideshow"] is JsonObject show && show["slide_type"] is JsonValue v && v.TryGetValue(out string? type) && type is not null)
        {
            return type;
        }

        if (cell.CellType == "markdown")
        {
            var heading = Heading().Match(cell.Source);
            if (heading.Success)
            {
                return heading.Groups[1].Value.Length <= 2 ? "slide" : "subslide";
            }
        }

        return "-";
    }

    [GeneratedRegex(@"^\s*(#{1,3})\s")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^#{1,3}\s", RegexOptions.Multiline)]
    private static partial Regex HeadingLine();
}
