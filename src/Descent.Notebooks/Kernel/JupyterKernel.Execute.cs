using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;

namespace Descent.Notebooks.Kernel;

public sealed partial class JupyterKernel
{
    private const string HungCellAdvice =
        "It is inside compiled code that ignores cancellation (a library call such as Thread.Sleep(Timeout.Infinite)), and " +
        ".NET cannot stop a thread from outside: restart the kernel to stop it (Notebook: Kernel › Restart; JupyterLab: " +
        "Kernel › Restart Kernel; VS Code: Restart in the notebook toolbar). Loops and recursion written in a cell, and " +
        "Descent's own loops, stop on interrupt; pass CellCancellation.Token to library calls that accept a token.";

    private const string StillRunning = "A previous cell is still running. ";

    private volatile CellRun? _current;
    private CellRun? _hungRun;
    private int _executionCount;
    private readonly Queue<JupyterMessage> _takenAfterFailure = new();

    private CellRun? HungCell => Volatile.Read(ref _hungRun);

    private void Execute(RouterSocket socket, JupyterMessage request)
    {
        var code = GetString(request.Content, "code");
        var silent = GetBool(request.Content, "silent", false);
        var storeHistory = !silent && GetBool(request.Content, "store_history", true);
        if (storeHistory)
        {
            _executionCount++;
        }

        var count = _executionCount;
        RecordHistoryInput(storeHistory, count, code);
        if (HungCell is not null)
        {
            if (!silent)
            {
                Publish("stream", new JsonObject { ["name"] = "stderr", ["text"] = StillRunning + HungCellAdvice + "\n" }, request);
            }

            Reply(socket, request, "execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = count });
            return;
        }

        if (!silent)
        {
            Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);
        }

        var session = WaitForSession();
        if (session is null)
        {
            var reason = _sessionTask?.Exception?.GetBaseException().Message ?? "the kernel is shutting down";
            var failed = new ErrorOutput("KernelStartupError", "The notebook session could not start: " + reason, [], null);
            ReplyError(socket, request, failed, code, count, silent);
            return;
        }

        if (Pager.Target(code) is { } target)
        {
            Page(socket, request, session, target, count, silent);
            return;
        }

        var run = new CellRun(request, code, count, silent);
        _current = run;
        var task = Task.Run(() => session.ExecuteAsync(code, output => OnOutput(run, output), run.Cancellation.Token));
        var abandoned = !WaitForCell(run, task);
        _current = null;

        if (abandoned)
        {
            run.Abandon();
            MarkHung(run, task);
            var elapsed = run.InterruptedAfter;
            var error = new ErrorOutput("KernelInterrupted",
                $"The cell did not stop within {_options.EffectiveInterruptGrace.TotalSeconds:0.#} s of the interrupt" +
                (elapsed is null ? string.Empty : $" (interrupted after {elapsed.Value.TotalSeconds:0.0} s)") + " and keeps running. " + HungCellAdvice,
                [], null);
            ReplyError(socket, request, error, code, count, silent);
            return;
        }

        CellExecution result;
        try
        {
            result = task.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var crashed = new ErrorOutput(e.GetType().FullName ?? e.GetType().Name, e.Message, [e.ToString()], null);
            ReplyError(socket, request, crashed, code, count, silent);
            return;
        }

        if (result.Cancelled || (run.InterruptedAfter is not null && !result.Succeeded))
        {
            // The engine reports cancellation at once, but the cell's thread stops only if its code checks the token.
            // Until it stops, the engine runs nothing else: probe it, and if the probe does not get through within
            // the grace period, the cell ignores cancellation.
            if (!EngineResponds(session, run))
            {
                run.Abandon();
                var stuck = new ErrorOutput("KernelInterrupted",
                    "The cell was interrupted but keeps running. " + HungCellAdvice, [], null);
                ReplyError(socket, request, stuck, code, count, silent);
                return;
            }

            var interrupted = run.Error ?? new ErrorOutput("OperationCanceledException",
                "The cell was interrupted" + (run.InterruptedAfter is { } t ? $" after {t.TotalSeconds:0.0} s" : string.Empty) + ".", [], null);
            ReplyError(socket, request, interrupted, code, count, silent || run.Error is not null);
            return;
        }

        if (!result.Succeeded)
        {
            var error = run.Error ?? result.Outputs.OfType<ErrorOutput>().LastOrDefault()
                        ?? new ErrorOutput("Error", "The cell failed without an error message.", [], null);
            // The error output was already published as it happened; publish one only if none was.
            ReplyError(socket, request, error, code, count, silent || run.Error is not null);
            return;
        }

        var reply = new JsonObject
        {
            ["status"] = "ok",
            ["execution_count"] = count,
            ["payload"] = new JsonArray(),
            ["user_expressions"] = EvaluateUserExpressions(session, request.Content["user_expressions"] as JsonObject),
        };
        // An interrupted cell that stopped cleanly (Live.Train, Trainer.Run) ends without an error, but the interrupt
        // still stops "Run All": the cells queued behind it are aborted, as after an error.
        ReplyAndAbortQueued(socket, request, reply, abortQueued: run.InterruptedAfter is not null && GetBool(request.Content, "stop_on_error", true));
    }

