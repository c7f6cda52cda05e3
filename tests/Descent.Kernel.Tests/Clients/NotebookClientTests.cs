namespace Descent.Kernel.Tests.Clients;

/// <summary>nbclient (what <c>jupyter nbconvert --execute</c> uses) runs every chapter with this kernel.</summary>
[Collection(JupyterClientsCollection.Name)]
public sealed class NotebookClientTests(JupyterClients clients)
{
    [SkippableFact]
    public void EveryChapter_RunsWithoutErrorOutputs()
    {
        Skip.If(clients.Harness.SkipReason is not null, clients.Harness.SkipReason);
        var chapters = clients.Chapters();
        Skip.If(chapters.Length == 0, "no chapters in notebooks/ yet");
        var results = clients.Notebooks.AsObject();
        Assert.Equal(chapters.Length, results.Count);
        foreach (var (name, result) in results)
        {
            Assert.True(result!["failure"] is null, $"{name}: {result["failure"]}");
            Assert.True(result["errors"]!.AsArray().Count == 0, $"{name}: error outputs {result["errors"]!.ToJsonString()}");
            // Same kinds of outputs per cell as the stored run by `descent run`.
            Assert.True(result["outputs"]!.ToJsonString() == result["stored_outputs"]!.ToJsonString(),
                        $"{name}: outputs {result["outputs"]!.ToJsonString()} differ from stored {result["stored_outputs"]!.ToJsonString()}");
        }
    }
}
