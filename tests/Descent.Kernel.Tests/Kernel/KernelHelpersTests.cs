using System.Text.Json.Nodes;
using Descent.Notebooks;
using Descent.Notebooks.Kernel;

namespace Descent.Kernel.Tests.Kernel;

public sealed class KernelHelpersTests
{
    [Theory]
    [InlineData("1 + 1", "complete")]
    [InlineData("var x = 3;", "complete")]
    [InlineData("for (int i = 0; i < 3; i++) {", "incomplete")]
    [InlineData("Console.WriteLine(", "incomplete")]
    [InlineData("var s = \"abc", "incomplete")]
    [InlineData("int 1x = 3;", "invalid")]
    [InlineData("#!time\n1 + 1", "complete")]
    [InlineData("#r \"nuget: Foo, 1.0\"\n1 + 1", "complete")]
    [InlineData("", "complete")]
    public void SubmissionCompleteness_ClassifiesCells(string code, string expected) =>
        Assert.Equal(expected, SubmissionCompleteness.Check(code));

    [Fact]
    public void CodePoints_CountSurrogatePairsOnce()
    {
        // "a😀b": the emoji is one code point but two UTF-16 units, so code point 2 ('b') is UTF-16 index 3.
        const string text = "a\U0001F600b";
        Assert.Equal(3, CodePoints.ToUtf16Index(text, 2));
        Assert.Equal(2, CodePoints.ToCodePoint(text, 3));
        Assert.Equal(4, CodePoints.ToUtf16Index(text, 99));
    }

    [Fact]
    public void MimeBundle_EmbedsJsonMimeTypesAsObjectsAndAlwaysHasPlainText()
    {
        var bundle = JupyterKernel.MimeBundle(new Dictionary<string, string>
        {
            ["text/html"] = "<div></div>",
            ["application/vnd.plotly.v1+json"] = "{\"data\":[{\"x\":[1,2]}]}",
        });
        Assert.IsType<JsonObject>(bundle["application/vnd.plotly.v1+json"], exactMatch: false);
        Assert.Equal(2, bundle["application/vnd.plotly.v1+json"]!["data"]![0]!["x"]![1]!.GetValue<int>());
        Assert.Equal("<div></div>", bundle["text/html"]!.GetValue<string>());
        Assert.NotNull(bundle["text/plain"]);
    }

    [Fact]
    public void DisplayContent_PutsTheIdInTransient()
    {
        var content = JupyterKernel.DisplayContent(new DisplayOutput(new Dictionary<string, string> { ["text/plain"] = "x" }, "id-7", IsUpdate: true));
        Assert.Equal("id-7", content["transient"]!["display_id"]!.GetValue<string>());
        Assert.Equal("x", content["data"]!["text/plain"]!.GetValue<string>());
        Assert.Empty(JupyterKernel.DisplayContent(new DisplayOutput(new Dictionary<string, string>(), null, false))["transient"]!.AsObject());
    }

    [Fact]
    public void ErrorContent_TracebackNamesCellLineAndSource()
    {
        var error = new ErrorOutput("System.InvalidOperationException", "boom", ["   at Submission#3"], 2);
        var content = JupyterKernel.ErrorContent(error, "var x = 1;\nthrow new InvalidOperationException(\"boom\");", 7);
        var traceback = content["traceback"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal("Cell In[7], line 2", traceback[0]);
        Assert.Equal("----> 2 throw new InvalidOperationException(\"boom\");", traceback[1]);
        Assert.Equal("System.InvalidOperationException: boom", traceback[^1]);
        Assert.Equal("boom", content["evalue"]!.GetValue<string>());
    }
}
