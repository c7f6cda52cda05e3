using System.Text.Json.Nodes;

namespace Descent.Notebooks.Kernel;

public sealed partial class JupyterKernel
{
    private readonly object _historyLock = new();
    private CellHistory? _history;
    private int _historyLine = -1;

    /// <summary>The history store, opened on first use (a new session number in the user's history database).</summary>
    private CellHistory History
    {
        get
        {
            lock (_historyLock)
            {
                return _history ??= OpenHistory();
            }
        }
    }

    private CellHistory OpenHistory()
    {
        var history = CellHistory.Open(CellHistory.DefaultPath(), Log);
        Log(history.IsPersistent ? $"history session {history.Session} in {history.Path}" : "history kept in memory only");
        return history;
    }

    private void RecordHistoryInput(bool storeHistory, int count, string code)
    {
        _historyLine = storeHistory ? count : -1;
        if (storeHistory)
        {
            History.StoreInput(count, code);
        }
    }

    private void RecordHistoryOutput(int count, ResultOutput result)
    {
        if (count == _historyLine && result.Data.TryGetValue(MimeTypes.PlainText, out var text))
        {
            History.StoreOutput(count, text);
        }
    }

    private void CloseHistory()
    {
        lock (_historyLock)
        {
            _history?.Dispose();
        }
    }

    /// <summary>
    /// history_reply for tail, range and search as ipykernel answers them: a list of [session, line, input], or
    /// [session, line, [input, output]] when <c>output</c> is true (output null for a cell without a result).
    /// </summary>
    private JsonObject HistoryReply(JsonObject content)
    {
        var type = GetString(content, "hist_access_type");
        var output = GetBool(content, "output", false);
        IReadOnlyList<HistoryEntry> entries;
        switch (type)
        {
            case "tail":
                entries = History.Tail(GetInt(content, "n", 10));
                break;
            case "range":
                entries = History.Range(GetInt(content, "session", 0), GetInt(content, "start", 1),
                                        content["stop"] is JsonValue stop && stop.TryGetValue(out int s) ? s : null);
                break;
            case "search":
                var pattern = GetString(content, "pattern");
                entries = History.Search(pattern.Length == 0 ? "*" : pattern,
                                         content["n"] is JsonValue n && n.TryGetValue(out int last) ? last : null,
                                         GetBool(content, "unique", false));
                break;
            default:
                Log($"history_request with unknown hist_access_type '{type}' (valid: tail, range, search)");
                entries = [];
                break;
        }

        var history = new JsonArray();
        foreach (var entry in entries)
        {
            history.Add(new JsonArray(entry.Session, entry.Line,
                                      output ? new JsonArray(entry.Input, entry.Output) : JsonValue.Create(entry.Input)));
        }

        return new JsonObject { ["status"] = "ok", ["history"] = history };
    }
}
