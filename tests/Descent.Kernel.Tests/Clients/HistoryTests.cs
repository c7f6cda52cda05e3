using System.Text.Json.Nodes;

namespace Descent.Kernel.Tests.Clients;

/// <summary>history_request through jupyter_client against the built kernel (Clients/features_driver.py).</summary>
[Collection(JupyterClientsCollection.Name)]
public sealed class HistoryTests(JupyterClients clients)
{
    [Fact]
    public void History_SurvivesAKernelRestart_WithANewSessionNumber()
    {
        var db = Path.Combine(clients.Harness.Scratch, "persist-history.sqlite");
        var (result, stderr) = clients.Harness.RunScript("features_driver.py", new Dictionary<string, string> { ["DESCENT_HISTORY"] = db }, "persist");

        // The first kernel's cells, with the text result as output when asked for.
        var firstTail = Entries(result["first_tail"]!);
        Assert.Equal(2, firstTail.Length);
        var firstSession = firstTail[0][0]!.GetValue<int>();
        Assert.Equal(new JsonArray("persisted", "42").ToJsonString(), firstTail[1][2]!.ToJsonString());

        // A new process: session -1 is the previous kernel's, read back from the file.
        var previous = Entries(result["previous_range"]!);
        Assert.Equal(["var persisted = 6 * 7;", "persisted"], previous.Select(e => e[2]!.GetValue<string>()));
        Assert.All(previous, e => Assert.Equal(firstSession, e[0]!.GetValue<int>()));
        Assert.Equal([1, 2], previous.Select(e => e[1]!.GetValue<int>()));

        var current = Assert.Single(Entries(result["current_range"]!));
        Assert.Equal(firstSession + 1, current[0]!.GetValue<int>());
        Assert.Equal("\"after restart\"", current[2]!.GetValue<string>());

        // tail spans both sessions, oldest first; search finds the first kernel's cells.
        Assert.Equal(["var persisted = 6 * 7;", "persisted", "\"after restart\""],
                     Entries(result["tail"]!).Select(e => e[2]!.GetValue<string>()));
        Assert.Equal(["var persisted = 6 * 7;", "persisted"], Entries(result["search"]!).Select(e => e[2]!.GetValue<string>()));
        Assert.True(File.Exists(db), stderr);
    }

    [Fact]
    public void History_LockedDatabase_NeitherBlocksNorCrashesTheKernel()
    {
        var db = Path.Combine(clients.Harness.Scratch, "locked-history.sqlite");
        var (result, stderr) = clients.Harness.RunScript("features_driver.py", new Dictionary<string, string> { ["DESCENT_HISTORY"] = db }, "locked", "--db", db);

        var locked = result["locked_cells"]!.AsArray();
        Assert.All(locked, c => Assert.Equal("ok", c!["status"]!.GetValue<string>()));
        // Liveness only: that storing never waits for the lock is timed in CellHistoryTests, without a kernel's noise.
        var seconds = locked.Sum(c => c!["seconds"]!.GetValue<double>());
        Assert.True(seconds < 60, $"three trivial cells took {seconds:0.00} s while the history database was locked");
        Assert.Contains("kept in memory only", stderr, StringComparison.Ordinal);
        // History still answers, from memory, and the kernel lives on after the lock is gone.
        Assert.Equal(["2 * 10", "3 * 10"], Entries(result["locked_tail"]!).Select(e => e[2]!.GetValue<string>()));
        Assert.Equal("ok", result["after_lock"]!["status"]!.GetValue<string>());
        Assert.Equal("\"still alive\"", Assert.Single(Entries(result["after_tail"]!))[2]!.GetValue<string>());
    }

    private static JsonArray[] Entries(JsonNode reply)
    {
        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        return [.. reply["history"]!.AsArray().Select(e => e!.AsArray())];
    }
}
