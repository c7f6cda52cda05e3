using static Descent.Kernel.Tests.Clients.Driver;

namespace Descent.Kernel.Tests.Clients;

/// <summary>Interrupt over the control channel, a loop that ignores it, and restart (one kernel, restarted once).</summary>
[Collection(JupyterClientsCollection.Name)]
public sealed class InterruptTests(JupyterClients clients)
{
    private System.Text.Json.Nodes.JsonNode Run() => clients.Interrupt;

    [Fact]
    public void TrainingLoop_StopsOnInterrupt()
    {
        var result = Run();
        Assert.Equal("ok", Str(result["cooperative_interrupt_reply"]!["content"]!["status"]));
        var cell = result["cooperative"]!;
        Assert.True(cell["idle"]!.GetValue<bool>());
        // Trainer.Run stops cleanly and returns the partial run: no error, the result says it was cancelled.
        Assert.Equal("ok", Str(Reply(cell)["status"]));
        Assert.Empty(IOPub(cell, "error"));
        Assert.Contains("ancel", IOPub(cell, "execute_result")[0]["data"]!["text/plain"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.True(cell["seconds_after_interrupt"]!.GetValue<double>() < 1.0, $"{cell["seconds_after_interrupt"]} s");
        // The interrupt still stops "Run All": the cell queued behind it is aborted.
        Assert.Equal("aborted", Str(Reply(result["queued_behind_cooperative"]!)["status"]));
        // The kernel carries on normally.
        Assert.Equal("2", Str(IOPub(result["after_cooperative"]!, "execute_result")[0]["data"]!["text/plain"]));
    }

    [Fact]
    public void LoopIgnoringCancellation_KernelKeepsAnsweringAndOffersRestart()
    {
        var result = Run();
        Assert.Equal("ok", Str(result["hung_interrupt_reply"]!["content"]!["status"]));
        var reply = Reply(result["hung"]!);
        Assert.Equal("error", Str(reply["status"]));
        Assert.Contains("Restart", Str(reply["evalue"]), StringComparison.Ordinal);
        // Classic Notebook's menu and JupyterLab's are both named.
        Assert.Contains("Kernel › Restart;", Str(reply["evalue"]), StringComparison.Ordinal);
        Assert.Contains("Kernel › Restart Kernel", Str(reply["evalue"]), StringComparison.Ordinal);
        Assert.True(result["hung_heartbeat"]!.GetValue<bool>());
        Assert.True(result["hung_heartbeat_later"]!.GetValue<bool>());
        Assert.Equal("ok", Str(result["hung_kernel_info_control"]!["content"]!["status"]));
        // The next interrupt explains again, and a new cell is refused with the same advice instead of queuing forever.
        Assert.Contains(IOPub(result["second_interrupt"]!, "stream"), s => Str(s["text"]).Contains("Restart", StringComparison.Ordinal));
        Assert.Equal("aborted", Str(Reply(result["execute_while_hung"]!)["status"]));
        Assert.Contains(IOPub(result["execute_while_hung"]!, "stream"), s => Str(s["text"]).Contains("Restart", StringComparison.Ordinal));
    }

    [Fact]
    public void Restart_StartsAFreshProcess()
    {
        var result = Run();
        Assert.True(result["restart_new_process"]!.GetValue<bool>());
        Assert.Equal("2", Str(IOPub(result["after_restart"]!, "execute_result")[0]["data"]!["text/plain"]));
        // The variable defined before the restart is gone: a fresh session.
        Assert.Equal("error", Str(Reply(result["after_restart_old_variable"]!)["status"]));
        Assert.True(result["shutdown"]!["process_exited"]!.GetValue<bool>());
    }

    /// <summary>Interrupt-to-reply limit for loops written in a cell (issue 14): what ipykernel achieves for Python loops.
    /// The measured time includes the client's polling and the idle status after the reply.</summary>
    private const double InterruptSeconds = 1.0;

    private System.Text.Json.Nodes.JsonNode Loops()
    {
        // New tests never skip: the real-client tests need Debian's python3-jupyter-client, which this project requires.
        return clients.Loops;
    }

    [Theory]
    [InlineData("while")]
    [InlineData("for")]
    [InlineData("foreach")]
    [InlineData("do")]
    [InlineData("goto")]
    [InlineData("recursive_local_function")]
    [InlineData("lambda")]
    [InlineData("method_in_class")]
    public void LoopWrittenInTheCell_StopsWithinOneSecond_AndTheSessionCarriesOn(string kind)
    {
        var entry = Loops()["loops"]![kind]!;
        Assert.True(entry["started"]!.GetValue<bool>(), $"the {kind} cell never printed its marker: {entry.ToJsonString()}");
        Assert.Equal("ok", Str(entry["interrupt_reply"]!["content"]!["status"]));
        var reply = Reply(entry);
        Assert.Equal("error", Str(reply["status"]));
        Assert.Equal("OperationCanceledException", Str(reply["ename"]));
        Assert.Contains("interrupted", Str(reply["evalue"]), StringComparison.OrdinalIgnoreCase);
        var seconds = entry["seconds_after_interrupt"]!.GetValue<double>();
        Assert.True(seconds < InterruptSeconds, $"{kind}: the reply came {seconds:0.000} s after the interrupt");
        // One error output (the interrupt), shown in the cell like a KeyboardInterrupt; it names the cell's line.
        var errors = IOPub(entry, "error");
        Assert.Single(errors);
        Assert.Contains(errors[0]["traceback"]!.AsArray(), t => Str(t).Contains("cell line", StringComparison.Ordinal));
        // The variable defined before survives and the next cell runs.
        Assert.Equal("42", Str(IOPub(entry["variable_after"]!, "execute_result")[0]["data"]!["text/plain"]));
        Assert.Equal("ok", Str(Reply(entry["next_cell"]!)["status"]));
        Assert.Contains("next cell", Str(IOPub(entry["next_cell"]!, "execute_result")[0]["data"]!["text/plain"]), StringComparison.Ordinal);
    }

    [Fact]
    public void LiveTrain_StopsCleanlyWithinOneSecond_TitledCancelled()
    {
        var live = Loops()["live"]!;
        Assert.True(live["started"]!.GetValue<bool>(), live.ToJsonString());
        var seconds = live["seconds_after_interrupt"]!.GetValue<double>();
        Assert.True(seconds < InterruptSeconds, $"Live.Train replied {seconds:0.000} s after the interrupt");
        // No red exception: the cell succeeds and returns the partial run.
        Assert.Equal("ok", Str(Reply(live)["status"]));
        Assert.Empty(IOPub(live, "error"));
        var updates = IOPub(live, "update_display_data");
        Assert.NotEmpty(updates);
        var final = updates[^1].ToJsonString();
        Assert.Matches(@"cancelled after \d+ steps", final);
        Assert.Contains("Cancelled", Str(IOPub(live["variable_after"]!, "execute_result")[0]["data"]!["text/plain"]), StringComparison.Ordinal);
    }

    [Fact]
    public void RunawayRecursion_EndsWithAClearError_NotAStackOverflowThatKillsTheKernel()
    {
        var result = Loops();
        var reply = Reply(result["deep_recursion"]!);
        Assert.Equal("error", Str(reply["status"]));
        Assert.Equal("InsufficientExecutionStackException", Str(reply["ename"]));
        Assert.Contains("recursion is too deep", Str(reply["evalue"]), StringComparison.Ordinal);
        Assert.Equal("ok", Str(Reply(result["after_deep_recursion"]!)["status"]));
        Assert.True(result["kernel_alive"]!.GetValue<bool>());
    }

    [Fact]
    public void AfterTheInterrupts_NoRunawayThreadBurnsACore()
    {
        var result = Loops();
        var after = result["busiest_thread_after_interrupts"]!;
        var spinning = result["busiest_thread_with_spinner"]!;
        Assert.Equal("ok", Str(Reply(result["spinner"]!)["status"]));
        // The control: a thread spinning on purpose gets a good part of a core in 3 s (less on a busy machine; 0.3 s of
        // CPU even at 10% of a core). After the interrupts no thread comes near it: the runaway loops stopped, and
        // what remains is timers and sockets, a few hundredths of a second (the driver leaves out the runtime's JIT and GC
        // threads, which never run a cell's code).
        var spinner = spinning["cpu_seconds"]!.GetValue<double>();
        var idle = after["cpu_seconds"]!.GetValue<double>();
        Assert.True(spinner > 0.3, $"the control spinner used only {spinner:0.00} s of CPU in 3 s");
        Assert.True(idle < 0.5 * spinner, $"after the interrupts {after["name"]} used {idle:0.00} s of CPU in 3 s (a spinning thread: {spinner:0.00} s)");
    }
}
