using System.Text.Json.Nodes;
using NetMQ.Sockets;

namespace Descent.Notebooks.Kernel;

public sealed partial class JupyterKernel
{
    private void HandleControl(RouterSocket socket, JupyterMessage request)
    {
        Publish(Status("busy", request));
        try
        {
            switch (request.MessageType)
            {
                case "interrupt_request":
                    InterruptCurrentCell(request);
                    Reply(socket, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                    break;
                case "shutdown_request":
                    Shutdown(socket, request);
                    break;
                case "kernel_info_request":
                    Reply(socket, request, "kernel_info_reply", KernelInfo());
                    break;
                default:
                    Log($"unsupported message type on control: {request}");
                    break;
            }
        }
        finally
        {
            Publish(Status("idle", request));
        }
    }

    private void HandleShell(RouterSocket socket, JupyterMessage request)
    {
        Publish(Status("busy", request));
        try
        {
            switch (request.MessageType)
            {
                case "execute_request":
                    Execute(socket, request);
                    break;
                case "kernel_info_request":
                    Reply(socket, request, "kernel_info_reply", KernelInfo());
                    break;
                case "complete_request":
                    Complete(socket, request);
                    break;
                case "inspect_request":
                    Inspect(socket, request);
                    break;
                case "is_complete_request":
                    var status = SubmissionCompleteness.Check(GetString(request.Content, "code"));
                    var isComplete = new JsonObject { ["status"] = status };
                    if (status == "incomplete")
                    {
                        isComplete["indent"] = "    ";
                    }

                    Reply(socket, request, "is_complete_reply", isComplete);
                    break;
                case "history_request":
                    Reply(socket, request, "history_reply", HistoryReply(request.Content));
                    break;
                case "comm_info_request":
                    Reply(socket, request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                    break;
                case "comm_open":
                    // No comm targets exist: the protocol says to close the comm at once.
                    Publish("comm_close", new JsonObject { ["comm_id"] = request.Content["comm_id"]?.DeepClone(), ["data"] = new JsonObject() }, request);
                    break;
                case "comm_msg":
                case "comm_close":
                    break;
                case "shutdown_request":
                    Shutdown(socket, request);
                    break;
                default:
                    Log($"unsupported message type on shell: {request}");
                    break;
            }
        }
        finally
        {
            Publish(Status("idle", request));
        }

        AnswerTakenRequests(socket);
    }

    private void Shutdown(RouterSocket socket, JupyterMessage request)
    {
        RestartRequested = request.Content["restart"] is JsonValue v && v.TryGetValue(out bool restart) && restart;
        Reply(socket, request, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = RestartRequested });
        Log(RestartRequested ? "shutdown for restart requested; exiting so the client starts a new kernel" : "shutdown requested");
        _stopRequested.Set();
    }

    private static JsonObject KernelInfo() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = "descent",
        ["implementation_version"] = ImplementationVersion,
        ["language_info"] = new JsonObject
        {
            ["name"] = "csharp",
            ["version"] = "14.0",
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = $"Descent {ImplementationVersion} — C# (.NET {Environment.Version}) with the Descent library preloaded. " +
                     "Interrupt stops the cell's own loops and recursion and Descent's loops; compiled code that ignores cancellation needs a restart.",
        ["help_links"] = new JsonArray
        {
            new JsonObject { ["text"] = "C# documentation", ["url"] = "https://learn.microsoft.com/dotnet/csharp/" },
            new JsonObject { ["text"] = ".NET API browser", ["url"] = "https://learn.microsoft.com/dotnet/api/" },
        },
        ["debugger"] = false,
    };

    private void Complete(RouterSocket socket, JupyterMessage request)
    {
        var code = GetString(request.Content, "code");
        var cursor = CodePoints.ToUtf16Index(code, GetInt(request.Content, "cursor_pos", code.Length));
        var matches = new JsonArray();
        int start = cursor, end = cursor;
        var session = HungCell is null ? WaitForSession() : null;
        if (session is not null)
        {
            try
            {
                var result = WithTimeout(session.CompleteAsync(code, cursor, _lifetime.Token), "completion");
                foreach (var match in result.Matches)
                {
                    matches.Add(match);
                }

                start = result.CursorStart;
                end = result.CursorEnd;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Log($"completion failed: {e.Message}");
            }
        }

        Reply(socket, request, "complete_reply", new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = matches,
            ["cursor_start"] = CodePoints.ToCodePoint(code, start),
            ["cursor_end"] = CodePoints.ToCodePoint(code, end),
            ["metadata"] = new JsonObject(),
        });
    }

