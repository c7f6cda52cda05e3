namespace Descent.Notebooks.Kernel;

/// <summary>
/// What the Jupyter kernel needs from the notebook engine: run a cell (streaming outputs), complete and inspect.
/// <see cref="NotebookKernelSession"/> adapts <see cref="NotebookSession"/>; tests may supply a fake.
/// </summary>
public interface IKernelSession : IAsyncDisposable
{
    /// <summary>Runs <paramref name="code"/>; outputs go to <paramref name="onOutput"/> as they happen.
    /// <paramref name="cancellationToken"/> is cancelled on an interrupt request.</summary>
    Task<CellExecution> ExecuteAsync(string code, Action<CellOutput>? onOutput, CancellationToken cancellationToken);

    /// <summary>Completions at <paramref name="cursorPosition"/> (a UTF-16 index into <paramref name="code"/>).</summary>
    Task<CompletionResult> CompleteAsync(string code, int cursorPosition, CancellationToken cancellationToken);

    /// <summary>Signature and documentation of the symbol at <paramref name="cursorPosition"/>, or null.</summary>
    Task<InspectResult?> InspectAsync(string code, int cursorPosition, CancellationToken cancellationToken);
}
