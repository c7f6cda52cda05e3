using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Descent.Notebooks.Ipynb;

/// <summary>
/// A Jupyter notebook (nbformat 4.5) read from and written to <c>.ipynb</c> JSON. Unknown notebook, cell and
/// output properties survive a round trip; cells get ids when missing; files are written atomically.
/// </summary>
public sealed class Notebook
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The cells, in order.</summary>
    public List<NotebookCell> Cells { get; } = [];

    /// <summary>Notebook metadata (kernelspec, language_info and anything else), unknown keys included.</summary>
    public JsonObject Metadata { get; set; } = [];

    /// <summary>Top-level properties this model does not interpret, written back unchanged.</summary>
    public JsonObject Extra { get; } = [];

    /// <summary>nbformat minor version; at least 5 (cell ids) when written.</summary>
    public int NbFormatMinor { get; set; } = 5;

    /// <summary>The code cells, in order.</summary>
    public IEnumerable<NotebookCell> CodeCells => Cells.Where(c => c.IsCode);

    /// <summary>The Descent kernelspec: name <c>descent-csharp</c>, display <c>C# (Descent)</c>, language <c>csharp</c>.</summary>
    public static JsonObject DescentKernelspec() => new()
    {
        ["display_name"] = "C# (Descent)",
        ["language"] = "csharp",
        ["name"] = "descent-csharp",
    };

    /// <summary>A new notebook with the Descent kernelspec and C# language info.</summary>
    public static Notebook Create()
    {
        var notebook = new Notebook();
        notebook.Metadata["kernelspec"] = DescentKernelspec();
        notebook.Metadata["language_info"] = new JsonObject
        {
            ["file_extension"] = ".cs",
            ["mimetype"] = "text/x-csharp",
            ["name"] = "csharp",
            ["pygments_lexer"] = "csharp",
        };
        return notebook;
    }

    /// <summary>Reads a notebook file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="NotebookFormatException">The file is not an nbformat 4 notebook; the message says why.</exception>
    public static Notebook Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Notebook '{path}' does not exist.", path);
        }

        try
        {
            return Parse(File.ReadAllText(path, Encoding.UTF8));
        }
        catch (NotebookFormatException e)
        {
            throw new NotebookFormatException($"'{path}' is not a valid notebook: {e.Message}", e);
        }
    }

    /// <summary>Parses notebook JSON.</summary>
    /// <exception cref="NotebookFormatException">Not JSON, or not nbformat 4; the message says why.</exception>
    public static Notebook Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException($"it is not JSON ({e.Message})", e);
        }

        if (root is not JsonObject obj)
        {
            throw new NotebookFormatException("the top level is not a JSON object");
        }

        if (obj["nbformat"] is not JsonValue format || !format.TryGetValue(out int major) || major != 4)
        {
            throw new NotebookFormatException("it has no \"nbformat\": 4 (only nbformat 4 notebooks are supported)");
        }

        if (obj["cells"] is not JsonArray cells)
        {
            throw new NotebookFormatException("it has no \"cells\" array");
        }

        var notebook = new Notebook
        {
            Metadata = obj["metadata"] as JsonObject is { } m ? (JsonObject)m.DeepClone() : [],
            NbFormatMinor = obj["nbformat_minor"] is JsonValue minor && minor.TryGetValue(out int mi) ? mi : 5,
        };
        foreach (var (key, value) in obj)
        {
            if (key is not ("cells" or "metadata" or "nbformat" or "nbformat_minor"))
            {
                notebook.Extra[key] = value?.DeepClone();
            }
        }

        var index = 0;
        foreach (var node in cells)
        {
            index++;
            notebook.Cells.Add(ParseCell(node, index));
        }

        notebook.EnsureIds();
        return notebook;
    }

    /// <summary>The notebook as nbformat 4.5 JSON (one-space indent, sources as lists of lines, as Jupyter writes).</summary>
    public string ToJson()
    {
        EnsureIds();
        var root = new JsonObject { ["cells"] = new JsonArray(Cells.Select(CellToJson).ToArray<JsonNode?>()) };
        root["metadata"] = Metadata.DeepClone();
        root["nbformat"] = 4;
        root["nbformat_minor"] = Math.Max(5, NbFormatMinor);
        foreach (var (key, value) in Extra)
        {
            root[key] = value?.DeepClone();
        }

        return root.ToJsonString(WriteOptions) + "\n";
    }

    /// <summary>Writes the notebook atomically (temporary file in the same directory, then rename).</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson());

    /// <summary>Splits text into Jupyter's list-of-lines form (each line keeps its '\n' but the last).</summary>
    public static JsonArray ToLines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                array.Add(text[start..]);
                break;
            }

            array.Add(text[start..(end + 1)]);
            start = end + 1;
        }

        return array;
    }

    /// <summary>Joins Jupyter's multi-line string (a string or a list of strings).</summary>
    public static string JoinLines(JsonNode? node) => node switch
    {
        null => "",
        JsonArray array => string.Concat(array.Select(n => n?.GetValue<string>() ?? "")),
        JsonValue value when value.TryGetValue(out string? s) => s ?? "",
        _ => node.ToJsonString(),
    };

    /// <inheritdoc />
    public override string ToString() =>
        $"Notebook: {Cells.Count} cells ({CodeCells.Count()} code), kernel {Metadata["kernelspec"]?["name"]?.GetValue<string>() ?? "(none)"}";

    private void EnsureIds()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in Cells)
        {
            if (string.IsNullOrEmpty(cell.Id) || cell.Id.Length > 64 || !cell.Id.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_')
                || !seen.Add(cell.Id))
            {
                do
                {
                    cell.Id = NotebookCell.NewId();
                }
                while (!seen.Add(cell.Id));
            }
        }
    }

    private static NotebookCell ParseCell(JsonNode? node, int index)
    {
        if (node is not JsonObject obj)
        {
            throw new NotebookFormatException($"cell {index} is not a JSON object");
        }

        var type = obj["cell_type"] is JsonValue t && t.TryGetValue(out string? ts) ? ts : null;
        if (type is not ("code" or "markdown" or "raw"))
        {
            throw new NotebookFormatException($"cell {index} has cell_type {(type is null ? "(missing)" : $"\"{type}\"")}; expected \"code\", \"markdown\" or \"raw\"");
        }

        var cell = new NotebookCell(type, JoinLines(obj["source"]), obj["id"] is JsonValue id && id.TryGetValue(out string? ids) ? ids : "")
        {
            Metadata = obj["metadata"] as JsonObject is { } m ? (JsonObject)m.DeepClone() : [],
        };
        if (cell.IsCode)
        {
            cell.ExecutionCount = obj["execution_count"] is JsonValue ec && ec.TryGetValue(out int count) ? count : null;
            if (obj["outputs"] is JsonArray outputs)
            {
                foreach (var output in outputs)
                {
                    if (output is not JsonObject o)
                    {
                        throw new NotebookFormatException($"cell {index} has an output that is not a JSON object");
                    }

                    cell.Outputs.Add((JsonObject)o.DeepClone());
                }
            }
        }

        foreach (var (key, value) in obj)
        {
            if (key is not ("cell_type" or "source" or "id" or "metadata" or "execution_count" or "outputs"))
            {
                cell.Extra[key] = value?.DeepClone();
            }
        }

        return cell;
    }

    private static JsonObject CellToJson(NotebookCell cell)
    {
        var obj = new JsonObject
        {
            ["cell_type"] = cell.CellType,
        };
        if (cell.IsCode)
        {
            obj["execution_count"] = cell.ExecutionCount;
        }

        obj["id"] = cell.Id;
        obj["metadata"] = cell.Metadata.DeepClone();
        if (cell.IsCode)
        {
            obj["outputs"] = new JsonArray(cell.Outputs.Select(o => o.DeepClone()).ToArray());
        }

        obj["source"] = ToLines(cell.Source);
        foreach (var (key, value) in cell.Extra)
        {
            obj[key] = value?.DeepClone();
        }

        return obj;
    }
}
