using System.Text.RegularExpressions;

namespace Descent.Notebooks.Tests;

/// <summary>docs/seed-coverage.md maps every section of the five seed texts (../shared/seeds, beside the repository) to
/// the chapter that demonstrates it: no heading may be missing and no row may still say "gap".</summary>
public sealed partial class SeedCoverageTests
{
    [SkippableFact]
    public void Every_seed_heading_has_a_row_and_no_row_is_a_gap()
    {
        var root = RepositoryRoot.FullName;
        var seeds = Path.Combine(root, "..", "shared", "seeds");
        Skip.IfNot(Directory.Exists(seeds), "../shared/seeds is not beside this checkout");
        var page = File.ReadAllText(Path.Combine(root, "docs", "seed-coverage.md"));
        var rows = page.Split('\n').Where(l => l.StartsWith('|')).ToArray();

        Assert.DoesNotContain(rows, r => r.Contains("**gap**", StringComparison.Ordinal));
        var missing = new List<string>();
        foreach (var file in Directory.GetFiles(seeds, "00*.txt").Order(StringComparer.Ordinal))
        {
            var seed = Path.GetFileName(file)[..3];
            var lines = File.ReadAllLines(file);
            var section = page.Split("\n## ").FirstOrDefault(s => s.StartsWith($"Seed {seed}", StringComparison.Ordinal)) ?? "";
            var seedRows = section.Split('\n').Where(l => l.StartsWith('|')).ToArray();
            Assert.True(seedRows.Length > 0, $"docs/seed-coverage.md has no '## Seed {seed}' table");
            if (lines.Length <= 2)
            {
                // Seed 002 is one long line: its ### headings are cited by column ("col N").
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

    [GeneratedRegex("#{3,4} [^#]{0,30}")]
    private static partial Regex InlineHeading();
}
