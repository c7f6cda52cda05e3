using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class StoredResultsTests
{
    [Fact]
    public void Parse_skips_comments_and_reads_numbers_and_text()
    {
        var table = StoredResults.Parse(["# made by a command", "name,x", "a,1.5", "b,-2E-3"]);
        Assert.Equal(["name", "x"], table.Columns);
        Assert.Equal("a", table.Rows[0][0]);
        Assert.Equal([1.5, -2e-3], StoredResults.Column(table, "x"));
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => StoredResults.Column(table, "y")).ParamName);
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
        var back = MemoryTaskResult.FromTable(StoredResults.Parse(csv.Split('\n')));
        Assert.Equal(rows, back.Rows);
        Assert.Equal(["gaussian", "identity, clip ‖g‖ ≤ 1"], back.Configurations);
    }

    [Theory]
    [InlineData("clipping-comparison.csv")]
    [InlineData("clipping-statistics.csv")]
    [InlineData("memory-task.csv")]
    public void The_chapters_stored_results_load_and_say_how_they_were_made(string file)
    {
        Assert.NotEmpty(StoredResults.Load(file).Rows);
        Assert.Contains("experiment run", StoredResults.Provenance(file));
    }
}
