using System.Text.Json.Nodes;

namespace Descent.Notebooks.Ipynb;

/// <summary>Converts between the session's <see cref="CellOutput"/> and Jupyter's stored outputs.</summary>
public static class JupyterOutputs
{
    /// <summary>
    /// The stored outputs of a cell: streams merged per consecutive name, displays, the result with
    /// <paramref name="executionCount"/>, errors. An update of a display replaces the earlier display with the same id.
    /// </summary>
    public static List<JsonObject> FromCellOutputs(IEnumerable<CellOutput> outputs, int? executionCount)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var result = new List<JsonObject>();
        var displays = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var output in outputs)
        {
            switch (output)
            {
                case StreamOutput s:
                    if (result.Count > 0 && result[^1]["output_type"]?.GetValue<string>() == "stream" && result[^1]["name"]?.GetValue<string>() == s.Name)
                    {
                        result[^1]["text"] = Notebook.ToLines(Notebook.JoinLines(result[^1]["text"]) + s.Text);
                    }
                    else
                    {
                        result.Add(new JsonObject { ["name"] = s.Name, ["output_type"] = "stream", ["text"] = Notebook.ToLines(s.Text) });
                    }

                    break;
                case DisplayOutput clear when clear.Data.ContainsKey(Output.ClearOutputMimeType):
                    // Output.Clear(): what the cell showed before is gone, as in a live front end (wait or not,
                    // the stored result is the same).
                    result.Clear();
                    displays.Clear();
                    break;
                case DisplayOutput { IsUpdate: true, DisplayId: { } id } u when displays.TryGetValue(id, out var earlier):
                    earlier["data"] = DataToJson(u.Data);
                    break;
                case DisplayOutput d:
                    var display = new JsonObject { ["data"] = DataToJson(d.Data), ["metadata"] = new JsonObject(), ["output_type"] = "display_data" };
                    if (d.DisplayId is { } displayId)
                    {
                        displays[displayId] = display;
                    }

                    result.Add(display);
                    break;
                case ResultOutput r:
                    result.Add(new JsonObject
                    {
                        ["data"] = DataToJson(r.Data),
                        ["execution_count"] = executionCount,
                        ["metadata"] = new JsonObject(),
                        ["output_type"] = "execute_result",
                    });
                    break;
                case ErrorOutput e:
                    var traceback = new JsonArray(e.Traceback.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray());
                    var error = new JsonObject { ["ename"] = e.Name, ["evalue"] = e.Message, ["output_type"] = "error", ["traceback"] = traceback };
                    if (e.Line is { } line)
                    {
                        // Jupyter ignores unknown keys in an error output; the exporter shows the line.
                        error["descent_line"] = line;
                    }

                    result.Add(error);
                    break;
            }
        }

        return result;
    }

    /// <summary>Reads stored outputs back as <see cref="CellOutput"/> (for the exporter and the tests).</summary>
    public static IEnumerable<CellOutput> ToCellOutputs(IEnumerable<JsonObject> outputs)
    {
        foreach (var o in outputs)
        {
            switch (o["output_type"]?.GetValue<string>())
            {
                case "stream":
                    yield return new StreamOutput(o["name"]?.GetValue<string>() ?? "stdout", Notebook.JoinLines(o["text"]));
                    break;
                case "display_data":
                    yield return new DisplayOutput(DataFromJson(o["data"]), null, false);
                    break;
                case "execute_result":
                    yield return new ResultOutput(DataFromJson(o["data"]));
                    break;
                case "error":
                    yield return new ErrorOutput(
                        o["ename"]?.GetValue<string>() ?? "Error",
                        o["evalue"]?.GetValue<string>() ?? "",
                        (o["traceback"] as JsonArray)?.Select(n => n?.GetValue<string>() ?? "").ToArray() ?? [],
                        o["descent_line"] is JsonValue v && v.TryGetValue(out int line) ? line : null);
                    break;
            }
        }
    }

    private static JsonObject DataToJson(IReadOnlyDictionary<string, string> data)
    {
        var obj = new JsonObject();
        foreach (var (mime, content) in data.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            obj[mime] = MimeTypes.IsJson(mime) ? JsonNode.Parse(content) : Notebook.ToLines(content);
        }

        return obj;
    }

    private static Dictionary<string, string> DataFromJson(JsonNode? node)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject obj)
        {
            foreach (var (mime, value) in obj)
            {
                data[mime] = MimeTypes.IsJson(mime) ? value?.ToJsonString() ?? "null" : Notebook.JoinLines(value);
            }
        }

        return data;
    }
}
