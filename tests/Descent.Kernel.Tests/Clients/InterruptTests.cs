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
        var reply = Reply(cell);
        Assert.Equal("error", Str(reply["status"]));
        Assert.Contains("interrupted", Str(reply["evalue"]), StringComparison.OrdinalIgnoreCase);
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
}
