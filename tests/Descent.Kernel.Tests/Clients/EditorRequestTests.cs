using System.Text.Json.Nodes;
using static Descent.Kernel.Tests.Clients.Driver;

namespace Descent.Kernel.Tests.Clients;

/// <summary>complete_request and inspect_request as Jupyter front ends send them (Clients/features_driver.py editor).</summary>
[Collection(JupyterClientsCollection.Name)]
public sealed class EditorRequestTests(JupyterClients clients)
{
    private static readonly object Sync = new();
    private static JsonNode? _result;

    private JsonNode Run()
    {
        lock (Sync)
        {
            return _result ??= clients.Harness.RunScript("features_driver.py", new Dictionary<string, string>(), "editor").Result;
        }
    }

    [Fact]
    public void Complete_FiltersToTheTypedPrefix_AndSpansExactlyIt()
    {
        var complete = Run()["complete"]!;
        var ma = complete["math_ma"]!;
        // Math's members starting with "Ma" (.NET 10: Max, MaxMagnitude), not all 48 members.
        Assert.Equal(["Max", "MaxMagnitude"], ma["matches"]!.AsArray().Select(Str));
        Assert.Equal(5, ma["cursor_start"]!.GetValue<int>()); // the 'M' of "Ma" in "Math.Ma"
        Assert.Equal(7, ma["cursor_end"]!.GetValue<int>());
        Assert.Equal(["WriteLine"], complete["console_writel"]!["matches"]!.AsArray().Select(Str));
        // Camel humps: "WL" is W(indow)L(eft) and W(rite)L(ine).
        Assert.Equal(["WindowLeft", "WriteLine"], complete["console_wl"]!["matches"]!.AsArray().Select(Str));
        var dot = complete["math_dot"]!;
        Assert.True(dot["matches"]!.AsArray().Count > 40, dot.ToJsonString());
        Assert.Equal(5, dot["cursor_start"]!.GetValue<int>());
    }

    [Fact]
    public void Inspect_AnywhereInACall_ShowsEveryOverload_BestFitFirst()
    {
        var inspect = Run()["inspect"]!;
        foreach (var name in new[] { "max_open", "max_second_arg", "max_name" })
        {
            var reply = inspect[name]!;
            Assert.True(reply["found"]!.GetValue<bool>(), name);
            var text = Str(reply["data"]!["text/plain"]);
            Assert.StartsWith("13 overloads", text, StringComparison.Ordinal);
            Assert.Contains("Returns the larger of two", text, StringComparison.Ordinal); // the XML docs
            Assert.Contains("```csharp", Str(reply["data"]!["text/markdown"]), StringComparison.Ordinal);
        }

        // The first signature listed is the one the typed arguments select.
        Assert.Equal("double Math.Max(double val1, double val2)", FirstSignature(inspect["max_second_arg"]!));
        Assert.Equal("int Math.Max(int val1, int val2)", FirstSignature(inspect["max_name"]!));

        var trainer = inspect["trainer"]!;
        Assert.True(trainer["found"]!.GetValue<bool>(), trainer.ToJsonString());
        Assert.Contains("Trainer.Run(", FirstSignature(trainer), StringComparison.Ordinal);
        // Descent's own XML docs reach the reply (the summary of Trainer.Run).
        Assert.Contains("Minimizes", Str(trainer["data"]!["text/plain"]), StringComparison.Ordinal);
    }

    private static string FirstSignature(JsonNode reply) =>
        Str(reply["data"]!["text/plain"]).Split('\n').First(l => l.Contains('(', StringComparison.Ordinal)).Trim();
}