    private void Inspect(RouterSocket socket, JupyterMessage request)
    {
        var code = GetString(request.Content, "code");
        var cursor = CodePoints.ToUtf16Index(code, GetInt(request.Content, "cursor_pos", code.Length));
        InspectResult? result = null;
        var session = HungCell is null ? WaitForSession() : null;
        if (session is not null)
        {
            try
            {
                result = WithTimeout(session.InspectAsync(code, cursor, _lifetime.Token), "inspection");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Log($"inspection failed: {e.Message}");
            }
        }

        var data = new JsonObject();
        if (result is not null)
        {
            data["text/plain"] = result.PlainText;
            if (result.Markdown is not null)
            {
                data["text/markdown"] = result.Markdown;
            }
        }

        Reply(socket, request, "inspect_reply", new JsonObject
        {
            ["status"] = "ok",
            ["found"] = result is not null,
            ["data"] = data,
            ["metadata"] = new JsonObject(),
        });
    }

    /// <summary>
    /// Answers a help request (<c>Math.Max?</c>) as ipykernel does: the inspection of the name as a <c>page</c> payload
    /// of an ok execute_reply, or a "not found" line on stdout.
    /// </summary>
    private void Page(RouterSocket socket, JupyterMessage request, IKernelSession session, string target, int count, bool silent)
    {
        InspectResult? result = null;
        try
        {
            result = WithTimeout(session.InspectAsync(target, target.Length, _lifetime.Token), "help");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log($"help for {target} failed: {e.Message}");
        }

        var payload = new JsonArray();
        if (result is not null)
        {
            var data = new JsonObject { ["text/plain"] = result.PlainText };
            if (result.Markdown is not null)
            {
                data["text/markdown"] = result.Markdown;
            }

            payload.Add(new JsonObject { ["source"] = "page", ["data"] = data, ["start"] = 0 });
        }
        else if (!silent)
        {
            Publish("stream", new JsonObject { ["name"] = "stdout", ["text"] = $"No documentation found for '{target}'.\n" }, request);
        }

        Reply(socket, request, "execute_reply", new JsonObject
        {
            ["status"] = "ok",
            ["execution_count"] = count,
            ["payload"] = payload,
            ["user_expressions"] = new JsonObject(),
        });
    }

    /// <summary>The task's result, or an exception after <see cref="RequestTimeout"/>, so the shell never blocks for good.</summary>
    private static T WithTimeout<T>(Task<T> task, string what) =>
        task.Wait(RequestTimeout) ? task.Result : throw new TimeoutException($"{what} took longer than {RequestTimeout.TotalSeconds:0} s");

    /// <summary>The started session, waiting for its start; null if it failed to start or the kernel is stopping.</summary>
    private IKernelSession? WaitForSession()
    {
        var task = _sessionTask;
        if (task is null)
        {
            return null;
        }

        try
        {
            task.Wait(_lifetime.Token);
            return task.Result;
        }
        catch (Exception e) when (e is OperationCanceledException or AggregateException)
        {
            return null;
        }
    }

    private static string GetString(JsonObject content, string name) =>
        content[name] is JsonValue v && v.TryGetValue(out string? s) ? s : string.Empty;

    private static int GetInt(JsonObject content, string name, int fallback) =>
        content[name] is JsonValue v && v.TryGetValue(out int i) ? i : fallback;

    private static bool GetBool(JsonObject content, string name, bool fallback) =>
        content[name] is JsonValue v && v.TryGetValue(out bool b) ? b : fallback;
}
