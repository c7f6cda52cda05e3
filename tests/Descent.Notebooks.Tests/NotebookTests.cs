using System.Text.Json.Nodes;
using Descent.Notebooks.Ipynb;

namespace Descent.Notebooks.Tests;

public sealed class NotebookTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("descent-nb-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string WithUnknowns = """
        {
          "cells": [
            {"cell_type": "markdown", "id": "intro", "metadata": {"tags": ["x"], "vendor": {"deep": [1, 2]}},
             "source": ["# Title\n", "text"], "attachments": {"a.png": {"image/png": "AAAA"}}},
            {"cell_type": "code", "execution_count": 3, "id": "c1", "metadata": {"collapsed": true},
             "outputs": [{"output_type": "stream", "name": "stdout", "text": ["hi\n"], "vendor_key": 7}],
             "source": "1 + 1"}
          ],
          "metadata": {"kernelspec": {"name": "descent-csharp", "display_name": "C# (Descent)", "language": "csharp"},
                       "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp"}}},
          "nbformat": 4, "nbformat_minor": 4, "top_level_unknown": {"k": "v"}
        }
        """;

    [Fact]
    public void Round_trip_keeps_unknown_metadata_and_properties()
    {
        var again = Notebook.Parse(Notebook.Parse(WithUnknowns).ToJson());
        var json = JsonNode.Parse(again.ToJson())!;

        Assert.Equal(1, (int)json["cells"]![0]!["metadata"]!["vendor"]!["deep"]![0]!);
        Assert.Equal("AAAA", (string)json["cells"]![0]!["attachments"]!["a.png"]!["image/png"]!);
        Assert.True((bool)json["cells"]![1]!["metadata"]!["collapsed"]!);
        Assert.Equal(7, (int)json["cells"]![1]!["outputs"]![0]!["vendor_key"]!);
        Assert.Equal("csharp", (string)json["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!);
        Assert.Equal("v", (string)json["top_level_unknown"]!["k"]!);
        Assert.Equal(3, (int)json["cells"]![1]!["execution_count"]!);
        Assert.Equal("# Title\ntext", again.Cells[0].Source);
        Assert.Equal(["intro", "c1"], again.Cells.Select(c => c.Id));
        Assert.Equal(5, (int)json["nbformat_minor"]!); // cell ids need 4.5
    }

    [Fact]
    public void Cells_without_ids_get_unique_valid_ids()
    {
        var notebook = Notebook.Parse("""{"cells": [{"cell_type": "code", "source": "1", "metadata": {}, "outputs": []}, {"cell_type": "code", "source": "2", "metadata": {}, "outputs": []}], "metadata": {}, "nbformat": 4, "nbformat_minor": 2}""");

        Assert.All(notebook.Cells, c => Assert.Matches("^[A-Za-z0-9_-]{1,64}$", c.Id));
        Assert.NotEqual(notebook.Cells[0].Id, notebook.Cells[1].Id);
    }

    [Fact]
    public void A_write_interrupted_midway_leaves_the_original_intact()
    {
        var path = Path.Combine(_dir, "n.ipynb");
        File.WriteAllText(path, WithUnknowns);

        var failure = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("{\"cells\": ["u8);          // half a notebook …
            throw new IOException("disk unplugged");   // … then the writer dies
        }));

        Assert.Equal("disk unplugged", failure.Message);
        Assert.Equal(WithUnknowns, File.ReadAllText(path));
        Assert.Equal(["n.ipynb"], Directory.GetFiles(_dir).Select(Path.GetFileName)); // no temp file left behind
    }

    [Fact]
    public void Save_replaces_the_file_with_the_new_content()
    {
        var path = Path.Combine(_dir, "n.ipynb");
        File.WriteAllText(path, WithUnknowns);
        var notebook = Notebook.Load(path);
        notebook.Cells[1].Source = "2 + 2";
        notebook.Save(path);

        Assert.Equal("2 + 2", Notebook.Load(path).Cells[1].Source);
    }

    [Theory]
    [InlineData("{not json", "not JSON")]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("""{"cells": [], "nbformat": 3}""", "nbformat")]
    [InlineData("""{"nbformat": 4}""", "cells")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "python"}]}""", "cell 1")]
    public void Malformed_notebooks_are_rejected_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<NotebookFormatException>(() => Notebook.Parse(json));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Outputs_are_stored_as_jupyter_outputs()
    {
        var outputs = JupyterOutputs.FromCellOutputs(
        [
            new StreamOutput("stdout", "a"),
            new StreamOutput("stdout", "b\n"),
            new DisplayOutput(new Dictionary<string, string> { ["text/plain"] = "v1" }, "d1", false),
            new DisplayOutput(new Dictionary<string, string> { ["text/plain"] = "v2" }, "d1", true),
            new ResultOutput(new Dictionary<string, string> { ["text/plain"] = "42", ["application/vnd.plotly.v1+json"] = """{"data":[]}""" }),
            new ErrorOutput("ArgumentException", "bad", ["ArgumentException: bad"], 2),
        ], executionCount: 4);

        Assert.Equal(["stream", "display_data", "execute_result", "error"], outputs.Select(o => (string)o["output_type"]!));
        Assert.Equal("ab\n", Notebook.JoinLines(outputs[0]["text"]));   // consecutive writes merge into one stream
        Assert.Equal("v2", Notebook.JoinLines(outputs[1]["data"]!["text/plain"])); // the update replaced the display
        Assert.Equal(4, (int)outputs[2]["execution_count"]!);
        Assert.IsType<JsonObject>(outputs[2]["data"]!["application/vnd.plotly.v1+json"]); // JSON mime data stays JSON
        Assert.Equal("bad", (string)outputs[3]["evalue"]!);
    }
}
