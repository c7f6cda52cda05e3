namespace Descent.Browser.Tests;

/// <summary>
/// Issue 14 item 1: every chart draws offline whatever happened before — a fresh run, a refresh, a second tab, and the
/// stored outputs of a trusted notebook — in Debian's classic Notebook 6.4 and Chromium. plotly.js is never inline in an
/// output: each chart loads it from the kernel spec's folder (through require.js here) when the page lacks it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChartTests(ClassicNotebook notebook)
{
    private const string Chart1 = "Plot.Curve([3.0, 1.0, 2.0], title: \"first\")";
    private const string Chart2 = "Plot.Curve([1.0, 2.0, 4.0], title: \"second\")";

    [Fact]
    public Task Charts_draw_after_a_fresh_run_a_refresh_and_in_a_second_tab() =>
        notebook.WithScreenshotsOnFailureAsync(nameof(Charts_draw_after_a_fresh_run_a_refresh_and_in_a_second_tab), async tabs =>
        {
            notebook.Server.WriteNotebook("refresh.ipynb", Chart1, Chart2, Chart1);
            var tab = await notebook.OpenAsync("refresh.ipynb", "refresh", tabs);
            await tab.RunCellAsync(0);
            Assert.Equal(1, await tab.WaitForDrawnChartsAsync(1));

            // A refresh: the page has no plotly.js any more; the same kernel keeps running.
            await tab.Page.ReloadAsync(new PuppeteerSharp.ReloadOptions { Timeout = 30_000 });
            await tab.WaitForKernelIdleAsync();
            await tab.RunCellAsync(1);
            // Cell 1's new chart must draw (cell 0's output may be back too, if the autosave stored it before the reload).
            int afterRefresh = await tab.WaitForDrawnChartInCellAsync(1);
            Assert.True(afterRefresh == 1, $"after a refresh {afterRefresh} charts drew; page text:\n{await tab.PageTextAsync()}");

            // A second tab on the same notebook and kernel.
            var second = await notebook.OpenAsync("refresh.ipynb", "second-tab", tabs);
            await second.RunCellAsync(2);
            int inSecondTab = await second.WaitForDrawnChartInCellAsync(2);
            Assert.True(inSecondTab == 1, $"in a second tab {inSecondTab} charts drew; page text:\n{await second.PageTextAsync()}");
            Assert.Contains("first", await second.OutputTextAsync(2));
        });

    [Fact]
    public Task Stored_outputs_of_a_trusted_notebook_draw_without_running_a_cell() =>
        notebook.WithScreenshotsOnFailureAsync(nameof(Stored_outputs_of_a_trusted_notebook_draw_without_running_a_cell), async tabs =>
        {
            // Outputs stored by `descent run`, as the chapters' are (kernel spec descent-csharp); then trusted, as
            // `jupyter trust` or a save in the browser does.
            var path = notebook.Server.WriteNotebook("stored.ipynb", Chart1, Chart2);
            var (code, output) = notebook.Server.RunCli(TimeSpan.FromMinutes(3), "run", path);
            Assert.True(code == 0, "descent run failed: " + output);
            var stored = File.ReadAllText(path);
            Assert.Contains("application/vnd.plotly.v1+json", stored);
            // No copy of plotly.js (3.6 MB) rides along: two small charts stay far below 100 kB.
            Assert.True(stored.Length < 100_000, $"the stored notebook is {stored.Length} chars");
            notebook.Server.Trust(path);

            var tab = await notebook.OpenAsync("stored.ipynb", "stored", tabs);
            int drawn = await tab.WaitForDrawnChartsAsync(2);
            Assert.True(drawn == 2, $"{drawn} of 2 stored charts drew; page text:\n{await tab.PageTextAsync()}");
        });

    [Fact]
    public Task Outside_classic_notebook_a_chart_loads_plotly_with_a_script_element_once() =>
        notebook.WithScreenshotsOnFailureAsync(nameof(Outside_classic_notebook_a_chart_loads_plotly_with_a_script_element_once), async tabs =>
        {
            // JupyterLab's page has no require.js and names its base URL in #jupyter-config-data. The test answers one
            // request on the server's own origin (so the login cookie goes along) with such a page holding two chart
            // outputs; everything else, plotly.js from the kernel spec folder included, comes from the real server.
            // (/files/ cannot serve it: the server sandboxes those pages, so they send no cookie.)
            var html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                       + "<script id=\"jupyter-config-data\" type=\"application/json\">{\"baseUrl\": \"/\"}</script></head><body>"
                       + Descent.Plots.ChartHtml.JupyterFragment(Descent.Plots.Plot.Curve([3.0, 1.0, 2.0]), "lab-1", JupyterNotebookServer.KernelName)
                       + Descent.Plots.ChartHtml.JupyterFragment(Descent.Plots.Plot.Curve([1.0, 2.0]), "lab-2", JupyterNotebookServer.KernelName)
                       + "</body></html>";
            var page = await notebook.Browser.NewPageAsync();
            var tab = new NotebookTab(page, notebook, "lab-like");
            tabs.Add(tab);
            await page.GoToAsync($"http://127.0.0.1:{notebook.Server.Port}/tree?token={notebook.Server.Token}"); // logs in
            var labPage = $"http://127.0.0.1:{notebook.Server.Port}/lab/tree/charts.ipynb";
            await page.SetRequestInterceptionAsync(true);
            page.Request += async (_, e) =>
            {
                if (e.Request.Url == labPage)
                {
                    await e.Request.RespondAsync(new PuppeteerSharp.ResponseData { Status = System.Net.HttpStatusCode.OK, ContentType = "text/html", Body = html });
                }
                else
                {
                    await e.Request.ContinueAsync();
                }
            };
            await page.GoToAsync(labPage);
            int drawn = await tab.WaitForDrawnChartsAsync(2);
            Assert.True(drawn == 2, $"{drawn} of 2 charts drew; page text:\n{await tab.PageTextAsync()}");
            Assert.False(await page.EvaluateExpressionAsync<bool>("typeof window.requirejs === 'function'"));
            Assert.Equal(1, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('script[src*=\"kernelspecs/\"]').length"));
        });
}
