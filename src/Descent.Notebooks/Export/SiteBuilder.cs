using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Descent.Notebooks.Ipynb;

namespace Descent.Notebooks.Export;

/// <summary>
/// Writes the offline course site: <c>index.html</c> with the chapter map, one page per chapter, one per
/// solutions notebook, and <c>assets/</c> with the site's stylesheet, plotly.js (written once, from the
/// Plotly.NET package) and KaTeX when available. No page references anything on the internet.
/// </summary>
public static partial class SiteBuilder
{
    /// <summary>Chapter notebooks <c>NN-name.ipynb</c> in <paramref name="notebooksDir"/> and solutions in its
    /// <c>solutions/</c> folder, as site pages in course order.</summary>
    public static IReadOnlyList<SitePage> Discover(string notebooksDir)
    {
        ArgumentException.ThrowIfNullOrEmpty(notebooksDir);
        var pages = new List<SitePage>();
        if (!Directory.Exists(notebooksDir))
        {
            return pages;
        }

        foreach (var path in Directory.GetFiles(notebooksDir, "*.ipynb").Where(NotHidden).Order(StringComparer.Ordinal))
        {
            pages.Add(Page(path, Path.GetFileNameWithoutExtension(path) + ".html", isSolution: false));
        }

        var solutions = Path.Combine(notebooksDir, "solutions");
        if (Directory.Exists(solutions))
        {
            foreach (var path in Directory.GetFiles(solutions, "*.ipynb").Where(NotHidden).Order(StringComparer.Ordinal))
            {
                pages.Add(Page(path, "solutions/" + Path.GetFileNameWithoutExtension(path) + ".html", isSolution: true));
            }
        }

        return pages;
    }

    /// <summary>Writes the site for <paramref name="pages"/> into <paramref name="outputDir"/> (created if needed).</summary>
    /// <returns>The paths written, relative to <paramref name="outputDir"/>.</returns>
    public static IReadOnlyList<string> Write(IReadOnlyList<SitePage> pages, string outputDir, SiteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentException.ThrowIfNullOrEmpty(outputDir);
        options ??= new SiteOptions();
        var written = new List<string>();
        Directory.CreateDirectory(Path.Combine(outputDir, "assets"));
        WriteFile(outputDir, "assets/plotly.min.js", Descent.Plots.PlotlyJs.Source, written);
        WriteFile(outputDir, "assets/site.css", SiteAssets.Css, written);
        var katex = options.KatexDist is { } dist && File.Exists(Path.Combine(dist, "katex.min.js")) && File.Exists(Path.Combine(dist, "contrib", "auto-render.min.js"));
        if (katex)
        {
            written.AddRange(CopyKatex(options.KatexDist!, Path.Combine(outputDir, "assets", "katex")).Select(p => "assets/katex/" + p));
        }

        foreach (var page in pages)
        {
            var notebook = Notebook.Load(page.SourcePath);
            var depth = page.RelativeOutput.Count(c => c == '/');
            var root = depth == 0 ? "" : string.Concat(Enumerable.Repeat("../", depth));
            var links = new StringBuilder($"<a href=\"{root}index.html\">Contents</a>");
            var partner = pages.FirstOrDefault(p => p.Stem == page.Stem && p.IsSolution != page.IsSolution);
            if (partner is not null)
            {
                links.Append($" · <a href=\"{root}{partner.RelativeOutput}\">{(page.IsSolution ? "Chapter" : "Solutions")}</a>");
            }

            var body = NotebookHtml.Body(notebook);
            WriteFile(outputDir, page.RelativeOutput, Layout(options.Title, page.Title, root, links.ToString(), body, katex), written);
        }

        WriteFile(outputDir, "index.html", Layout(options.Title, options.Title, "", "", Index(pages), katex), written);
        return written;
    }

    /// <summary>Every <c>src</c>/<c>href</c> in the written HTML and CSS that points at the internet (for checks).</summary>
    public static IReadOnlyList<string> RemoteReferences(string outputDir)
    {
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(outputDir, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".css", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in RemoteScriptOrStyle().Matches(text))
            {
                found.Add($"{Path.GetRelativePath(outputDir, file)}: {m.Value}");
            }
        }