    /// <summary>
    /// After an interrupt: whether the engine runs a trivial submission within the grace period, i.e. the interrupted
    /// cell's thread has really stopped. If not, the kernel is marked hung until the probe gets through.
    /// </summary>
    private bool EngineResponds(IKernelSession session, CellRun run)
    {
        var probe = Task.Run(() => session.ExecuteAsync(string.Empty, null, CancellationToken.None));
        var deadline = _options.EffectiveInterruptGrace;
        var clock = Stopwatch.StartNew();
        while (!probe.Wait(50))
        {
            if (_stopping || clock.Elapsed > deadline)
            {
                MarkHung(run, probe);
                return false;
            }
        }

        return true;
    }

    private void MarkHung(CellRun run, Task stillRunning)
    {
        Volatile.Write(ref _hungRun, run);
        _ = stillRunning.ContinueWith(_ =>
        {
            if (Interlocked.CompareExchange(ref _hungRun, null, run) == run)
            {
                Log($"cell [{run.Count}] finally stopped; the kernel accepts cells again");
            }
        }, TaskScheduler.Default);
    }

    /// <summary>Waits for the cell; false when it ignored an interrupt for longer than the grace period.</summary>
    private bool WaitForCell(CellRun run, Task task)
    {
        while (!task.Wait(50))
        {
            if (_stopping)
            {
                return false;
            }

            if (run.InterruptedAfter is not null && run.SinceInterrupt > _options.EffectiveInterruptGrace)
            {
                return false;
            }
        }

        return true;
    }

    private void InterruptCurrentCell(JupyterMessage? request)
    {
        var run = _current;
        if (run is not null)
        {
            Log($"interrupting cell [{run.Count}]");
            run.Interrupt();
            return;
        }

        if (HungCell is { } hung)
        {
            Log($"interrupt while cell [{hung.Count}] ignores cancellation");
            Publish("stream", new JsonObject { ["name"] = "stderr", ["text"] = StillRunning + HungCellAdvice + "\n" }, request);
        }
    }

    private void OnOutput(CellRun run, CellOutput output)
    {
        if (output is ErrorOutput error)
        {
            run.Error = error;
        }

        if (run.Silent || run.IsAbandoned)
        {
            return;
        }

        switch (output)
        {
            case StreamOutput stream:
                Publish("stream", new JsonObject { ["name"] = stream.Name, ["text"] = stream.Text }, run.Request);
                break;
            case DisplayOutput display when display.Data.TryGetValue(Output.ClearOutputMimeType, out var clear):
                Publish("clear_output", new JsonObject { ["wait"] = clear.Contains("true", StringComparison.Ordinal) }, run.Request);
                break;
            case DisplayOutput display when display.IsUpdate && display.DisplayId is not null:
                Publish("update_display_data", DisplayContent(display), run.Request);
                break;
            case DisplayOutput display:
                Publish("display_data", DisplayContent(display), run.Request);
                break;
            case ResultOutput result:
                RecordHistoryOutput(run.Count, result);
                Publish("execute_result", new JsonObject
                {
                    ["execution_count"] = run.Count,
                    ["data"] = MimeBundle(result.Data),
                    ["metadata"] = new JsonObject(),
                }, run.Request);
                break;
            case ErrorOutput e:
                Publish("error", ErrorContent(e, run.Code, run.Count), run.Request);
                break;
        }
    }

