using Descent.Notebooks.Ipynb;
using Descent.Notebooks.Running;

namespace Descent.Notebooks.Tests;

public sealed class NotebookRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("descent-run-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, params string[] codeCells)
    {
        var notebook = Notebook.Create();
        notebook.Cells.Add(new NotebookCell("markdown", "# A notebook"));
        foreach (var code in codeCells)
        {
            notebook.Cells.Add(new NotebookCell("code", code));
        }

        var path = Path.Combine(_dir, name);
        notebook.Save(path);
        return path;
    }

    [Fact]
    public async Task A_successful_run_stores_outputs_and_execution_counts()
    {
        var path = Write("ok.ipynb", "#load \"descent.csx\"", "var x = 20;", "Console.WriteLine(\"hello\");\nx + 22");

        var result = await NotebookRunner.RunAsync(path);

        Assert.True(result.Succeeded, result.ToString());
        Assert.True(result.Saved);
        var stored = Notebook.Load(path);
        Assert.Equal([1, 2, 3], stored.CodeCells.Select(c => c.ExecutionCount ?? -1));
        var outputs = JupyterOutputs.ToCellOutputs(stored.Cells[3].Outputs).ToList();
        Assert.Equal(new StreamOutput("stdout", "hello\n"), outputs[0]);
        Assert.Equal("42", Assert.IsType<ResultOutput>(outputs[1]).Data[MimeTypes.PlainText]);
    }

    [Fact]
    public async Task A_runtime_failure_names_cell_and_line_and_leaves_the_file_intact()
    {
        var path = Write("fails.ipynb", "var a = 1;", "var b = 2;\nvar c = 3;\nthrow new InvalidOperationException(\"boom\");");
        var before = File.ReadAllBytes(path);

        var result = await NotebookRunner.RunAsync(path);

        Assert.False(result.Succeeded);
        Assert.Equal(3, result.Failure!.CellNumber); // markdown is cell 1, so the second code cell is cell 3
        Assert.Equal(3, result.Failure.Line);
        Assert.Contains("boom", result.Failure.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task A_compile_error_names_cell_and_line()
    {
        var path = Write("compile.ipynb", "var a = 1;\nvar b = a +;");

        var result = await NotebookRunner.RunAsync(path, new NotebookRunOptions(Save: false));

        Assert.Equal(2, result.Failure!.CellNumber);
        Assert.Equal(2, result.Failure.Line);
        Assert.Contains("CompilationError", result.Failure.Message);
    }

    [Fact]
    public async Task A_timed_out_cell_is_interrupted_and_the_file_left_intact()
    {
        var path = Write("slow.ipynb", "while (true) { CellCancellation.Token.ThrowIfCancellationRequested(); Thread.Sleep(10); }");
        var before = File.ReadAllBytes(path);

        var result = await NotebookRunner.RunAsync(path, new NotebookRunOptions(CellTimeout: TimeSpan.FromSeconds(1)));

        Assert.False(result.Succeeded);
        Assert.Contains("did not finish within 1 s", result.Failure!.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task A_missing_notebook_is_a_failure_not_an_exception()
    {
        var result = await NotebookRunner.RunAsync(Path.Combine(_dir, "nope.ipynb"));

        Assert.Equal("no such notebook file", result.Failure!.Message);
        Assert.Null(result.Failure.CellNumber);
    }
}
