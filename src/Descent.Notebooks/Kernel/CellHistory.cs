using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Descent.Notebooks.Kernel;

/// <summary>One executed cell in the history: IPython's (session, line, input) with the cell's text result.</summary>
/// <param name="Session">The kernel session's number (1 for the first kernel that used the store, then counting up).</param>
/// <param name="Line">The cell's execution count in that session.</param>
/// <param name="Input">The cell's code as submitted.</param>
/// <param name="Output">The <c>text/plain</c> of the cell's result, or null when it had none.</param>
public sealed record HistoryEntry(int Session, int Line, string Input, string? Output);

/// <summary>
/// The kernel's input history (Jupyter's <c>history_request</c>), kept like IPython's: an SQLite database with one
/// numbered session per kernel start, so it survives a restart. Writes run on a background thread, so a slow or locked
/// database never holds up a cell; when the database cannot be opened or written, the history of the current session is
/// kept in memory and one warning is logged.
/// </summary>
public sealed class CellHistory : IDisposable
{
    /// <summary>The longest result text stored per cell; longer ones are cut (a history entry is for recall, not archiving).</summary>
    public const int MaxOutputLength = 4096;

    /// <summary>How many of this session's cells are also kept in memory (answers when the database fails).</summary>
    public const int MaxInMemory = 2000;

    /// <summary>How long a query waits for the database before it answers from memory.</summary>
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(2);

    private readonly List<HistoryEntry> _memory = [];
    private readonly BlockingCollection<Work> _work = new();
    private readonly Action<string> _log;
    private readonly Thread? _writer;
    private SqliteConnection? _db;
    private volatile bool _failed;

    private CellHistory(SqliteConnection? db, int session, Action<string> log)
    {
        _db = db;
        Session = session;
        _log = log;
        _failed = db is null;
        if (db is not null)
        {
            _writer = new Thread(WriteLoop) { IsBackground = true, Name = "descent-kernel-history" };
            _writer.Start();
        }
    }

    /// <summary>This kernel's session number.</summary>
    public int Session { get; }

    /// <summary>Where the store lives, or null when history is kept in memory only.</summary>
    public string? Path { get; private init; }

    /// <summary>Whether entries reach the database (false after it failed: then only this session is kept, in memory).</summary>
    public bool IsPersistent => !_failed;

    /// <summary>
    /// The store in the user's data directory: <c>$DESCENT_HISTORY</c> when set (a file path, or <c>:memory:</c> for no
    /// file), else <c>$XDG_DATA_HOME/descent/history.sqlite</c>, else <c>~/.local/share/descent/history.sqlite</c>.
    /// </summary>
    public static string? DefaultPath()
    {
        var overridden = Environment.GetEnvironmentVariable("DESCENT_HISTORY");
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return overridden == ":memory:" ? null : overridden;
        }

