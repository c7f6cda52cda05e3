using System.Text.Json.Nodes;

namespace Descent.Notebooks.Ipynb;

/// <summary>
/// One cell of a Jupyter notebook: its id, type, source, metadata and (for code cells) outputs and execution
/// count. Properties the model does not know (e.g. <c>attachments</c>) are kept as read and written back.
/// </summary>
public sealed class NotebookCell
{
    /// <summary>Creates a cell.</summary>
    public NotebookCell(string cellType, string source, string? id = null)
    {
        if (cellType is not ("code" or "markdown" or "raw"))
        {
            throw new ArgumentOutOfRangeException(nameof(cellType), cellType, "A cell type is \"code\", \"markdown\" or \"raw\".");
        }

        CellType = cellType;
        Source = source ?? throw new ArgumentNullException(nameof(source));
        Id = id ?? NewId();
    }

    /// <summary>The cell id (nbformat 4.5): 1–64 letters, digits, '-' or '_'.</summary>
    public string Id { get; set; }

    /// <summary><c>"code"</c>, <c>"markdown"</c> or <c>"raw"</c>.</summary>
    public string CellType { get; }

    /// <summary><c>true</c> for a code cell.</summary>
    public bool IsCode => CellType == "code";

    /// <summary>The cell's text.</summary>
    public string Source { get; set; }

    /// <summary>The cell's metadata, unknown keys included.</summary>
    public JsonObject Metadata { get; set; } = [];

    /// <summary>Jupyter outputs (code cells), as stored in the file.</summary>
    public List<JsonObject> Outputs { get; } = [];

    /// <summary>The execution count of a code cell; <c>null</c> when it has not run.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>Properties of the cell that this model does not interpret, written back unchanged.</summary>
    public JsonObject Extra { get; } = [];

    /// <summary>A fresh random id.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N")[..12];

    /// <inheritdoc />
    public override string ToString()
    {
        var firstLine = Source.Split('\n')[0];
        return $"{CellType} cell {Id}: {(firstLine.Length > 60 ? firstLine[..60] + "…" : firstLine)}";
    }
}
