using System.Text.RegularExpressions;

namespace Descent.Notebooks.Tests;

/// <summary>The course stands alone in its repository: what users read — notebooks (sources and stored outputs), docs,
/// READMEs, extend/, and the library's doc comments and strings — cites lectures by author, title and section, never
/// by an internal source number ("seed 004") or a path outside the repository ("../shared").</summary>
public sealed partial class StandAloneTextTests
{
    public static TheoryData<string> UserFacingFiles()
    {
        var root = RepositoryRoot.FullName;
        var data = new TheoryData<string>();
        foreach (var file in Files(root))
        {
            data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UserFacingFiles))]
    public void Names_no_seed_number_and_no_path_outside_the_repository(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.FullName, file));
        var hits = lines.Select((l, i) => (Line: i + 1, Match: Forbidden().Match(l)))
            .Where(h => h.Match.Success)
            .Select(h => $"{file}:{h.Line}: \"{h.Match.Value}\"")
            .ToList();

        Assert.True(hits.Count == 0, "cite the lecture by author, title and section instead:\n" + string.Join("\n", hits));
    }

    [Fact]
    public void The_pattern_catches_every_form_the_course_used()
    {
        string[] bad = ["(seed 001)", "Seed 004's test", "seeds 000–003", "seed004", "seed_002", "`../shared/seeds/`", "see ../shared"];
        string[] good = ["seed: 1", "seeds 0 to 9", "Seed = 42", "new Random(seed)", "shared weights", "seed 7"];

        Assert.All(bad, b => Assert.Matches(Forbidden(), b));
        Assert.All(good, g => Assert.DoesNotMatch(Forbidden(), g));
    }

    [Fact]
    public void The_scan_covers_every_kind_of_user_facing_file()
    {
        var root = RepositoryRoot.FullName;
        var files = Files(root).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).ToList();

        Assert.Contains("README.md", files);
        Assert.Contains("docs/references.md", files);
        Assert.Contains("notebooks/04-cliffs.ipynb", files);
        Assert.Contains("notebooks/solutions/04-cliffs.ipynb", files);
        Assert.Contains(files, f => f.StartsWith("src/Descent/", StringComparison.Ordinal) && f.EndsWith(".cs", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("src/Descent.Cli/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("extend/", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains("/bin/", StringComparison.Ordinal) || f.Contains("/obj/", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Files(string root)
    {
        IEnumerable<string> Under(string dir, string pattern) =>
            Directory.Exists(Path.Combine(root, dir))
                ? Directory.EnumerateFiles(Path.Combine(root, dir), pattern, SearchOption.AllDirectories)
                    .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                             && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                : [];

        return new[] { Path.Combine(root, "README.md"), Path.Combine(root, "data", "README.md") }.Where(File.Exists)
            .Concat(Under("notebooks", "*.ipynb"))
            .Concat(Under("notebooks", "*.csx"))
            .Concat(Under("docs", "*.*"))
            .Concat(Under("extend", "*.cs"))
            .Concat(Under("extend", "*.md"))
            .Concat(Under("src", "*.cs"))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>"seed 001", "Seed 004's", "seeds 000–003", "seed004", "seed_002", and any "../shared" or "shared/seeds".</summary>
    [GeneratedRegex(@"(?i)\bseeds?[ _-]?0\d\d|\.\./shared\b|\bshared/seeds\b")]
    private static partial Regex Forbidden();
}