        var data = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(data))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (string.IsNullOrEmpty(home))
            {
                return null;
            }

            data = System.IO.Path.Combine(home, ".local", "share");
        }

        return System.IO.Path.Combine(data, "descent", "history.sqlite");
    }

    /// <summary>
    /// Opens (creating if needed) the store at <paramref name="path"/> and starts a new session in it. Never throws for
    /// an unusable store: it logs a warning through <paramref name="log"/> and keeps history in memory.
    /// </summary>
    public static CellHistory Open(string? path, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (path is null)
        {
            return new CellHistory(null, 1, log);
        }

        SqliteConnection? db = null;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            // Default Timeout bounds the wait on a database locked by another kernel (Microsoft.Data.Sqlite retries
            // SQLITE_BUSY until then); 1 s is its smallest value, and it is spent on the writer thread, never a cell's.
            db = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                DefaultTimeout = 1,
                Pooling = false,
            }.ToString());
            db.Open();
            Run(db, """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS sessions (session INTEGER PRIMARY KEY AUTOINCREMENT, start TEXT, end TEXT, num_cmds INTEGER, remark TEXT);
                CREATE TABLE IF NOT EXISTS history (session INTEGER, line INTEGER, source TEXT, source_raw TEXT, PRIMARY KEY (session, line));
                CREATE TABLE IF NOT EXISTS output_history (session INTEGER, line INTEGER, output TEXT, PRIMARY KEY (session, line));
                """);
            using var insert = db.CreateCommand();
            insert.CommandText = "INSERT INTO sessions (start, num_cmds, remark) VALUES ($start, 0, 'descent'); SELECT last_insert_rowid();";
            insert.Parameters.AddWithValue("$start", DateTime.UtcNow.ToString("O"));
            var session = Convert.ToInt32(insert.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            return new CellHistory(db, session, log) { Path = path };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            db?.Dispose();
            log($"warning: the history database {path} cannot be used ({e.GetBaseException().Message}); " +
                "this session's history is kept in memory only");
            return new CellHistory(null, 1, log);
        }
    }

    /// <summary>Records a cell's code under its execution count (<paramref name="line"/>). Returns at once.</summary>
    public void StoreInput(int line, string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        lock (_memory)
        {
            _memory.Add(new HistoryEntry(Session, line, input, null));
            if (_memory.Count > MaxInMemory)
            {
                _memory.RemoveRange(0, _memory.Count - MaxInMemory);
            }
        }

        Enqueue(db => Execute(db, "INSERT OR REPLACE INTO history (session, line, source, source_raw) VALUES ($s, $l, $i, $i);" +
                                  "UPDATE sessions SET num_cmds = $l, end = $t WHERE session = $s;",
                              ("$s", Session), ("$l", line), ("$i", input), ("$t", DateTime.UtcNow.ToString("O"))));
    }

    /// <summary>Records the <c>text/plain</c> result of the cell stored under <paramref name="line"/>. Returns at once.</summary>
    public void StoreOutput(int line, string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Length > MaxOutputLength)
        {
            output = output[..MaxOutputLength] + "…";
        }

        lock (_memory)
        {
            var index = _memory.FindLastIndex(e => e.Line == line);
            if (index >= 0)
            {
                _memory[index] = _memory[index] with { Output = output };
            }
        }

        Enqueue(db => Execute(db, "INSERT OR REPLACE INTO output_history (session, line, output) VALUES ($s, $l, $o);",
                              ("$s", Session), ("$l", line), ("$o", output)));
    }

    /// <summary>The last <paramref name="n"/> cells over all sessions, oldest first (IPython's <c>get_tail</c>).</summary>
    public IReadOnlyList<HistoryEntry> Tail(int n)
    {
        if (n <= 0)
        {
            return [];
        }

        return Query(
            "ORDER BY h.session DESC, h.line DESC LIMIT $n", [("$n", n)], reverse: true,
            memory => memory.TakeLast(n));
    }

    /// <summary>
    /// The cells of <paramref name="session"/> with <paramref name="start"/> ≤ line &lt; <paramref name="stop"/> (no upper
    /// bound when null). As in IPython, a session ≤ 0 counts back from this one: 0 is this session, -1 the previous.
    /// </summary>
    public IReadOnlyList<HistoryEntry> Range(int session, int start, int? stop)
    {
        if (session <= 0)
        {
            session += Session;
        }

        var upper = stop ?? int.MaxValue;
        return Query(
            "WHERE h.session = $s AND h.line >= $a AND h.line < $b ORDER BY h.line", [("$s", session), ("$a", start), ("$b", upper)],
            reverse: false,
            memory => memory.Where(e => e.Session == session && e.Line >= start && e.Line < upper));
    }

    /// <summary>
    /// Cells whose code matches the glob <paramref name="pattern"/> (<c>*</c>, <c>?</c>, <c>[...]</c>, case-sensitive, as
    /// SQLite's GLOB and IPython's search), oldest first; with <paramref name="unique"/> only the latest of equal inputs,
    /// and with <paramref name="n"/> only the last n.
    /// </summary>
    public IReadOnlyList<HistoryEntry> Search(string pattern, int? n, bool unique)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (n is <= 0)
        {
            return [];
        }

        var where = "WHERE h.source_raw GLOB $p" +
                    (unique ? " AND NOT EXISTS (SELECT 1 FROM history l WHERE l.source_raw = h.source_raw AND (l.session > h.session OR (l.session = h.session AND l.line > h.line)))" : "");
        var sql = n is { } last ? where + " ORDER BY h.session DESC, h.line DESC LIMIT $n" : where + " ORDER BY h.session, h.line";
        var regex = GlobToRegex(pattern);
        return Query(sql, n is { } k ? [("$p", pattern), ("$n", k)] : [("$p", pattern)], reverse: n is not null, memory =>
        {
            var matches = memory.Where(e => regex.IsMatch(e.Input));
            if (unique)
            {
                matches = matches.GroupBy(e => e.Input, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(e => e.Line);
            }

            return n is { } count ? matches.TakeLast(count) : matches;
        });
    }

    /// <summary>Waits (briefly) for pending writes and closes the database.</summary>
    public void Dispose()
    {
        _work.CompleteAdding();
        if (_writer is not null && !_writer.Join(QueryTimeout))
        {
            return; // a write stuck on a lock; the process exits regardless
        }

        _db?.Dispose();
        _db = null;
    }

    /// <summary>A regex that matches exactly what SQLite's GLOB matches for <paramref name="pattern"/>.</summary>
    internal static Regex GlobToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    regex.Append("[\\s\\S]*");
                    break;
                case '?':
                    regex.Append("[\\s\\S]");
                    break;
                case '[' when pattern.IndexOf(']', i + 2) is var close and > 0:
                    var body = pattern[(i + 1)..close];
                    var negate = body.StartsWith('^');
                    regex.Append('[').Append(negate ? "^" : "").Append(Regex.Escape(negate ? body[1..] : body).Replace("\\-", "-", StringComparison.Ordinal)).Append(']');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    private IReadOnlyList<HistoryEntry> Query(string clause, (string, object)[] parameters, bool reverse,
                                              Func<IEnumerable<HistoryEntry>, IEnumerable<HistoryEntry>> fromMemory)
    {
        if (!_failed)
        {
            var done = new TaskCompletionSource<List<HistoryEntry>>(TaskCreationOptions.RunContinuationsAsynchronously);
            Enqueue(db =>
            {
                using var command = Command(db, "SELECT h.session, h.line, h.source_raw, o.output FROM history h " +
                                                "LEFT JOIN output_history o ON o.session = h.session AND o.line = h.line " + clause, parameters);
                using var reader = command.ExecuteReader();
                var rows = new List<HistoryEntry>();
                while (reader.Read())
                {
                    rows.Add(new HistoryEntry(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
                }

                done.TrySetResult(rows);
            }, done);
            // WaitAny, unlike Wait, does not throw for a query cancelled because the database failed meanwhile.
            if (Task.WaitAny([done.Task], QueryTimeout) == 0 && done.Task.IsCompletedSuccessfully)
            {
                var rows = done.Task.Result;
                if (reverse)
                {
                    rows.Reverse();
                }

                return rows;
            }

            if (!done.Task.IsCompleted)
            {
                _log("warning: the history database did not answer in time; answering from this session's history in memory");
            }
        }

        lock (_memory)
        {
            return fromMemory(_memory.ToArray()).ToArray();
        }
    }

    private void Enqueue(Action<SqliteConnection> action, TaskCompletionSource<List<HistoryEntry>>? done = null)
    {
        if (_failed)
        {
            done?.TrySetCanceled();
            return;
        }

        try
        {
            _work.Add(new Work(action, done));
        }
        catch (InvalidOperationException)
        {
            done?.TrySetCanceled(); // disposed meanwhile
        }
    }

    private void WriteLoop()
    {
        foreach (var (action, done) in _work.GetConsumingEnumerable())
        {
            if (_failed)
            {
                done?.TrySetCanceled();
                continue;
            }

            try
            {
                action(_db!);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _failed = true;
                done?.TrySetCanceled();
                _log($"warning: the history database {Path} failed ({e.Message}); " +
                     "from now on this session's history is kept in memory only");
            }
        }
    }

    private sealed record Work(Action<SqliteConnection> Action, TaskCompletionSource<List<HistoryEntry>>? Done);

    private static void Run(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(db, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection db, string sql, (string Name, object Value)[] parameters)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
