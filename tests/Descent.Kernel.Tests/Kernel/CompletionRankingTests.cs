using Descent.Notebooks;

namespace Descent.Kernel.Tests.Kernel;

public sealed class CompletionRankingTests
{
    [Fact]
    public void Rank_FiltersToThePrefix_CaseSensitiveThenInsensitiveThenCamelHumps()
    {
        string[] members = ["Max", "MaxMagnitude", "Min", "max", "MathHelper", "Abs", "XMLDoc", "WriteLine", "Write", "WriteAllLines"];

        Assert.Equal(["Max", "MaxMagnitude", "max"], CompletionRanking.Rank(members, "Max"));
        Assert.Equal(["max", "Max", "MaxMagnitude"], CompletionRanking.Rank(members, "max"));
        // The prefix match first, then the camel-hump one: Write·(All)·L(ines).
        Assert.Equal(["WriteLine", "WriteAllLines"], CompletionRanking.Rank(members, "WriteL"));
        // "WL": no prefix match; camel humps W(rite)L(ine) and W(rite)A(ll)L(ines), a later hump skipped.
        Assert.Equal(["WriteAllLines", "WriteLine"], CompletionRanking.Rank(members, "WL"));
        Assert.Equal(["XMLDoc"], CompletionRanking.Rank(members, "XD"));
        Assert.Equal(members.Order(StringComparer.OrdinalIgnoreCase).ThenBy(m => m, StringComparer.Ordinal), CompletionRanking.Rank(members, ""));
        Assert.Empty(CompletionRanking.Rank(members, "Zq"));
    }

    [Theory]
    [InlineData("WriteLine", "wrli", true)]
    [InlineData("WriteLine", "Line", false)] // the first hump may not be skipped
    [InlineData("WriteLine", "WLx", false)]
    [InlineData("learning_rate", "lr", true)]
    [InlineData("Vector2D", "V2", true)]
    public void CamelHumps(string candidate, string pattern, bool matches) =>
        Assert.Equal(matches, CompletionRanking.IsCamelHumpMatch(candidate, pattern));

    [Theory]
    [InlineData("Math.Max(", 9, "Math.Max(", 9)] // inside the (empty) argument list
    [InlineData("Trainer.Run(objective, ", 23, "Trainer.Run(objective, ", 12)] // after a comma: still just after '('
    [InlineData("Math.Max(Math.Abs(-2), ", 14, "Math.Max(Math.Abs(-2), ", 18)] // the innermost call around the cursor
    [InlineData("Math.Max(1, 2)", 6, "Math.Max(1, 2)", 9)] // on the name: just after its '('
    [InlineData("Math.Max", 8, "Math.Max(", 9)] // a method group: as if the call were opened
    [InlineData("new List<int>(3)", 6, "new List<int>(3)", 14)]
    public void CallAt_FindsWhereToAskForSignatureHelp(string code, int cursor, string helpCode, int helpPosition) =>
        Assert.Equal((helpCode, helpPosition), NotebookSession.CallAt(code, cursor));

    [Fact]
    public void CallAt_IsNullOutsideCalls() => Assert.Null(NotebookSession.CallAt("var x = 1 + 2;", 12));
}
