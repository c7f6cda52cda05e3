// TEMPORARY (kernel branch only): the session contract's types until the notebooks engineer lands them.
#pragma warning disable CS1591
namespace Descent.Notebooks;

public sealed class NotebookSession : IAsyncDisposable
{
    private int _count;

    public static Task<NotebookSession> StartAsync(NotebookSessionOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new NotebookSession());

    public async Task<CellExecution> ExecuteAsync(string code, Action<CellOutput>? onOutput = null, CancellationToken cancellationToken = default)
    {
        _count++;
        var outputs = new List<CellOutput>();
        void Emit(CellOutput o) { outputs.Add(o); onOutput?.Invoke(o); }
        var start = DateTime.UtcNow;
        try
        {
            if (code.Contains("spin", StringComparison.Ordinal)) { while (true) { } }
            if (code.Contains("loop", StringComparison.Ordinal)) { while (true) { await Task.Delay(10, cancellationToken); } }
            if (code.Contains("throw", StringComparison.Ordinal)) { Emit(new ErrorOutput("System.InvalidOperationException", "boom", ["at line 2"], 2)); return new CellExecution(false, false, outputs, DateTime.UtcNow - start); }
            if (code.Contains("print", StringComparison.Ordinal)) { Emit(new StreamOutput("stdout", "hi\n")); }
            if (code.Contains("show", StringComparison.Ordinal)) { Emit(new DisplayOutput(new Dictionary<string, string> { ["text/plain"] = "a" }, "d1", false)); Emit(new DisplayOutput(new Dictionary<string, string> { ["text/plain"] = "b" }, "d1", true)); }
            if (code.Contains("chart", StringComparison.Ordinal)) { Emit(new ResultOutput(new Dictionary<string, string> { ["text/plain"] = "chart", ["text/html"] = "<div/>", ["application/vnd.plotly.v1+json"] = "{\"data\":[]}" })); }
            else if (code.Trim().Length > 0 && !code.Trim().EndsWith(';')) { Emit(new ResultOutput(new Dictionary<string, string> { ["text/plain"] = code.Trim() })); }
            return new CellExecution(true, false, outputs, DateTime.UtcNow - start);
        }
        catch (OperationCanceledException)
        {
            return new CellExecution(false, true, outputs, DateTime.UtcNow - start);
        }
    }

    public Task<CompletionResult> CompleteAsync(string code, int cursorPosition, CancellationToken cancellationToken = default) =>
        Task.FromResult(new CompletionResult(["WriteLine", "Write"], Math.Max(0, cursorPosition - 3), cursorPosition));

    public Task<InspectResult?> InspectAsync(string code, int cursorPosition, CancellationToken cancellationToken = default) =>
        Task.FromResult<InspectResult?>(new InspectResult("void Console.WriteLine()", null));

    public int ExecutionCount => _count;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

public sealed record NotebookSessionOptions(string? WorkingDirectory = null);
public abstract record CellOutput;
public sealed record StreamOutput(string Name, string Text) : CellOutput;
public sealed record DisplayOutput(IReadOnlyDictionary<string, string> Data, string? DisplayId, bool IsUpdate) : CellOutput;
public sealed record ResultOutput(IReadOnlyDictionary<string, string> Data) : CellOutput;
public sealed record ErrorOutput(string Name, string Message, IReadOnlyList<string> Traceback, int? Line) : CellOutput;
public sealed record CellExecution(bool Succeeded, bool Cancelled, IReadOnlyList<CellOutput> Outputs, TimeSpan Elapsed);
public sealed record CompletionResult(IReadOnlyList<string> Matches, int CursorStart, int CursorEnd);
public sealed record InspectResult(string PlainText, string? Markdown);
