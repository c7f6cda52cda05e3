using static Descent.Kernel.Tests.Clients.Driver;

namespace Descent.Kernel.Tests.Clients;

/// <summary>Messages signed with the wrong key, or not signed, are dropped and never executed.</summary>
[Collection(JupyterClientsCollection.Name)]
public sealed class SecurityTests(JupyterClients clients)
{
    [Fact]
    public void ForgedMessages_DoNotRun_AndTheKernelStaysUp()
    {
        var result = clients.Protocol;
        var forged = result["forged"]!;
        Assert.False(forged["marker_exists"]!.GetValue<bool>());
        Assert.Empty(forged["replies"]!.AsArray());
        Assert.True(forged["kernel_alive"]!.GetValue<bool>());
        Assert.Equal("ok", Str(forged["kernel_info_after"]!["content"]!["status"]));
        // The same cell, properly signed, does create its marker: the forged ones were dropped, not broken.
        Assert.Equal("ok", Str(Reply(result["signed_marker"]!)["status"]));
        Assert.True(result["signed_marker"]!["marker_exists"]!.GetValue<bool>());
        Assert.True(result["heartbeat"]!.GetValue<bool>());
    }

    [Fact]
    public void Kernel_ListensOnlyOnTheFivePortsOfTheConnectionFile_OnItsIp()
    {
        var result = clients.Protocol;
        Assert.True(result["listening"] is not null, "/proc could not be read to list the kernel's sockets (/proc/PID/fd, /proc/net/tcp): the course's tests run on Linux");
        var listening = result["listening"]!.AsArray().Select(s => (Address: s![0]!.GetValue<string>(), Port: s[1]!.GetValue<int>())).ToList();
        // Exactly shell, iopub, stdin, control and heartbeat — no HTTP server, nothing else — and all on the given ip.
        Assert.Equal(result["connection_ports"]!.AsArray().Select(p => p!.GetValue<int>()), listening.Select(s => s.Port).Order());
        Assert.All(listening, s => Assert.Equal(Str(result["connection_ip"]), s.Address));
    }
}
