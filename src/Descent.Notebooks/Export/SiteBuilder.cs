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
        var siteTitle = options.Course?.Title ?? options.Title;
        var written = new List<string>();
        Directory.CreateDirectory(Path.Combine(outputDir, "assets"));
        WriteFile(outputDir, "assets/plotly.min.js", Descent.Plots.PlotlyJs.Source, written);
        WriteFile(outputDir, "assets/site.css", SiteAssets.Css, written);
        var katex = options.KatexDist is { } dist && File.Exists(Path.Combine(dist, "katex.min.js")) && File.Exists(Path.Combine(dist, "contrib", "auto-render.min.js"));
        if (katex)
        {
            written.AddRange(CopyAssets(options.KatexDist!, Path.Combine(outputDir, "assets", "katex"), KatexFiles(options.KatexDist!)).Select(p => "assets/katex/" + p));
        }

        var slides = options.RevealDist is { } reveal && RevealFiles.All(f => File.Exists(Path.Combine(reveal, f)));
        if (slides)
        {
            written.AddRange(CopyAssets(options.RevealDist!, Path.Combine(outputDir, "assets", "reveal"), RevealFiles).Select(p => "assets/reveal/" + p));
            WriteFile(outputDir, "assets/slides.css", SiteAssets.SlidesCss, written);
        }

        var docs = options.Course is { } course && options.DocsDir is { } docsDir
            ? course.Pages.Where(p => File.Exists(Path.Combine(docsDir, p.File))).ToArray()
            : [];
        var chapters = pages.Where(p => !p.IsSolution).ToArray();
        foreach (var page in pages)
        {
            var notebook = Notebook.Load(page.SourcePath);
            var root = RootOf(page.RelativeOutput);
            var links = new StringBuilder();
            var partner = pages.FirstOrDefault(p => p.Stem == page.Stem && p.IsSolution != page.IsSolution);
            if (!page.IsSolution)
            {
                var at = Array.IndexOf(chapters, page);
                if (at > 0)
                {
                    links.Append($"<a class=\"prev\" href=\"{root}{chapters[at - 1].RelativeOutput}\">← {Text(ShortTitle(chapters[at - 1]))}</a>");
                }

                if (at + 1 < chapters.Length)
                {
                    links.Append($"<a class=\"next\" href=\"{root}{chapters[at + 1].RelativeOutput}\">{Text(ShortTitle(chapters[at + 1]))} →</a>");
                }
            }

            if (partner is not null)
            {
                links.Append($"<a href=\"{root}{partner.RelativeOutput}\">{(page.IsSolution ? "Chapter" : "Solutions")}</a>");
            }

            if (slides && !page.IsSolution)
            {
                links.Append($"<a href=\"{root}{SlidesPath(page)}\">Slides</a>");
            }

            var body = ChapterBanner(options.Course, page, pages, root)
                + DocsLink().Replace(NotebookHtml.Body(notebook), m => $"href=\"{root}{m.Groups[1].Value}.html{m.Groups[2].Value}\"");
            WriteFile(outputDir, page.RelativeOutput, Layout(siteTitle, page.Title, root, SiteNav(root, docs) + links, body, katex), written);
            if (slides && !page.IsSolution)
            {
                WriteFile(outputDir, SlidesPath(page), SlideDeck.Html(notebook, page.Title, RootOf(SlidesPath(page)), katex), written);
            }
        }

        foreach (var doc in docs)
        {
            var markdown = File.ReadAllText(Path.Combine(options.DocsDir!, doc.File));
            var html = MarkdownPageLink().Replace(NotebookHtml.Markdown(markdown), m => $"href=\"{m.Groups[1].Value}.html{m.Groups[2].Value}\"");
            html = NotebookFromDocs().Replace(html, m => $"href=\"{m.Groups[1].Value}.html{m.Groups[2].Value}\""); // ../notebooks/x.ipynb → x.html
            var body = $"<section class=\"cell markdown\">{html}</section>";
            WriteFile(outputDir, doc.Output, Layout(siteTitle, doc.Title, "", SiteNav("", docs), body, katex), written);
        }

        WriteFile(outputDir, "index.html", Layout(siteTitle, siteTitle, "", SiteNav("", docs), Index(pages, options.Course, slides), katex), written);
        return written;
    }

    /// <summary>The slide deck of a chapter page, e.g. <c>slides/03-saddles.html</c>.</summary>
    public static string SlidesPath(SitePage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return "slides/" + page.Stem + ".html";
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
        // A solutions notebook is its chapter with the answers filled in (descent fmt), so it carries the chapter's title.
        if (isSolution && !title.Contains("solutions", StringComparison.OrdinalIgnoreCase))
        {
            title += ": worked solutions";
        }

        return new SitePage(path, output, title, isSolution);
    }

    /// <summary>Escapes text for HTML, keeping non-ASCII characters (§, é, θ) readable in the source.</summary>
    private static string Text(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private static string RootOf(string relative)
    {
        var depth = relative.Count(c => c == '/');
        return depth == 0 ? "" : string.Concat(Enumerable.Repeat("../", depth));
    }

    private static string Number(SitePage page) => ChapterNumber().Match(page.Stem) is { Success: true } m ? m.Groups[1].Value : "";

    private static string ShortTitle(SitePage page)
    {
        var number = Number(page);
        return number.Length == 0 || page.Title.StartsWith(number, StringComparison.Ordinal) ? page.Title : $"{number} {page.Title}";
    }

    private static string SiteNav(string root, IReadOnlyList<CoursePage> docs) =>
        $"<a href=\"{root}index.html\">Contents</a>" + string.Concat(docs.Select(d => $"<a href=\"{root}{d.Output}\">{Text(d.Title)}</a>"));

    private static string ChapterBanner(CourseMap? course, SitePage page, IReadOnlyList<SitePage> pages, string root)
    {
        if (course?.Chapter(Number(page)) is not { } entry)
        {
            return "";
        }

        var buildsOn = entry.BuildsOn.Count == 0
            ? "nothing — start here"
            : string.Join(", ", entry.BuildsOn.Select(n => pages.FirstOrDefault(p => !p.IsSolution && Number(p) == n) is { } p
                ? $"<a href=\"{root}{p.RelativeOutput}\">{Text(ShortTitle(p))}</a>"
                : n));
        return $"<aside class=\"banner\"><b>Challenge:</b> {Text(entry.Challenge)}{(page.IsSolution ? " (worked solutions)" : "")} · <b>Lectures:</b> {Text(entry.Seeds)} · <b>Builds on:</b> {buildsOn}</aside>\n";
    }

    private static string Index(IReadOnlyList<SitePage> pages, CourseMap? course, bool slides)
    {
        var html = new StringBuilder();
        html.Append("<section class=\"cell markdown\"><p>Each chapter is a notebook: read it here with its stored outputs and interactive charts, or open <code>notebooks/NN-name.ipynb</code> in VS Code with the Descent kernel to run and change it. Exercises are checked automatically; worked solutions are linked beside each chapter.</p>\n");
        if (course is not null)
        {
            html.Append("<p>The eight challenges of neural-network optimization, one per chapter after the tour. <em>Builds on</em> names the chapters to read first; the lectures column names the lecture sections each chapter demonstrates (the <a href=\"seed-coverage.html\">lecture coverage</a> page maps every section to its cells).</p>\n");
        }

        html.Append("<table class=\"chapters\"><thead><tr><th>#</th><th>Chapter</th>");
        html.Append(course is null ? "" : "<th>Challenge</th><th>Lectures</th><th>Builds on</th>");
        html.Append("<th>Solutions</th>").Append(slides ? "<th>Slides</th>" : "").Append("</tr></thead><tbody>\n");
        foreach (var page in pages.Where(p => !p.IsSolution))
        {
            var number = Number(page);
            var solution = pages.FirstOrDefault(p => p.IsSolution && p.Stem == page.Stem);
            html.Append($"<tr><td>{number}</td><td><a href=\"{page.RelativeOutput}\">{Text(page.Title)}</a></td>");
            if (course is not null)
            {
                var entry = course.Chapter(number);
                html.Append($"<td>{Text(entry?.Challenge ?? "")}</td><td class=\"seeds\">{Text(entry?.Seeds ?? "")}</td><td>{string.Join(", ", entry?.BuildsOn ?? [])}</td>");
            }

            html.Append("<td>").Append(solution is null ? "" : $"<a href=\"{solution.RelativeOutput}\">solutions</a>").Append("</td>");
            html.Append(slides ? $"<td><a href=\"{SlidesPath(page)}\">slides</a></td>" : "");
            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></section>\n");
        return html.ToString();
    }

    private static string Layout(string siteTitle, string title, string root, string links, string body, bool katex)
    {
        var math = katex ? MathHead(root) : "";
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Text(title)}</title>
            <link rel="stylesheet" href="{root}assets/site.css">
            <script src="{root}assets/plotly.min.js"></script>
            {math}
            </head>
            <body>
            <header><a class="site" href="{root}index.html">{Text(siteTitle)}</a><nav>{links}</nav></header>
            <main>
            {(title == siteTitle ? $"<h1>{Text(title)}</h1>" : "")}
            {body}
            </main>
            </body>
            </html>
            """;
    }

    /// <summary>The head tags that render the pages' math (inline and display) with the site's KaTeX copy.</summary>
    internal static string MathHead(string root) => $$"""
        <link rel="stylesheet" href="{{root}}assets/katex/katex.min.css">
        <script defer src="{{root}}assets/katex/katex.min.js"></script>
        <script defer src="{{root}}assets/katex/contrib/auto-render.min.js"></script>
        <script>document.addEventListener("DOMContentLoaded", function () { if (window.renderMathInElement) renderMathInElement(document.body, { delimiters: [{left: "\\[", right: "\\]", display: true}, {left: "\\(", right: "\\)", display: false}], ignoredClasses: ["source", "output"], throwOnError: false }); });</script>
        """;

    private static void WriteFile(string outputDir, string relative, string content, List<string> written)
    {
        var path = Path.Combine(outputDir, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllText(path, content);
        written.Add(relative);
    }

    /// <summary>The reveal.js files a deck needs: the engine, its base styles, the white theme (fonts embedded, no
    /// remote imports) and the speaker-notes plugin.</summary>
    private static readonly string[] RevealFiles = ["reveal.js", "reveal.css", "reset.css", "theme/white.css", "plugin/notes.js"];

    private static IEnumerable<string> KatexFiles(string dist) =>
        new[] { "katex.min.js", "katex.min.css", "contrib/auto-render.min.js" }
            .Concat(Directory.Exists(Path.Combine(dist, "fonts"))
                ? Directory.GetFiles(Path.Combine(dist, "fonts"), "*.woff2").Select(f => "fonts/" + Path.GetFileName(f))
                : []);

    private static IEnumerable<string> CopyAssets(string dist, string target, IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            var to = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(Path.Combine(dist, file), to, overwrite: true);
            yield return file;
        }
    }

    /// <summary>A notebook's link to a course page, e.g. <c>../docs/extend.md</c>, which the site renders at its root.</summary>
    [GeneratedRegex("href=\"(?:\\.\\./)+docs/([\\w-]+)\\.md(#[^\"]*)?\"")]
    private static partial Regex DocsLink();

    /// <summary>A course page's link to a chapter, <c>../notebooks/NN-name.ipynb</c> (already turned into <c>.html</c>).</summary>
    [GeneratedRegex("href=\"\\.\\./notebooks/((?:solutions/)?[\\w-]+)\\.html(#[^\"]*)?\"")]
    private static partial Regex NotebookFromDocs();

    [GeneratedRegex("href=\"(?![a-z]+:|/)([^\"#/]+)\\.md(#[^\"]*)?\"")]
    private static partial Regex MarkdownPageLink();

    [GeneratedRegex(@"^(\d+)")]
    private static partial Regex ChapterNumber();

    [GeneratedRegex("""<(script|link)\b[^>]*\b(src|href)\s*=\s*["']?\s*(https?:)?//[^"'\s>]*|@import\s+url\(\s*["']?(https?:)?//[^)]*\)""", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteScriptOrStyle();
}
