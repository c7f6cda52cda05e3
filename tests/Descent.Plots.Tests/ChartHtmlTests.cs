using System.Text.RegularExpressions;
using Descent.Functions;

namespace Descent.Plots.Tests;

public sealed class ChartHtmlTests
{
    private static readonly Regex ExternalScriptOrStyle = new(
        "<script[^>]*\\bsrc\\s*=|<link[^>]*\\bhref\\s*=\\s*[\"']?https?://|@import\\s+(url\\()?[\"']?https?://|requirejs|require\\.config",
        RegexOptions.IgnoreCase);

    [Fact]
    public void Fragment_draws_into_its_div_with_the_page_plotly_and_references_nothing_external()
    {
        var chart = Plot.Contour(new Rosenbrock(), [new Trajectory("GD", [(-1.0, 1.0), (0.0, 0.0)])], resolution: 11);
        string html = ChartHtml.Fragment(chart, "fig-1");
        Assert.Contains("<div id=\"fig-1\"", html);
        Assert.Contains("Plotly.newPlot(\"fig-1\", figure)", html);
        Assert.DoesNotMatch(ExternalScriptOrStyle, html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.Contains("\"frames\":[]", html);
    }

    [Fact]
    public void Text_that_would_close_the_script_element_is_escaped()
    {
        string html = ChartHtml.Fragment(Plot.Curve([1.0, 2.0], title: "</script><script>alert(1)</script>"), "c");
        Assert.Single(Regex.Matches(html, "</script>")); // only the fragment's own closing tag
    }

    [Fact]
    public void Bad_div_ids_are_rejected()
    {
        var chart = Plot.Curve([1.0]);
        Assert.Equal("divId", Assert.Throws<ArgumentException>(() => ChartHtml.Fragment(chart, "1abc")).ParamName);
        Assert.Equal("divId", Assert.Throws<ArgumentException>(() => ChartHtml.Fragment(chart, "a\"b")).ParamName);
        Assert.NotEqual(ChartHtml.Fragment(chart)[..40], ChartHtml.Fragment(chart)[..40]); // fresh ids
    }

    [Fact]
    public void Jupyter_fragment_loads_plotly_from_the_kernel_spec_folder_through_requirejs_or_a_script_and_nothing_else()
    {
        string html = ChartHtml.JupyterFragment(Plot.Curve([1.0, 2.0], title: "</script>"), "fig-2", "descent-test");
        Assert.Contains("<div id=\"fig-2\"", html);
        Assert.Contains("var id = \"fig-2\", kernel = \"descent-test\";", html);
        Assert.Contains("\"kernelspecs/\" + kernel + \"/plotly.min\"", html);
        Assert.Contains("window.requirejs([name]", html); // classic Notebook: an AMD module, not a clashing <script>
        Assert.Contains("document.createElement(\"script\")", html); // JupyterLab: no require.js on the page
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("plotly.js v", html); // never the 3.6 MB library inline
        Assert.Single(Regex.Matches(html, "</script>"));
        Assert.Equal("kernelName", Assert.Throws<ArgumentException>(() => ChartHtml.JupyterFragment(Plot.Curve([1.0]), "c", "a/b")).ParamName);
        Assert.Equal("divId", Assert.Throws<ArgumentException>(() => ChartHtml.JupyterFragment(Plot.Curve([1.0]), "1c", "k")).ParamName);
    }

    [Fact]
    public void Page_inlines_plotly_js_once_and_loads_nothing_from_the_network()
    {
        string page = ChartHtml.Page("test", Plot.Curve([1.0, 2.0]), Plot.Curve([3.0]));
        Assert.Contains(PlotlyJs.Source[..200], page);
        Assert.Single(Regex.Matches(page, Regex.Escape("plotly.js v" + PlotlyJs.Version)));
        Assert.DoesNotMatch(ExternalScriptOrStyle, page);
        Assert.Contains("id=\"chart-2\"", page);
    }
}
