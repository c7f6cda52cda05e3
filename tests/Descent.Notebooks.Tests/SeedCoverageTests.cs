using System.Text.RegularExpressions;

namespace Descent.Notebooks.Tests;

/// <summary>docs/seed-coverage.md ("Lecture coverage") maps every section of the five lectures to the chapter that
/// demonstrates it: no row may still say "gap", every chapter it links exists, and — where the lecture texts sit beside the
/// checkout (as in CI) — no heading of theirs is missing. The page names each lecture by author ("## Author — Title").
/// Nothing is skipped: a clone without the texts still checks the page itself.</summary>
public sealed partial class SeedCoverageTests
{
    [Fact]
    public void Every_seed_heading_has_a_row_and_no_row_is_a_gap()
    {
        var root = RepositoryRoot.FullName;
        var page = File.ReadAllText(Path.Combine(root, "docs", "seed-coverage.md"));
        var rows = page.Split('\n').Where(l => l.StartsWith('|')).ToArray();

        // The page itself, checked on every clone.
        // Five lectures with several sections each: far fewer rows means the tables were lost, not shortened.
        Assert.True(rows.Length >= 50, $"docs/seed-coverage.md has only {rows.Length} table rows");
        Assert.DoesNotContain(rows, r => r.Contains("**gap**", StringComparison.Ordinal));
        var links = ChapterLink().Matches(page).Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.True(File.Exists(Path.Combine(root, "docs", link)), $"docs/seed-coverage.md links {link}, which does not exist"));

        // Against the lecture texts, where they sit beside the checkout (as in CI); a student's clone has only the page.
        var seeds = Path.Combine(root, "..", "shared", "seeds");
        if (!Directory.Exists(seeds))
        {
            return;
        }

        var missing = new List<string>();
        foreach (var file in Directory.GetFiles(seeds, "00*.txt").Order(StringComparer.Ordinal))
        {
            var seed = Path.GetFileName(file)[..3];
            var lines = File.ReadAllLines(file);
            Assert.True(Authors.ContainsKey(seed), $"{Path.GetFileName(file)}: no author known for this lecture text");
            var author = Authors[seed];
            var section = page.Split("\n## ").FirstOrDefault(s => s.StartsWith($"{author} — ", StringComparison.Ordinal)) ?? "";
            var seedRows = section.Split('\n').Where(l => l.StartsWith('|')).ToArray();
            Assert.True(seedRows.Length > 0, $"docs/seed-coverage.md has no '## {author} — …' table");
            if (lines.Length <= 2)
            {
                // The UvA notes are one long line: its ### headings are cited by column ("col N").
                foreach (Match m in InlineHeading().Matches(lines[0]))
                {
                    if (!seedRows.Any(r => Regex.IsMatch(r, $@"\bcol {m.Index + 1}\b")))
                    {
                        missing.Add($"{seed} col {m.Index + 1}: {m.Value.Trim()}");
                    }
                }

                continue;
            }

            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith('#') && lines[i].TrimStart('#').Trim().Length > 0
                    && !seedRows.Any(r => Regex.IsMatch(r, $@"\bl\. (?:\d+, )*{i + 1}\b")))
                {
                    missing.Add($"{seed} l. {i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(missing.Count == 0, "seed headings without a row in docs/seed-coverage.md:\n" + string.Join("\n", missing));
    }

    /// <summary>The lecture text files (by their number) and the author that heads their table on the page.</summary>
    private static readonly Dictionary<string, string> Authors = new()
    {
        ["000"] = "Srihari",
        ["001"] = "Harakeh",
        ["002"] = "UvA notes",
        ["003"] = "Goodfellow",
        ["004"] = "Yarotsky",
    };

    [Fact]
    public void The_page_has_one_table_per_lecture_and_no_path_outside_the_repository()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.FullName, "docs", "seed-coverage.md"));

        Assert.All(Authors.Values, a => Assert.Single(page.Split('\n'), l => l.StartsWith($"## {a} — ", StringComparison.Ordinal)));
        Assert.DoesNotContain("../shared", page, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\]\((\.\./notebooks/[^)#]+\.ipynb)")]
    private static partial Regex ChapterLink();

    [GeneratedRegex("#{3,4} [^#]{0,30}")]
    private static partial Regex InlineHeading();
}
