using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class StoredResultTests
{
    [Fact]
    public void Parse_keeps_the_comments_and_reads_numbers_with_the_invariant_culture_and_text_as_text()
    {
        var stored = StoredResult.Parse("# made by a command\n# second line\nb,x,ok,name\n1,0.5,True,a\n64,-2E-3,False,b\n", "x.csv");
        Assert.Equal(["b", "x", "ok", "name"], stored.Table.Columns);
        Assert.Equal("made by a command", stored.Command);
        Assert.Equal("made by a command\nsecond line", stored.Provenance);
        Assert.Equal([1.0, 64.0], stored.Column("b"));
        Assert.Equal([0.5, -2e-3], stored.Column("x"));
        Assert.Equal("True", stored.Table.Rows[0][2]);
        Assert.Equal("a", stored.Table.Rows[0][3]);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => stored.Column("y")).ParamName);
        Assert.Equal("data/x.csv: 2 rows × 4 columns (b, x, ok, name)\nmade by: made by a command", stored.Summary);
        Assert.StartsWith("data/x.csv (regenerate: made by a command)\n", stored.ToString());
        // The same lines as a list, and a table written by ResultTable.ToCsv, read back to the same cells.
        Assert.Equal([0.5, -2e-3], StoredResult.Parse(["# c", "x", "0.5", "-2E-3"]).Column("x"));
        var round = StoredResult.Parse(new ResultTable(["a", "b"], [[1, 2.5], [3, -0.125]]).ToCsv());
        Assert.Equal([2.5, -0.125], round.Column("b"));
        Assert.Equal("", round.Command);
    }

    [Fact]
    public void Bad_input_names_the_problem()
    {
        Assert.Throws<FormatException>(() => StoredResult.Parse("# only a comment\n"));
        Assert.Contains("line 2", Assert.Throws<FormatException>(() => StoredResult.Parse("a,b\n1\n")).Message);
        Assert.Contains("columns are a, b", Assert.Throws<ArgumentException>(() => StoredResult.Parse("a,b\n1,2\n").Column("c")).Message);
        Assert.Throws<FileNotFoundException>(() => StoredResult.Load("no-such-file.csv"));
        Assert.Throws<ArgumentException>(() => StoredResult.Load("../data/clipping-statistics.csv"));
    }

    [Fact]
    public void A_memory_task_table_round_trips_through_csv()
    {
        var rows = new[]
        {
            new MemoryTaskRow("gaussian", 0, 5, 0.5, 0.6, 0.7, 1e-3, 2.0),
            new MemoryTaskRow("identity", 1, 20, 1.0, 1.0, 0.01, 0.99, 15.0),
        };
        var csv = new MemoryTaskResult(rows, 4).ToTable().ToCsv();
        var back = MemoryTaskResult.FromTable(StoredResult.Parse(csv).Table);
        Assert.Equal(rows, back.Rows);
        Assert.Equal(["gaussian", "identity, clip ‖g‖ ≤ 1"], back.Configurations);
    }

    [Theory]
    [InlineData("clipping-comparison.csv")]
    [InlineData("clipping-statistics.csv")]
    [InlineData("memory-task.csv")]
    [InlineData("batch-size-time.csv")]
    [InlineData("03-critical-point-index.csv")]
    [InlineData("08-bound-on-a-network.csv")]
    public void The_chapters_stored_results_load_and_say_how_they_were_made(string file)
    {
        var stored = StoredResult.Load(file);
        Assert.NotEmpty(stored.Table.Rows);
        Assert.Contains("experiment run", stored.Command);
        Assert.EndsWith(Path.Combine("data", file), stored.Path);
    }
}
