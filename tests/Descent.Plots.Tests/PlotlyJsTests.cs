using System.Text.RegularExpressions;

namespace Descent.Plots.Tests;

public sealed class PlotlyJsTests
{
    [Fact]
    public void Source_is_the_plotly_js_bundle_of_the_reported_version()
    {
        Assert.Matches(new Regex("^\\d+\\.\\d+\\.\\d+$"), PlotlyJs.Version);
        Assert.True(PlotlyJs.Source.Length > 1_000_000, $"plotly.js is about 3.6 MB minified, got {PlotlyJs.Source.Length} chars");
        Assert.Contains("plotly.js v" + PlotlyJs.Version, PlotlyJs.Source[..500]); // the bundle's header comment
        Assert.Contains("newPlot", PlotlyJs.Source);
        Assert.Equal($"plotly-{PlotlyJs.Version}.min.js", PlotlyJs.FileName);
        Assert.Contains("MIT", PlotlyJs.License);
    }

    [Fact]
    public void Script_tag_is_inline_and_write_to_writes_the_source()
    {
        string tag = PlotlyJs.ScriptTag();
        Assert.StartsWith("<script type=\"text/javascript\">", tag);
        Assert.DoesNotContain(" src=", tag[..40]);
        string dir = Path.Combine(Path.GetTempPath(), "descent-plotlyjs-" + Environment.ProcessId);
        try
        {
            string path = PlotlyJs.WriteTo(dir);
            Assert.Equal(PlotlyJs.Source, File.ReadAllText(path));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
