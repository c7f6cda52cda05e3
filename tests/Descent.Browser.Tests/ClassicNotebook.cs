using System.Diagnostics;
using PuppeteerSharp;

namespace Descent.Browser.Tests;

/// <summary>
/// One classic Notebook server and one headless Debian Chromium (<c>/usr/bin/chromium</c>, driven over CDP by
/// PuppeteerSharp, never a downloaded browser) shared by the browser tests, which run one after another.
/// </summary>
public sealed class ClassicNotebook : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IBrowser? _browser;

    public JupyterNotebookServer Server { get; private set; } = null!;

    /// <summary>Where failing tests leave screenshots (kept after the run).</summary>
    public string Screenshots { get; } = Directory.CreateTempSubdirectory("descent-browser-screenshots-").FullName;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser is not started");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"the browser tests need Debian's Chromium at {Chromium} (apt-get install chromium; listed in environment/apt-packages.txt)");
        }

        Server = new JupyterNotebookServer();
        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            UserDataDir = Path.Combine(Server.Scratch, "chromium-profile"),
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage",
            ],
            DefaultViewport = new ViewPortOptions { Width = 1280, Height = 1000 },
            Timeout = 60_000,
            ProtocolTimeout = 90_000, // above the 50 s completion warm-up, which waits inside one call
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }

        Server?.Dispose();
    }

    /// <summary>Opens <paramref name="notebook"/> in a new tab and waits until its kernel is idle.</summary>
    public async Task<NotebookTab> OpenAsync(string notebook, string test, List<NotebookTab> tabs)
    {
        var page = await Browser.NewPageAsync();
        var tab = new NotebookTab(page, this, test);
        tabs.Add(tab);
        await page.GoToAsync(Server.NotebookUrl(notebook), new NavigationOptions { Timeout = 30_000, WaitUntil = [WaitUntilNavigation.Load] });
        await tab.WaitForKernelIdleAsync();
        return tab;
    }

    /// <summary>Runs <paramref name="body"/>; on failure saves a screenshot of every open tab and adds its path and
    /// the browser console to the exception.</summary>
    public async Task WithScreenshotsOnFailureAsync(string test, Func<List<NotebookTab>, Task> body)
    {
        var tabs = new List<NotebookTab>();
        try
        {
            await body(tabs);
        }
        catch (Exception e)
        {
            var notes = new List<string>();
            for (int i = 0; i < tabs.Count; i++)
            {
                var path = Path.Combine(Screenshots, $"{test}-tab{i + 1}.png");
                try
                {
                    // A background tab does not paint in headless Chromium: bring it to the front first, and give up
                    // after 15 s rather than hide the test's own failure behind a screenshot timeout.
                    await tabs[i].Page.BringToFrontAsync().WaitAsync(TimeSpan.FromSeconds(5));
                    await tabs[i].Page.ScreenshotAsync(path, new ScreenshotOptions { FullPage = true }).WaitAsync(TimeSpan.FromSeconds(15));
                    notes.Add($"screenshot: {path}");
                }
                catch (Exception shot) when (shot is PuppeteerException or TimeoutException)
                {
                    notes.Add($"tab {i + 1}: no screenshot ({shot.Message})");
                }

                notes.Add($"tab {i + 1} console:\n{tabs[i].ConsoleLog}");
            }

            throw new Xunit.Sdk.XunitException($"{e}\n{string.Join("\n", notes)}");
        }
        finally
        {
            foreach (var tab in tabs)
            {
                await tab.Page.CloseAsync();
            }

            await Server.ShutdownKernelsAsync();
        }
    }
}

/// <summary>A classic Notebook tab: run cells through the page's own <c>Jupyter.notebook</c>, count drawn charts.</summary>
public sealed class NotebookTab
{
    private readonly System.Text.StringBuilder _console = new();

    public NotebookTab(IPage page, ClassicNotebook notebook, string test)
    {
        Page = page;
        Notebook = notebook;
        page.Console += (_, e) => { lock (_console) { _console.AppendLine($"[{test}] {e.Message.Type}: {e.Message.Text}"); } };
        page.PageError += (_, e) => { lock (_console) { _console.AppendLine($"[{test}] page error: {e.Message}"); } };
        page.DefaultTimeout = 30_000;
        // "Leave page? Changes you made may not be saved" on a refresh: leave, as a user reloading the page does.
        page.Dialog += async (_, e) => await e.Dialog.Accept();
    }

    public IPage Page { get; }

    public ClassicNotebook Notebook { get; }

    public string ConsoleLog
    {
        get
        {
            lock (_console)
            {
                return _console.ToString();
            }
        }
    }

    /// <summary>Charts plotly.js has drawn on the page (a <c>.js-plotly-plot</c> holding its svg).</summary>
    public Task<int> DrawnChartsAsync() =>
        Page.EvaluateFunctionAsync<int>("() => Array.from(document.querySelectorAll('.js-plotly-plot')).filter(p => p.querySelector('svg.main-svg')).length");

    /// <summary>Waits until <paramref name="count"/> charts are drawn, then returns how many there are.</summary>
    public async Task<int> WaitForDrawnChartsAsync(int count, int timeoutMs = 20_000)
    {
        try
        {
            await Page.WaitForFunctionAsync(
                $"() => Array.from(document.querySelectorAll('.js-plotly-plot')).filter(p => p.querySelector('svg.main-svg')).length >= {count}",
                new WaitForFunctionOptions { Timeout = timeoutMs, PollingInterval = 100 });
        }
        catch (WaitTaskTimeoutException)
        {
            // Reported by the caller's assertion with the actual count and the page's text.
        }

        return await DrawnChartsAsync();
    }

