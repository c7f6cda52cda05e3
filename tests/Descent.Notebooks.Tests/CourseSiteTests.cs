using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Descent.Notebooks.Export;
using Descent.Notebooks.Ipynb;

namespace Descent.Notebooks.Tests;

/// <summary>The course-wide parts of the site: chapter map, previous/next links, Markdown pages, display math and
/// the lecturer's slide decks.</summary>
public sealed partial class CourseSiteTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("descent-course-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Notebooks()
    {
        var dir = Path.Combine(_dir, "notebooks");
        Directory.CreateDirectory(Path.Combine(dir, "solutions"));
        foreach (var (path, title) in new[] { ("00-tour.ipynb", "00 — Tour"), ("01-ill.ipynb", "01 — Ill"), ("02-minima.ipynb", "02 — Minima"), ("solutions/01-ill.ipynb", "01 — solutions") })
        {
            var nb = Notebook.Create();
            nb.Cells.Add(new NotebookCell("markdown", $"# {title}\n\nIntro text.\n\n## 1. First section\n\nBody."));
            var code = new NotebookCell("code", "Plot.Curve(x)") { ExecutionCount = 1 };
            code.Outputs.Add(new JsonObject
            {
                ["output_type"] = "display_data",
                ["data"] = new JsonObject { ["application/vnd.plotly.v1+json"] = JsonNode.Parse("""{"data":[{"type":"scatter","y":[1,2]}],"layout":{}}"""), ["text/plain"] = "chart" },
                ["metadata"] = new JsonObject(),
            });
            nb.Cells.Add(code);
            var notes = new NotebookCell("markdown", "Say this aloud.");
            notes.Metadata["slideshow"] = new JsonObject { ["slide_type"] = "notes" };
            nb.Cells.Add(notes);
            var skipped = new NotebookCell("markdown", "Not on a slide.");
            skipped.Metadata["slideshow"] = new JsonObject { ["slide_type"] = "skip" };
            nb.Cells.Add(skipped);
            nb.Cells.Add(new NotebookCell("markdown", "### A sub-slide\n\nMore."));
            nb.Save(Path.Combine(dir, path));
        }

        return dir;
    }

    private static CourseMap Course() => new(
        "Test course",
        [
            new CourseChapter("00", "Pure optimization", "000 intro", []),
            new CourseChapter("01", "Ill-conditioning", "000 §1", ["00"]),
            new CourseChapter("02", "Local minima", "000 §2", ["00", "01"]),
        ],
        [new CoursePage("glossary.md", "Glossary"), new CoursePage("missing.md", "Not there")]);

    private (string Site, string Docs) Build(bool slides)
    {
        var docs = Path.Combine(_dir, "docs");
        Directory.CreateDirectory(docs);
        File.WriteAllText(Path.Combine(docs, "glossary.md"), "# Glossary\n\n**Hessian** $H$: second derivatives, see [01](../notebooks/01-ill.ipynb) and [refs](references.md).\n");
        string? reveal = null;
        if (slides)
        {
            // A stand-in for the npm package's dist folder: the deck only links these files, the browser check uses the real ones.
            reveal = Path.Combine(_dir, "reveal-dist");
            foreach (var file in new[] { "reveal.js", "reveal.css", "reset.css", "theme/white.css", "plugin/notes.js" })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(reveal, file))!);
                File.WriteAllText(Path.Combine(reveal, file), "/* " + file + " */");
            }
        }

        var site = Path.Combine(_dir, "site");
        SiteBuilder.Write(SiteBuilder.Discover(Notebooks()), site, new SiteOptions(Course: Course(), DocsDir: docs, RevealDist: reveal));
        return (site, docs);
    }

    [Fact]
    public void Index_shows_challenges_seeds_and_prerequisites_of_every_chapter()
    {
        var (site, _) = Build(slides: false);
        var index = File.ReadAllText(Path.Combine(site, "index.html"));

        Assert.Contains("<title>Test course</title>", index);
        foreach (var text in new[] { "Pure optimization", "Ill-conditioning", "Local minima", "000 §2", "<td>00, 01</td>" })
        {
            Assert.Contains(text, index);
        }

        Assert.DoesNotContain("Slides", index); // no reveal.js: no slide column
        Assert.Contains("href=\"glossary.html\"", index);
        Assert.DoesNotContain("missing.html", index); // a listed page whose file is absent is left out, not linked
    }

    [Fact]
    public void Chapters_link_back_and_forward_and_name_what_they_build_on()
    {
        var (site, _) = Build(slides: false);
        var first = File.ReadAllText(Path.Combine(site, "00-tour.html"));
        var middle = File.ReadAllText(Path.Combine(site, "01-ill.html"));
        var last = File.ReadAllText(Path.Combine(site, "02-minima.html"));

        Assert.DoesNotContain("class=\"prev\"", first);
        Assert.Contains("class=\"next\" href=\"01-ill.html\"", first);
        Assert.Contains("class=\"prev\" href=\"00-tour.html\"", middle);
        Assert.Contains("class=\"next\" href=\"02-minima.html\"", middle);
        Assert.DoesNotContain("class=\"next\"", last);
        Assert.Contains("<b>Builds on:</b> <a href=\"00-tour.html\">", last);
        Assert.Contains("nothing — start here", first);
        var solution = File.ReadAllText(Path.Combine(site, "solutions", "01-ill.html"));
        Assert.Contains("href=\"../01-ill.html\">Chapter</a>", solution);
        Assert.Contains("href=\"../glossary.html\"", solution);
    }

    [Fact]
    public void Markdown_pages_are_rendered_into_the_site()
    {
        var (site, _) = Build(slides: false);
        var glossary = File.ReadAllText(Path.Combine(site, "glossary.html"));

        Assert.Contains("<strong>Hessian</strong>", glossary);
        Assert.Contains("\\(H\\)", glossary);
        Assert.Contains("href=\"01-ill.html\"", glossary);     // a chapter link that works on GitHub works in the site
        Assert.Contains("href=\"references.html\"", glossary);
    }

    [Fact]
    public void Double_dollar_math_is_display_math_even_inside_a_paragraph()
    {
        var html = NotebookHtml.Markdown("Text\n$$L(\\theta) = a < b$$\nand $x$ and $$\ny^2\n$$");

        Assert.Contains("<span class=\"math display\">\\[L(\\theta) = a &lt; b\\]</span>", html);
        Assert.Contains("\\(x\\)", html);
        Assert.Contains("\\[", html[(html.IndexOf("\\(x\\)", StringComparison.Ordinal) + 5)..]); // the multi-line block too
    }

    [Fact]
    public void Slides_follow_slide_metadata_and_headings()
    {
        var nb = Notebook.Load(Path.Combine(Notebooks(), "01-ill.ipynb"));
        var slides = SlideDeck.Slides(nb);

        // "# title + intro" | "## 1. First section" + chart + notes | "### A sub-slide"; the skipped cell is gone.
        Assert.Equal(3, slides.Count);
        Assert.StartsWith("# 01", slides[0][0].Cell.Source);
        Assert.StartsWith("## 1. First section", slides[1][0].Cell.Source);
        Assert.Equal(["markdown", "code", "markdown"], slides[1].Select(c => c.Cell.CellType));
        Assert.Equal("notes", slides[1][2].SlideType);
        Assert.DoesNotContain(slides.SelectMany(s => s), c => c.Cell.Source.Contains("Not on a slide", StringComparison.Ordinal));
        Assert.Equal("subslide", slides[2][0].SlideType);
    }

    [Fact]
    public void Slide_decks_are_written_offline_with_deferred_large_font_charts()
    {
        var (site, _) = Build(slides: true);
        var deck = File.ReadAllText(Path.Combine(site, "slides", "01-ill.html"));

        Assert.Equal(3, TopLevelSlides().Matches(deck).Count);
        Assert.DoesNotContain("<section class=\"cell", deck); // nested sections would become slides of their own
        Assert.Contains("<aside class=\"notes\">", deck);
        Assert.Contains("src=\"../assets/reveal/reveal.js\"", deck);
        Assert.Contains("class=\"chart deferred\"", deck);
        Assert.Contains($"size: {SlideDeck.ChartFontSize}", deck);
        Assert.True(File.Exists(Path.Combine(site, "assets", "reveal", "theme", "white.css")));
        Assert.Contains("href=\"slides/01-ill.html\"", File.ReadAllText(Path.Combine(site, "index.html")));
        Assert.Contains("href=\"slides/01-ill.html\">Slides</a>", File.ReadAllText(Path.Combine(site, "01-ill.html")));
        Assert.False(File.Exists(Path.Combine(site, "slides", "solutions", "01-ill.html")));
        Assert.Empty(SiteBuilder.RemoteReferences(site));
    }

    [Fact]
    public void A_malformed_course_map_names_the_file()
    {
        var path = Path.Combine(_dir, "course.json");
        File.WriteAllText(path, "{ \"title\": \"x\", \"chapters\": [ { \"challenge\": \"no number\" } ] }");

        var e = Assert.Throws<InvalidDataException>(() => CourseMap.Load(path));
        Assert.Contains(path, e.Message);
        File.WriteAllText(path, "{ not json");
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => CourseMap.Load(path)).Message);
    }

    [Fact]
    public void The_repository_course_map_covers_every_chapter_notebook_and_its_pages_exist()
    {
        var root = RepositoryRoot.FullName;
        var map = CourseMap.Load(Path.Combine(root, "docs", "course.json"));
        // Chapter files are NN-name.ipynb; hidden files (an atomic write's temporary) are not chapters.
        var numbers = Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb").Select(Path.GetFileName)
            .Where(n => ChapterFile().IsMatch(n!)).Select(n => n![..2]).ToArray();
        Assert.NotEmpty(numbers);

        Assert.All(numbers, n => Assert.True(map.Chapter(n) is not null, $"chapter {n} has no entry in docs/course.json"));
        Assert.All(map.Chapters.SelectMany(c => c.BuildsOn), n => Assert.True(map.Chapter(n) is not null, $"a chapter builds on {n}, which is not in docs/course.json"));
        Assert.All(map.Chapters, c => Assert.All(c.BuildsOn, p => Assert.True(string.CompareOrdinal(p, c.Number) < 0, $"chapter {c.Number} builds on a later chapter {p}")));
        Assert.All(map.Pages, p => Assert.True(File.Exists(Path.Combine(root, "docs", p.File)), $"docs/{p.File} is listed in course.json but missing"));
    }

    [GeneratedRegex(@"^\d\d-[^.].*\.ipynb$")]
    private static partial Regex ChapterFile();

    [GeneratedRegex("^<section>$", RegexOptions.Multiline)]
    private static partial Regex TopLevelSlides();
}
