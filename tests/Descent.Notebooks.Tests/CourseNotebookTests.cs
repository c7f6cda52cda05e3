using Descent.Notebooks.Ipynb;
using Descent.Notebooks.Running;

namespace Descent.Notebooks.Tests;

/// <summary>Every notebook in notebooks/ (and notebooks/solutions/) runs in-process with no error output. The list is
/// discovered from the folder, so a new chapter is tested without touching this file.</summary>
public sealed class CourseNotebookTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        var root = RepositoryRoot.FullName;
        foreach (var path in Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, path).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_without_error_output(string notebook)
    {
        var source = Path.Combine(RepositoryRoot.FullName, notebook);
        // Run a copy beside the original (same folder, so relative paths resolve) and never rewrite the stored notebook.
        var copy = Path.Combine(Path.GetDirectoryName(source)!, $".test-{Guid.NewGuid():N}.ipynb");
        File.Copy(source, copy);
        try
        {
            var result = await NotebookRunner.RunAsync(copy, new NotebookRunOptions(CellTimeout: TimeSpan.FromMinutes(2), Save: false));

            Assert.True(result.Succeeded, $"{notebook}: {result.Failure}");
            var errors = result.Cells.SelectMany(c => c.Execution.Outputs.OfType<ErrorOutput>().Select(e => $"cell {c.CellNumber}: {e}")).ToList();
            Assert.Empty(errors);
            Assert.Equal(Notebook.Load(source).CodeCells.Count(), result.Cells.Count);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_follows_the_conventions(string notebook)
    {
        var nb = Notebook.Load(Path.Combine(RepositoryRoot.FullName, notebook));

        Assert.Equal("descent-csharp", (string?)nb.Metadata["kernelspec"]?["name"]);
        Assert.Equal("csharp", (string?)nb.Metadata["kernelspec"]?["language"]);
        var first = nb.CodeCells.First().Source.Trim();
        Assert.Matches("""^#load "(\.\./)*descent\.csx"$""", first);
        // In other front ends the path is resolved from the notebook's folder, so it must reach notebooks/descent.csx.
        var csx = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.Combine(RepositoryRoot.FullName, notebook))!, first[7..^1]));
        Assert.Equal(Path.Combine(RepositoryRoot.FullName, "notebooks", "descent.csx"), csx);
        Assert.All(nb.CodeCells, c => Assert.True(c.ExecutionCount is not null, $"{notebook}: stored without outputs of a clean run"));
        if (!notebook.Contains("/solutions/", StringComparison.Ordinal))
        {
            Assert.Matches(@"^notebooks/\d\d-[a-z0-9-]+\.ipynb$", notebook);
        }
    }
}
