using System.Text.RegularExpressions;

namespace Descent.Extend.Tests;

/// <summary>The learner's starting files: every chapter has a stub whose members throw (so the checks fail until the
/// learner writes the code) and a worked solution with the same public types.</summary>
public sealed partial class StubTests
{
    [Fact]
    public void Every_chapter_has_a_throwing_stub_a_solution_and_checks()
    {
        var extend = RepositoryRoot.Combine("extend");
        var checks = File.ReadAllText(Path.Combine(extend, "tests", "ExtendTests.cs"));
        for (var chapter = 0; chapter <= 8; chapter++)
        {
            var name = $"Chapter{chapter:00}";
            var stub = File.ReadAllText(Path.Combine(extend, name + ".cs"));
            var solution = File.ReadAllText(Path.Combine(extend, "solutions", name + ".cs"));

            Assert.Contains("throw new NotImplementedException", stub);
            Assert.DoesNotContain("NotImplementedException", solution);
            Assert.Equal(PublicTypes(solution), PublicTypes(stub));
            Assert.Contains($"public sealed class {name}", checks);
        }
    }

    private static string[] PublicTypes(string source) => [.. PublicType().Matches(source).Select(m => m.Groups[1].Value).Order()];

    [GeneratedRegex(@"public (?:sealed |static )*(?:class|record) (\w+)")]
    private static partial Regex PublicType();
}