    /// <summary>Waits until cell <paramref name="index"/>'s output holds a drawn chart, then returns how many it holds.
    /// (Counting the whole page would also count outputs classic Notebook's autosave stored before a reload, which a
    /// trusted notebook redraws.)</summary>
    public async Task<int> WaitForDrawnChartInCellAsync(int index, int timeoutMs = 20_000)
    {
        const string count = "i => Array.from(Jupyter.notebook.get_cell(i).output_area.element[0].querySelectorAll('.js-plotly-plot'))"
            + ".filter(p => p.querySelector('svg.main-svg')).length";
        try
        {
            await Page.WaitForFunctionAsync($"() => ({count})({index}) >= 1",
                new WaitForFunctionOptions { Timeout = timeoutMs, PollingInterval = 100 });
        }
        catch (WaitTaskTimeoutException)
        {
            // Reported by the caller's assertion with the actual count and the page's text.
        }

        return await Page.EvaluateFunctionAsync<int>(count, index);
    }

    public async Task WaitForKernelIdleAsync(int timeoutMs = 60_000) =>
        await Page.WaitForFunctionAsync(
            "() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()"
            + " && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null",
            new WaitForFunctionOptions { Timeout = timeoutMs, PollingInterval = 100 });

    /// <summary>Executes cell <paramref name="index"/> as Shift-Enter would.</summary>
    public Task StartCellAsync(int index) =>
        Page.EvaluateFunctionAsync("i => { Jupyter.notebook.select(i); Jupyter.notebook.get_cell(i).execute(); }", index);

    /// <summary>True once cell <paramref name="index"/> shows an execution count (its execute_reply has arrived).</summary>
    public Task<bool> CellFinishedAsync(int index) =>
        Page.EvaluateFunctionAsync<bool>("i => typeof Jupyter.notebook.get_cell(i).input_prompt_number === 'number'", index);

    /// <summary>Executes cell <paramref name="index"/> and waits for its reply; returns the elapsed time.</summary>
    public async Task<TimeSpan> RunCellAsync(int index, int timeoutMs = 30_000)
    {
        var clock = Stopwatch.StartNew();
        await StartCellAsync(index);
        await WaitForCellAsync(index, timeoutMs);
        return clock.Elapsed;
    }

    public Task WaitForCellAsync(int index, int timeoutMs) =>
        Page.WaitForFunctionAsync(
            "i => typeof Jupyter.notebook.get_cell(i).input_prompt_number === 'number'",
            new WaitForFunctionOptions { Timeout = timeoutMs, PollingInterval = 50 }, index);

    /// <summary>The text of cell <paramref name="index"/>'s output area.</summary>
    public Task<string> OutputTextAsync(int index) =>
        Page.EvaluateFunctionAsync<string>("i => Jupyter.notebook.get_cell(i).output_area.element[0].innerText", index);

    /// <summary>Clicks into cell <paramref name="index"/>'s editor (edit mode, cursor at the end) and types <paramref name="text"/>.</summary>
    public async Task TypeIntoCellAsync(int index, string text)
    {
        await Page.EvaluateFunctionAsync(
            "i => { var c = Jupyter.notebook.get_cell(i); Jupyter.notebook.select(i); Jupyter.notebook.edit_mode(); c.code_mirror.focus(); c.code_mirror.setCursor(c.code_mirror.lineCount(), 0); }",
            index);
        await Page.Keyboard.TypeAsync(text);
    }

    /// <summary>The kernel's own <c>complete_reply</c> for <paramref name="code"/> (cursor at the end) as the page
    /// received it, as JSON: for failure messages that tell the front end's part from the kernel's.</summary>
    public Task<string> KernelCompleteReplyAsync(string code, int timeoutMs = 10_000) =>
        Page.EvaluateFunctionAsync<string>(
            "code => new Promise(resolve => { Jupyter.notebook.kernel.complete(code, code.length, reply => { var c = reply.content; resolve(JSON.stringify({ status: c.status, cursor_start: c.cursor_start, cursor_end: c.cursor_end, count: (c.matches || []).length, first: (c.matches || []).slice(0, 8) })); }); setTimeout(() => resolve('no complete_reply within ' + ms + ' ms'), ms); })".Replace("code =>", "(code, ms) =>", StringComparison.Ordinal),
            code, timeoutMs);

    /// <summary>The kernel's own <c>inspect_reply</c> for <paramref name="code"/> at <paramref name="cursor"/> as the page
    /// received it (status, found, the start of text/plain), for failure messages.</summary>
    public Task<string> KernelInspectReplyAsync(string code, int cursor) =>
        Page.EvaluateFunctionAsync<string>(
            "(code, cursor) => new Promise(resolve => { Jupyter.notebook.kernel.inspect(code, cursor, reply => { var c = reply.content; resolve(JSON.stringify({ status: c.status, found: c.found, text: ((c.data || {})['text/plain'] || '').slice(0, 300) })); }); setTimeout(() => resolve('no inspect_reply within 10 s'), 10000); })",
            code, cursor);

    /// <summary>Sends one completion request and waits for its reply: the kernel's first one loads Roslyn's completion
    /// service (about 17 s cold on a loaded 2-core machine, 0.4 s after), which is not what the Tab tests measure.</summary>
    public async Task WarmUpCompletionAsync()
    {
        var reply = await KernelCompleteReplyAsync("Math.", 50_000);
        Assert.StartsWith("{", reply, StringComparison.Ordinal);
    }

    /// <summary>The source text of cell <paramref name="index"/>.</summary>
    public Task<string> CellTextAsync(int index) =>
        Page.EvaluateFunctionAsync<string>("i => Jupyter.notebook.get_cell(i).get_text()", index);

    /// <summary>Everything the page shows (for failure messages).</summary>
    public Task<string> PageTextAsync() => Page.EvaluateExpressionAsync<string>("document.body.innerText");
}
