using System.Text.Json.Nodes;
using static Descent.Kernel.Tests.Clients.Driver;

namespace Descent.Kernel.Tests.Clients;

/// <summary>Every message type, driven by jupyter_client against the built kernel (one kernel process).</summary>
[Collection(JupyterClientsCollection.Name)]
public sealed class ProtocolTests(JupyterClients clients)
{
    private JsonNode Run() => clients.Protocol;

    [Fact]
    public void KernelInfo_DescribesCSharpOnShellAndControl()
    {
        var result = Run();
        foreach (var channel in new[] { "kernel_info_shell", "kernel_info_control" })
        {
            var info = result[channel]!["content"]!;
            Assert.Equal("ok", Str(info["status"]));
            Assert.Equal("5.3", Str(info["protocol_version"]));
            Assert.Equal("descent", Str(info["implementation"]));
            var language = info["language_info"]!;
            Assert.Equal("csharp", Str(language["name"]));
            Assert.Equal("text/x-csharp", Str(language["mimetype"]));
            Assert.Equal(".cs", Str(language["file_extension"]));
            Assert.Equal("csharp", Str(language["pygments_lexer"]));
            Assert.Equal("text/x-csharp", Str(language["codemirror_mode"]));
            Assert.False(string.IsNullOrWhiteSpace(Str(info["banner"])));
            Assert.NotEmpty(info["help_links"]!.AsArray());
            Assert.Equal("5.3", Str(result[channel]!["header_version"]));
        }
    }

