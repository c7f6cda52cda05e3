using Descent.Notebooks.Kernel;

namespace Descent.Kernel.Tests.Kernel;

public sealed class CellHistoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("descent-history-tests-").FullName;
    private readonly List<string> _log = [];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private CellHistory Open(string? path) => CellHistory.Open(path, m => { lock (_log) { _log.Add(m); } });

    [Fact]
    public void Reopening_StartsTheNextSession_AndReadsThePreviousOne()
    {
        var path = Path.Combine(_dir, "h.sqlite");
        int first;
        using (var history = Open(path))
        {
            first = history.Session;
            history.StoreInput(1, "var a = 1;");
            history.StoreInput(2, "a + 1");
            history.StoreOutput(2, "2");
            Assert.True(history.IsPersistent);
        }

        using var next = Open(path);
        Assert.Equal(first + 1, next.Session);
        next.StoreInput(1, "a * 3");
        Assert.Equal([(first, 1, "var a = 1;", (string?)null), (first, 2, "a + 1", "2")],
                     next.Range(-1, 1, null).Select(e => (e.Session, e.Line, e.Input, e.Output)));
        Assert.Equal(["a + 1", "a * 3"], next.Tail(2).Select(e => e.Input));
        Assert.Equal(["a * 3"], next.Range(0, 1, null).Select(e => e.Input));
        Assert.Equal(["var a = 1;"], next.Range(first, 1, 2).Select(e => e.Input));
        Assert.DoesNotContain(_log, m => m.StartsWith("warning", StringComparison.Ordinal));
    }

    [Fact]
    public void Search_IsACaseSensitiveGlob_WithUniqueAndLastN()
    {
        using var history = Open(Path.Combine(_dir, "s.sqlite"));
        string[] cells = ["1 + 2", "x = 12", "1 + 2", "X = 1", "1 + 2"];
        for (var i = 0; i < cells.Length; i++)
        {
            history.StoreInput(i + 1, cells[i]);
        }

        Assert.Equal([1, 3, 5], history.Search("1 ? 2", null, unique: false).Select(e => e.Line));
        Assert.Equal([5], history.Search("1 ? 2", null, unique: true).Select(e => e.Line));
        Assert.Equal([3, 5], history.Search("1*2", 2, unique: false).Select(e => e.Line));
        Assert.Equal([2], history.Search("x*", null, unique: false).Select(e => e.Line));
        Assert.Equal([2, 4], history.Search("[xX] = 1*", null, unique: false).Select(e => e.Line));
    }

    [Fact]
    public void UnusablePath_FallsBackToMemoryWithAWarning()
    {
        // A directory cannot be created under a regular file, whoever runs the test (root included).
        var file = Path.Combine(_dir, "not-a-directory");
        File.WriteAllText(file, "");
        using var history = Open(Path.Combine(file, "history.sqlite"));

        Assert.False(history.IsPersistent);
        Assert.Contains(_log, m => m.Contains("kept in memory only", StringComparison.Ordinal));
        history.StoreInput(1, "1 + 1");
        history.StoreInput(2, "2 + 2");
        history.StoreOutput(2, "4");
        Assert.Equal([("1 + 1", (string?)null), ("2 + 2", "4")], history.Tail(5).Select(e => (e.Input, e.Output)));
        Assert.Equal(["2 + 2"], history.Search("2*", null, unique: true).Select(e => e.Input));
        Assert.Equal(["1 + 1"], history.Range(0, 1, 2).Select(e => e.Input));
    }

    [Fact]
    public void LockedDatabase_StoringNeverWaits_AndHistoryFallsBackToMemory()
    {
        var path = Path.Combine(_dir, "locked.sqlite");
        using var history = Open(path);
        history.StoreInput(1, "before the lock");
        Assert.Equal(["before the lock"], history.Tail(1).Select(e => e.Input)); // also waits for that write

        using (var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            holder.Open();
            using (var begin = holder.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE";
                begin.ExecuteNonQuery();
            }

            // A write waits up to 1 s for the lock (the store's busy timeout) before it fails; storing only queues the
            // write, so three stores return at once. 500 ms leaves room for a loaded machine and is still half of
            // what a single waiting write would take.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var line = 2; line <= 4; line++)
            {
                history.StoreInput(line, $"cell {line}");
            }

            Assert.True(clock.ElapsedMilliseconds < 500, $"storing took {clock.ElapsedMilliseconds} ms with the database locked");
            Assert.Equal(["cell 3", "cell 4"], history.Tail(2).Select(e => e.Input));
        }

        Assert.False(history.IsPersistent);
        Assert.Contains(_log, m => m.Contains("kept in memory only", StringComparison.Ordinal));
        history.StoreInput(5, "after the lock");
        Assert.Equal(["cell 4", "after the lock"], history.Tail(2).Select(e => e.Input));
    }

    [Fact]
    public void GlobMatchesLikeSqlite()
    {
        Assert.Matches(CellHistory.GlobToRegex("a?c*"), "abc\nmore");
        Assert.DoesNotMatch(CellHistory.GlobToRegex("a?c"), "ABC");
        Assert.Matches(CellHistory.GlobToRegex("[^x]y"), "zy");
        Assert.DoesNotMatch(CellHistory.GlobToRegex("[^x]y"), "xy");
        Assert.Matches(CellHistory.GlobToRegex("(1+2)"), "(1+2)");
    }
}
