namespace Descent.Notebooks.Kernel;

/// <summary>The notebook session (same engine, formatters and preloaded Descent as <c>descent run</c>) as a kernel session.</summary>
public sealed class NotebookKernelSession : IKernelSession
{
    private readonly NotebookSession _session;

    private NotebookKernelSession(NotebookSession session) => _session = session;

    /// <summary>Starts a notebook session in <paramref name="workingDirectory"/> (the process's when null).</summary>
    public static async Task<IKernelSession> StartAsync(string? workingDirectory, CancellationToken cancellationToken)
    {
        var session = await NotebookSession.StartAsync(new NotebookSessionOptions(workingDirectory), cancellationToken).ConfigureAwait(false);
        return new NotebookKernelSession(session);
    }

    /// <inheritdoc />
    public Task<CellExecution> ExecuteAsync(string code, Action<CellOutput>? onOutput, CancellationToken cancellationToken) =>
        _session.ExecuteAsync(code, onOutput, cancellationToken);

    /// <inheritdoc />
    public Task<CompletionResult> CompleteAsync(string code, int cursorPosition, CancellationToken cancellationToken) =>
        _session.CompleteAsync(code, cursorPosition, cancellationToken);

    /// <inheritdoc />
    public Task<InspectResult?> InspectAsync(string code, int cursorPosition, CancellationToken cancellationToken) =>
        _session.InspectAsync(code, cursorPosition, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _session.DisposeAsync();

    /// <summary>Names the engine.</summary>
    public override string ToString() => "Descent notebook session";
}