    internal static JsonObject DisplayContent(DisplayOutput display)
    {
        var content = new JsonObject { ["data"] = MimeBundle(display.Data), ["metadata"] = new JsonObject() };
        content["transient"] = display.DisplayId is null ? new JsonObject() : new JsonObject { ["display_id"] = display.DisplayId };
        return content;
    }

    /// <summary>A Jupyter mime bundle: JSON mime types (application/json, *+json) as JSON values, the rest as strings;
    /// text/plain is always present.</summary>
    internal static JsonObject MimeBundle(IReadOnlyDictionary<string, string> data)
    {
        var bundle = new JsonObject();
        foreach (var (mime, value) in data)
        {
            bundle[mime] = IsJsonMime(mime) ? ParseJsonOrString(value) : JsonValue.Create(value);
        }

        if (!bundle.ContainsKey("text/plain"))
        {
            bundle["text/plain"] = data.Count == 0 ? string.Empty : $"<{string.Join(", ", data.Keys)}>";
        }

        return bundle;
    }

    private static bool IsJsonMime(string mime) =>
        mime == "application/json" || mime.EndsWith("+json", StringComparison.Ordinal);

    private static JsonNode? ParseJsonOrString(string value)
    {
        try
        {
            return JsonNode.Parse(value);
        }
        catch (JsonException)
        {
            return JsonValue.Create(value);
        }
    }

    /// <summary>error content: ename, evalue and a traceback that names the cell and line, shows the source line,
    /// then the engine's traceback, and ends with "ename: evalue".</summary>
    internal static JsonObject ErrorContent(ErrorOutput error, string code, int count)
    {
        var traceback = new JsonArray();
        if (error.Line is int line && line >= 1)
        {
            traceback.Add($"Cell In[{count}], line {line}");
            var lines = code.Split('\n');
            if (line <= lines.Length)
            {
                traceback.Add($"----> {line} {lines[line - 1].TrimEnd('\r')}");
            }
        }

        foreach (var entry in error.Traceback)
        {
            traceback.Add(entry);
        }

        var summary = $"{error.Name}: {error.Message}";
        if (!error.Traceback.Any(t => t.Contains(error.Message, StringComparison.Ordinal)))
        {
            traceback.Add(summary);
        }

        return new JsonObject { ["ename"] = error.Name, ["evalue"] = error.Message, ["traceback"] = traceback };
    }

    /// <summary>
    /// Sends a cell's execute_reply. After a failed (or interrupted) cell with stop_on_error (the default), the execute
    /// requests already queued on the shell socket are answered with status "aborted", as ipykernel does, so "Run All"
    /// stops at the first error; other queued requests are handled as usual.
    /// The queue is taken before the reply goes out: a request waiting then was sent before the client could know of
    /// the failure, while one sent after the client saw the reply runs as usual (draining after the reply raced with a
    /// client that answers the reply at once). The taken requests are answered after the failed cell's idle status
    /// (<see cref="AnswerTakenRequests"/>), so every request's messages still come in the order they were sent.
    /// </summary>
    private void ReplyAndAbortQueued(RouterSocket socket, JupyterMessage request, JsonObject content, bool abortQueued)
    {
        var frames = new List<byte[]>();
        while (abortQueued && socket.TryReceiveMultipartBytes(TimeSpan.Zero, ref frames))
        {
            if (JupyterWire.TryDecode(frames, _signer, out var message, out var error))
            {
                _takenAfterFailure.Enqueue(message!);
            }
            else
            {
                Log($"dropped a message on shell: {error}");
            }
        }

        Reply(socket, request, "execute_reply", content);
    }

