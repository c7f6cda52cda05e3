using Descent.Notebooks.Export;
using Descent.Notebooks.Ipynb;

namespace Descent.Notebooks.Tests;

public sealed class SiteBuilderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("descent-site-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Figure = """{"data":[{"type":"scatter","x":[1,2],"y":[3,4]}],"layout":{"title":{"text":"t"}},"frames":[]}""";

    private string Notebooks()
    {
        var dir = Path.Combine(_dir, "notebooks");
        Directory.CreateDirectory(Path.Combine(dir, "solutions"));
        foreach (var (path, title) in new[] { ("00-tour.ipynb", "Tour"), ("01-ill.ipynb", "Ill-conditioning"), ("solutions/00-tour.ipynb", "Tour — solutions") })
        {
            var nb = Notebook.Create();
            nb.Cells.Add(new NotebookCell("markdown", $"# {title}\n\nThe step $\\epsilon^* = g^Tg / g^THg$ and a [link](solutions/00-tour.ipynb).\n\n$$L(\\theta) = \\frac{{1}}{{m}}\\sum_i \\ell_i$$"));
            var code = new NotebookCell("code", "// a chart\nPlot.Curve(new[] { 3.0, 4.0 })") { ExecutionCount = 1 };
            code.Outputs.AddRange(JupyterOutputs.FromCellOutputs(
            [
                new StreamOutput("stdout", "<not html>\n"),
                new ResultOutput(new Dictionary<string, string>
                {
                    [MimeTypes.PlainText] = "Chart: 1 trace",
                    [MimeTypes.PlotlyJson] = Figure,
                    // What a CDN-based formatter would produce: must never reach the site.
                    [MimeTypes.Html] = "<script src=\"https://cdn.plot.ly/plotly-2.28.0.min.js\"></script><div></div>",
                }),
            ], 1));
            nb.Cells.Add(code);
            nb.Save(Path.Combine(dir, path));
        }

        return dir;
    }

    [Fact]
    public void The_site_has_index_chapter_and_solution_pages_and_plotly_once()
    {
        var pages = SiteBuilder.Discover(Notebooks());
        var site = Path.Combine(_dir, "site");

        var written = SiteBuilder.Write(pages, site);

        Assert.Equal(["00-tour.html", "01-ill.html", "solutions/00-tour.html"], pages.Select(p => p.RelativeOutput));
        Assert.Contains("index.html", written);
        Assert.Single(Directory.GetFiles(site, "*.js", SearchOption.AllDirectories)); // plotly.js once, not per page
        Assert.Equal(Descent.Plots.PlotlyJs.Source, File.ReadAllText(Path.Combine(site, "assets", "plotly.min.js")));
        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.Contains("href=\"00-tour.html\"", index);
        Assert.Contains("href=\"solutions/00-tour.html\"", index);
        var solution = File.ReadAllText(Path.Combine(site, "solutions", "00-tour.html"));
        Assert.Contains("src=\"../assets/plotly.min.js\"", solution);
        var chapter = File.ReadAllText(Path.Combine(site, "00-tour.html"));
        Assert.Contains("Plotly.newPlot(\"chart-1\"", chapter);           // drawn from the figure JSON
        Assert.Contains("href=\"solutions/00-tour.html\"", chapter);       // .ipynb links point at pages
        Assert.Contains("&lt;not html&gt;", chapter);                       // stream text is escaped
        Assert.Contains("\\(\\epsilon^* = g^Tg / g^THg\\)", chapter);       // math kept for KaTeX
        Assert.Contains("<span class=\"tok-comment\">// a chart</span>", chapter);
    }

    [Fact]
    public void The_site_loads_no_script_or_stylesheet_from_the_internet()
    {
        var site = Path.Combine(_dir, "site");
        SiteBuilder.Write(SiteBuilder.Discover(Notebooks()), site);

        Assert.Empty(SiteBuilder.RemoteReferences(site));
        foreach (var html in Directory.GetFiles(site, "*.html", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(html);
            Assert.DoesNotMatch("""<script[^>]*src=["']?(https?:)?//""", text);
            Assert.DoesNotMatch("""<link[^>]*href=["']?(https?:)?//""", text);
        }
    }

    [Fact]
    public void RemoteReferences_finds_a_cdn_script()
    {
        var site = Path.Combine(_dir, "bad");
        Directory.CreateDirectory(site);
        File.WriteAllText(Path.Combine(site, "a.html"), "<script src=\"https://cdn.example/x.js\"></script><link rel=stylesheet href='//cdn.example/a.css'>");

        Assert.Equal(2, SiteBuilder.RemoteReferences(site).Count);
    }

    [Fact]
    public void Highlighter_marks_tokens_and_escapes_html()
    {
        var html = CSharpHighlighter.ToHtml("var s = \"<b>\"; // note\nvar n = 3.5e-2; Plot.Curve(x);");

        Assert.Contains("<span class=\"tok-keyword\">var</span>", html);
        Assert.Contains("<span class=\"tok-string\">&quot;&lt;b&gt;&quot;</span>", html);
        Assert.Contains("<span class=\"tok-comment\">// note</span>", html);
        Assert.Contains("<span class=\"tok-number\">3.5e-2</span>", html);
        Assert.Contains("<span class=\"tok-type\">Plot</span>", html);
        Assert.DoesNotContain("<b>", html);
    }
}
