using System.Text.Json.Nodes;

namespace Descent.Kernel.Tests.Clients;

/// <summary>Reading the driver's JSON: a request's IOPub messages and its reply.</summary>
internal static class Driver
{
    public static JsonObject Reply(JsonNode result) =>
        result["reply"]?["content"]?.AsObject() ?? throw new Xunit.Sdk.XunitException("no reply in " + result.ToJsonString());

    public static IReadOnlyList<JsonObject> IOPub(JsonNode result, string type) =>
        result["iopub"]!.AsArray().Select(m => m!.AsObject()).Where(m => (string?)m["msg_type"] == type)
            .Select(m => m["content"]!.AsObject()).ToList();

    public static IReadOnlyList<string> Types(JsonNode result) =>
        result["iopub"]!.AsArray().Select(m => (string)m!["msg_type"]!).ToList();

    public static string Str(JsonNode? node) => node?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException("missing string");
}