    /// <summary>Answers the requests taken off the shell socket after a failure: executions aborted, the rest handled.</summary>
    private void AnswerTakenRequests(RouterSocket socket)
    {
        while (_takenAfterFailure.TryDequeue(out var message))
        {
            if (message.MessageType != "execute_request")
            {
                HandleShell(socket, message);
                continue;
            }

            Publish(Status("busy", message));
            Reply(socket, message, "execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = _executionCount });
            Publish(Status("idle", message));
        }
    }

    private void ReplyError(RouterSocket socket, JupyterMessage request, ErrorOutput error, string code, int count, bool alreadyPublishedOrSilent)
    {
        var content = ErrorContent(error, code, count);
        if (!alreadyPublishedOrSilent)
        {
            Publish("error", (JsonObject)content.DeepClone(), request);
        }

        content["status"] = "error";
        content["execution_count"] = count;
        content["user_expressions"] = new JsonObject();
        content["payload"] = new JsonArray();
        ReplyAndAbortQueued(socket, request, content, abortQueued: GetBool(request.Content, "stop_on_error", true));
    }

    private JsonObject EvaluateUserExpressions(IKernelSession session, JsonObject? expressions)
    {
        var results = new JsonObject();
        if (expressions is null)
        {
            return results;
        }

        foreach (var (name, node) in expressions)
        {
            var expression = node is JsonValue v && v.TryGetValue(out string? s) ? s : string.Empty;
            ResultOutput? value = null;
            ErrorOutput? error = null;
            try
            {
                var execution = session.ExecuteAsync(expression, null, _lifetime.Token).GetAwaiter().GetResult();
                value = execution.Outputs.OfType<ResultOutput>().LastOrDefault();
                error = execution.Outputs.OfType<ErrorOutput>().LastOrDefault()
                        ?? (execution.Succeeded ? null : new ErrorOutput("Error", "the expression failed", [], null));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                error = new ErrorOutput(e.GetType().Name, e.Message, [], null);
            }

            if (error is not null)
            {
                var content = ErrorContent(error, expression, _executionCount);
                content["status"] = "error";
                results[name] = content;
            }
            else
            {
                results[name] = new JsonObject
                {
                    ["status"] = "ok",
                    ["data"] = MimeBundle(value?.Data ?? new Dictionary<string, string>()),
                    ["metadata"] = new JsonObject(),
                };
            }
        }

        return results;
    }

    /// <summary>One execute_request in flight: its cancellation, interrupt time and the error it produced.</summary>
    private sealed class CellRun(JupyterMessage request, string code, int count, bool silent)
    {
        private readonly Stopwatch _sinceInterrupt = new();
        private readonly Stopwatch _sinceStart = Stopwatch.StartNew();
        private volatile bool _abandoned;
        private long _interruptedAfterTicks = -1;

        public JupyterMessage Request { get; } = request;

        public string Code { get; } = code;

        public int Count { get; } = count;

        public bool Silent { get; } = silent;

        public CancellationTokenSource Cancellation { get; } = new();

        private volatile ErrorOutput? _error;

        public ErrorOutput? Error
        {
            get => _error;
            set => _error = value;
        }

        public bool IsAbandoned => _abandoned;

        public TimeSpan? InterruptedAfter
        {
            get
            {
                var ticks = Interlocked.Read(ref _interruptedAfterTicks);
                return ticks < 0 ? null : TimeSpan.FromTicks(ticks);
            }
        }

        public TimeSpan SinceInterrupt => _sinceInterrupt.Elapsed;

        public void Interrupt()
        {
            if (Interlocked.CompareExchange(ref _interruptedAfterTicks, _sinceStart.Elapsed.Ticks, -1) == -1)
            {
                _sinceInterrupt.Start();
            }

            Cancellation.Cancel();
        }

        public void Abandon() => _abandoned = true;
    }
}
