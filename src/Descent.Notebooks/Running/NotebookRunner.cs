using System.Diagnostics;
using Descent.Notebooks.Ipynb;

namespace Descent.Notebooks.Running;

/// <summary>
/// Executes a notebook top to bottom in a fresh <see cref="NotebookSession"/> and stores the outputs and
/// execution counts in the file. The file is written (atomically) only when every cell succeeded, so a failed or
/// interrupted run leaves it exactly as it was.
/// </summary>
public static class NotebookRunner
{
    /// <summary>Runs the notebook at <paramref name="path"/>.</summary>
    /// <remarks>Unreadable notebooks are reported in <see cref="NotebookRunResult.Failure"/>, not thrown.
    /// Cancelling <paramref name="cancellationToken"/> interrupts the running cell and ends the run unsaved.</remarks>
    public static async Task<NotebookRunResult> RunAsync(string path, NotebookRunOptions? options = null,
                                                         CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new NotebookRunOptions();
        var total = Stopwatch.StartNew();
        var display = path;
        path = System.IO.Path.GetFullPath(path); // the session moves the current directory to the notebook's folder
        Notebook notebook;
        try
        {
            notebook = Notebook.Load(path);
        }
        catch (FileNotFoundException)
        {
            return Failed(new RunFailure(path, null, null, "no such notebook file"));
        }
        catch (NotebookFormatException e)
        {
            return Failed(new RunFailure(path, null, null, e.InnerException is NotebookFormatException inner ? "not a valid notebook: " + inner.Message : e.Message));
        }
        catch (IOException e)
        {
            return Failed(new RunFailure(path, null, null, e.Message));
        }
        catch (UnauthorizedAccessException e)
        {
            return Failed(new RunFailure(path, null, null, e.Message));
        }

        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var reports = new List<CellReport>();
        var startWatch = Stopwatch.StartNew();
        await using var session = await NotebookSession.StartAsync(new NotebookSessionOptions(directory, EmbedPlotlyJs: false), cancellationToken);
        var sessionStart = startWatch.Elapsed;
        RunFailure? failure = null;
        for (var i = 0; i < notebook.Cells.Count && failure is null; i++)
        {
            var cell = notebook.Cells[i];
            if (!cell.IsCode)
            {
                continue;
            }

            options.OnCellStarted?.Invoke(i + 1, cell);
            using var timeout = options.CellTimeout is { } t ? new CancellationTokenSource(t) : new CancellationTokenSource();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var execution = await session.ExecuteAsync(cell.Source, null, linked.Token);
            var report = new CellReport(i + 1, session.ExecutionCount, execution);
            reports.Add(report);
            options.OnCellFinished?.Invoke(report);
            cell.ExecutionCount = session.ExecutionCount;
            cell.Outputs.Clear();
            cell.Outputs.AddRange(JupyterOutputs.FromCellOutputs(execution.Outputs, session.ExecutionCount));
            if (execution.Cancelled)
            {
                failure = new RunFailure(display, i + 1, null,
                    timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                        ? $"the cell did not finish within {options.CellTimeout!.Value.TotalSeconds:0.#} s and was interrupted"
                        : "the run was interrupted");
            }
            else if (!execution.Succeeded || execution.Error is not null)
            {
                var error = execution.Error;
                failure = new RunFailure(display, i + 1, error?.Line, error is null ? "the cell failed" : $"{error.Name}: {error.Message}");
            }
        }

        var saved = false;
        if (failure is null && options.Save)
        {
            options.BeforeSave?.Invoke(notebook);
            notebook.Save(path);
            saved = true;
        }

        return new NotebookRunResult(display, reports, failure, total.Elapsed, sessionStart, saved);

        NotebookRunResult Failed(RunFailure f) => new(display, [], f with { Notebook = display }, total.Elapsed, TimeSpan.Zero, false);
    }
}
