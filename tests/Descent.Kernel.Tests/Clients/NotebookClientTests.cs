namespace Descent.Kernel.Tests.Clients;

/// <summary>nbclient (what <c>jupyter nbconvert --execute</c> uses) runs every chapter with this kernel.</summary>
[Collection(JupyterClientsCollection.Name)]
public sealed class NotebookClientTests(JupyterClients clients)
{
    [Fact]
    public void EveryChapter_RunsWithoutErrorOutputs()
    {
        var chapters = clients.Chapters();
        Assert.NotEmpty(chapters);
        var results = clients.Notebooks.AsObject();
        Assert.Equal(chapters.Length, results.Count);
        foreach (var (name, result) in results)
        {
            Assert.True(result!["failure"] is null, $"{name}: {result["failure"]}");
            Assert.True(result["errors"]!.AsArray().Count == 0, $"{name}: error outputs {result["errors"]!.ToJsonString()}");
            // Where the chapter is stored with outputs (from `descent run`), each cell gives the same kinds of outputs here.
            var outputs = result["outputs"]!.AsArray();
            var stored = result["stored_outputs"]!.AsArray();
            Assert.Equal(stored.Count, outputs.Count);
            for (var cell = 0; cell < stored.Count; cell++)
            {
                if (stored[cell]!.AsArray().Count > 0)
                {
                    Assert.True(stored[cell]!.ToJsonString() == outputs[cell]!.ToJsonString(),
                                $"{name} code cell {cell}: outputs {outputs[cell]!.ToJsonString()} differ from stored {stored[cell]!.ToJsonString()}");
                }
            }
        }
    }
}