    [Fact]
    public void Execute_ResultHasPlainTextAndBusyIdleAroundIt()
    {
        var cell = Run()["cells"]!["arithmetic"]!;
        Assert.Equal(["status", "execute_input", "execute_result", "status"], Types(cell));
        Assert.Equal("busy", Str(IOPub(cell, "status")[0]["execution_state"]));
        Assert.Equal("idle", Str(IOPub(cell, "status")[1]["execution_state"]));
        Assert.Equal("2", Str(IOPub(cell, "execute_result")[0]["data"]!["text/plain"]));
        Assert.Equal("1 + 1", Str(IOPub(cell, "execute_input")[0]["code"]));
        var reply = Reply(cell);
        Assert.Equal("ok", Str(reply["status"]));
        Assert.Equal(IOPub(cell, "execute_result")[0]["execution_count"]!.GetValue<int>(), reply["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public void Execute_CountsOnlyStoredCells()
    {
        var result = Run();
        var counts = new[] { "arithmetic", "stdout", "display", "chart", "runtime_error", "compile_error" }
            .Select(name => Reply(result["cells"]![name]!)["execution_count"]!.GetValue<int>()).ToArray();
        Assert.Equal(Enumerable.Range(1, 6), counts);
        // silent and store_history=false do not advance the count; the next stored cell is 7.
        Assert.Equal(6, Reply(result["silent"]!)["execution_count"]!.GetValue<int>());
        Assert.Equal(6, Reply(result["no_history"]!)["execution_count"]!.GetValue<int>());
        Assert.Equal(7, Reply(result["after_silent"]!)["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public void Execute_SilentBroadcastsNothingButStatus()
    {
        var silent = Run()["silent"]!;
        Assert.Equal(["status", "status"], Types(silent));
        Assert.Equal("ok", Str(Reply(silent)["status"]));
    }

    [Fact]
    public void Execute_StdoutIsAStream()
    {
        var stream = Assert.Single(IOPub(Run()["cells"]!["stdout"]!, "stream"));
        Assert.Equal("stdout", Str(stream["name"]));
        Assert.Equal("hello from descent\n", Str(stream["text"]));
    }

    [Fact]
    public void Execute_DisplayThenUpdateCarryDisplayIds()
    {
        var cell = Run()["cells"]!["display"]!;
        var shown = Assert.Single(IOPub(cell, "display_data"));
        var updated = Assert.Single(IOPub(cell, "update_display_data"));
        Assert.False(string.IsNullOrEmpty(Str(shown["transient"]!["display_id"])));
        Assert.False(string.IsNullOrEmpty(Str(updated["transient"]!["display_id"])));
        Assert.Contains("first", Str(shown["data"]!["text/plain"]), StringComparison.Ordinal);
        Assert.Contains("second", Str(updated["data"]!["text/plain"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_UpdateTargetsTheDisplayedId()
    {
        var cell = clients.Protocol["cells"]!["display"]!;
        Assert.Equal(Str(IOPub(cell, "display_data")[0]["transient"]!["display_id"]),
                     Str(IOPub(cell, "update_display_data")[0]["transient"]!["display_id"]));
    }

    [Fact]
    public void Execute_ChartCarriesPlotlyJsonObjectHtmlAndPlainText()
    {
        var cell = Run()["cells"]!["chart"]!;
        Assert.Equal("ok", Str(Reply(cell)["status"]));
        var data = Assert.Single(IOPub(cell, "execute_result"))["data"]!;
        var figure = Assert.IsType<JsonObject>(data["application/vnd.plotly.v1+json"], exactMatch: false);
        Assert.Equal([1.0, 4.0, 9.0], figure["data"]![0]!["y"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.False(string.IsNullOrEmpty(Str(data["text/plain"])));
        // The HTML loads plotly.js from this kernel spec's folder (its name reaches the kernel through kernel.json's env)
        // and never carries the 3.6 MB library inline, so every chart draws after a refresh or from stored outputs.
        var html = Str(data["text/html"]);
        Assert.Contains($"kernel = \"{KernelHarness.KernelName}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("plotly.js v", html, StringComparison.Ordinal);
        Assert.True(html.Length < 20_000, $"a three-point chart's HTML is {html.Length} chars");
    }

    [Fact]
    public void Execute_RuntimeErrorNamesExceptionAndLine()
    {
        var cell = Run()["cells"]!["runtime_error"]!;
        var error = Assert.Single(IOPub(cell, "error"));
        Assert.Contains("InvalidOperationException", Str(error["ename"]), StringComparison.Ordinal);
        Assert.Equal("boom", Str(error["evalue"]));
        var traceback = error["traceback"]!.AsArray().Select(Str).ToList();
        Assert.Contains(traceback, l => l.Contains("line 2", StringComparison.Ordinal));
        Assert.Contains(traceback, l => l.Contains("throw new InvalidOperationException(\"boom\");", StringComparison.Ordinal));
        var reply = Reply(cell);
        Assert.Equal("error", Str(reply["status"]));
        Assert.Equal(Str(error["ename"]), Str(reply["ename"]));
    }

    [Fact]
    public void Execute_CompileErrorNamesLine()
    {
        var cell = Run()["cells"]!["compile_error"]!;
        var error = Assert.Single(IOPub(cell, "error"));
        Assert.Contains("CS0029", string.Join("\n", error["traceback"]!.AsArray().Select(Str)) + Str(error["evalue"]), StringComparison.Ordinal);
        Assert.Contains(error["traceback"]!.AsArray().Select(Str), l => l.Contains("line 2", StringComparison.Ordinal));
        Assert.Equal("error", Str(Reply(cell)["status"]));
    }

    [Fact]
    public void Execute_UserExpressionsAreEvaluated()
    {
        var expressions = Reply(Run()["user_expressions"]!)["user_expressions"]!;
        Assert.Equal("ok", Str(expressions["product"]!["status"]));
        Assert.Equal("42", Str(expressions["product"]!["data"]!["text/plain"]));
        Assert.Equal("error", Str(expressions["broken"]!["status"]));
    }

    [Fact]
    public void Complete_GivesRoslynMatchesAndTheReplacedRange()
    {
        var reply = Reply(Run()["complete"]!["console"]!);
        Assert.Equal("ok", Str(reply["status"]));
        Assert.Contains("WriteLine", reply["matches"]!.AsArray().Select(Str));
        Assert.Equal(8, reply["cursor_start"]!.GetValue<int>()); // "Console." is 8 characters
        Assert.Equal(11, reply["cursor_end"]!.GetValue<int>());
    }

    [Fact]
    public void Complete_CountsCursorInCodePoints()
    {
        var reply = Reply(Run()["complete"]!["unicode"]!);
        Assert.Contains("Length", reply["matches"]!.AsArray().Select(Str));
        Assert.Equal(15, reply["cursor_start"]!.GetValue<int>()); // see JupyterClients.UnicodeCompletionCode
        Assert.Equal(18, reply["cursor_end"]!.GetValue<int>());
    }

    [Fact]
    public void Inspect_ShowsSignatureAndNotFoundOnBlank()
    {
        var result = Run();
        var found = Reply(result["inspect"]!["writeline"]!);
        Assert.Equal("ok", Str(found["status"]));
        Assert.True(found["found"]!.GetValue<bool>());
        Assert.Contains("WriteLine", Str(found["data"]!["text/plain"]), StringComparison.Ordinal);
        var blank = Reply(result["inspect"]!["blank"]!);
        Assert.False(blank["found"]!.GetValue<bool>());
    }

    [Fact]
    public void IsComplete_ClassifiesWithRoslyn()
    {
        var result = Run()["is_complete"]!;
        Assert.Equal("complete", Str(Reply(result["1 + 1"]!)["status"]));
        Assert.Equal("incomplete", Str(Reply(result["for (var i = 0; i < 3; i++) {"]!)["status"]));
        Assert.Equal("invalid", Str(Reply(result["int 1x = 3;"]!)["status"]));
    }

    [Fact]
    public void History_ListsStoredCellsOnly_CommInfoIsEmpty()
    {
        var result = Run();
        // tail n=10 after 8 stored cells: the six "execute" cells, "1 + 1" and the user_expressions cell; the silent
        // and store_history=false cells are not history (see JupyterClients.ProtocolCells).
        var history = Reply(result["history"]!)["history"]!.AsArray().Select(e => e!.AsArray()).ToArray();
        Assert.Equal(Enumerable.Range(1, 8), history.Select(e => e[1]!.GetValue<int>()));
        var inputs = history.Select(e => Str(e[2])).ToArray();
        Assert.Equal(JupyterClients.ProtocolCells["execute"]!.AsObject().Select(c => Str(c.Value)).Concat(["1 + 1", "var ue = 6;"]), inputs);
        Assert.Single(history.Select(e => e[0]!.GetValue<int>()).Distinct());
        Assert.Empty(Reply(result["comm_info"]!)["comms"]!.AsObject());
    }

    [Fact]
    public void CommOpen_IsClosedAtOnce()
    {
        var close = Assert.Single(IOPub(Run()["comm_open"]!, "comm_close"));
        Assert.Equal("descent-test-comm", Str(close["comm_id"]));
    }

    [Fact]
    public void Execute_QueuedCellAfterAnErrorIsAborted()
    {
        var result = Run()["stop_on_error"]!;
        Assert.Equal("error", Str(Reply(result["failed"]!)["status"]));
        Assert.Equal("aborted", Str(Reply(result["queued"]!)["status"]));
        Assert.Empty(IOPub(result["queued"]!, "execute_result"));
    }

    [Fact]
    public void Shutdown_RepliesAndTheProcessExits()
    {
        var shutdown = Run()["shutdown"]!;
        Assert.Equal("ok", Str(shutdown["reply"]!["content"]!["status"]));
        Assert.False(shutdown["reply"]!["content"]!["restart"]!.GetValue<bool>());
        Assert.True(shutdown["process_exited"]!.GetValue<bool>());
    }
}