        return found;
    }

    private static bool NotHidden(string path) => !Path.GetFileName(path).StartsWith('.');

    private static SitePage Page(string path, string output, bool isSolution)
    {
        var title = NotebookHtml.Title(Notebook.Load(path)) ?? Path.GetFileNameWithoutExtension(path);
        return new SitePage(path, output, title, isSolution);
    }

    private static string Index(IReadOnlyList<SitePage> pages)
    {
        var html = new StringBuilder();
        html.Append("<section class=\"cell markdown\"><p>Each chapter is a notebook: read it here with its stored outputs and interactive charts, or open <code>notebooks/NN-name.ipynb</code> in VS Code with the Descent kernel to run and change it. Exercises are checked automatically; worked solutions are linked beside each chapter.</p>\n");
        html.Append("<table class=\"chapters\"><thead><tr><th>#</th><th>Chapter</th><th>Solutions</th></tr></thead><tbody>\n");
        foreach (var page in pages.Where(p => !p.IsSolution))
        {
            var number = ChapterNumber().Match(page.Stem) is { Success: true } m ? m.Groups[1].Value : "";
            var solution = pages.FirstOrDefault(p => p.IsSolution && p.Stem == page.Stem);
            html.Append($"<tr><td>{number}</td><td><a href=\"{page.RelativeOutput}\">{WebUtility.HtmlEncode(page.Title)}</a></td><td>");
            html.Append(solution is null ? "" : $"<a href=\"{solution.RelativeOutput}\">solutions</a>");
            html.Append("</td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
        return html.ToString();
    }

    private static string Layout(string siteTitle, string title, string root, string links, string body, bool katex)
    {
        var math = katex
            ? $$"""
               <link rel="stylesheet" href="{{root}}assets/katex/katex.min.css">
               <script defer src="{{root}}assets/katex/katex.min.js"></script>
               <script defer src="{{root}}assets/katex/contrib/auto-render.min.js"></script>
               <script>document.addEventListener("DOMContentLoaded", function () { if (window.renderMathInElement) renderMathInElement(document.body, { delimiters: [{left: "\\[", right: "\\]", display: true}, {left: "\\(", right: "\\)", display: false}], ignoredClasses: ["source", "output"], throwOnError: false }); });</script>
               """
            : "";
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)}</title>
            <link rel="stylesheet" href="{root}assets/site.css">
            <script src="{root}assets/plotly.min.js"></script>
            {math}
            </head>
            <body>
            <header><a class="site" href="{root}index.html">{WebUtility.HtmlEncode(siteTitle)}</a><nav>{links}</nav></header>
            <main>
            {(title == siteTitle ? $"<h1>{WebUtility.HtmlEncode(title)}</h1>" : "")}
            {body}
            </main>
            </body>
            </html>
            """;
    }

    private static void WriteFile(string outputDir, string relative, string content, List<string> written)
    {
        var path = Path.Combine(outputDir, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllText(path, content);
        written.Add(relative);
    }

    private static IEnumerable<string> CopyKatex(string dist, string target)
    {
        var files = new[] { "katex.min.js", "katex.min.css", "contrib/auto-render.min.js" }
            .Concat(Directory.Exists(Path.Combine(dist, "fonts"))
                ? Directory.GetFiles(Path.Combine(dist, "fonts"), "*.woff2").Select(f => "fonts/" + Path.GetFileName(f))
                : []);
        foreach (var file in files)
        {
            var to = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(Path.Combine(dist, file), to, overwrite: true);
            yield return file;
        }
    }

    [GeneratedRegex(@"^(\d+)")]
    private static partial Regex ChapterNumber();

    [GeneratedRegex("""<(script|link)\b[^>]*\b(src|href)\s*=\s*["']?\s*(https?:)?//[^"'\s>]*|@import\s+url\(\s*["']?(https?:)?//[^)]*\)""", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteScriptOrStyle();
}
