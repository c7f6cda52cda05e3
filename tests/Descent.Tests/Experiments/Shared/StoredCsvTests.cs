using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class StoredCsvTests
{
    [Fact]
    public void Parse_skips_comment_lines_and_reads_numbers_with_the_invariant_culture()
    {
        var table = StoredCsv.Parse("# made by a command\n# second line\nb,x,ok\n1,0.5,True\n64,1E-3,False\n");
        Assert.Equal(["b", "x", "ok"], table.Columns);
        Assert.Equal([1.0, 64.0], StoredCsv.Column(table, "b"));
        Assert.Equal([0.5, 1e-3], StoredCsv.Column(table, "x"));
        Assert.Equal("True", table.Rows[0][2]);
        // A table written by ResultTable.ToCsv reads back to the same cells.
        var round = StoredCsv.Parse(new ResultTable(["a", "b"], [[1, 2.5], [3, -0.125]]).ToCsv());
        Assert.Equal([2.5, -0.125], StoredCsv.Column(round, "b"));
    }

    [Fact]
    public void Bad_input_names_the_problem()
    {
        Assert.Throws<FormatException>(() => StoredCsv.Parse("# only a comment\n"));
        Assert.Contains("line 2", Assert.Throws<FormatException>(() => StoredCsv.Parse("a,b\n1\n")).Message);
        Assert.Contains("columns are a, b", Assert.Throws<ArgumentException>(() => StoredCsv.Column(StoredCsv.Parse("a,b\n1,2\n"), "c")).Message);
        Assert.Throws<FileNotFoundException>(() => StoredCsv.Read("no-such-file.csv"));
    }
}
