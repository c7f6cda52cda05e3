namespace Descent.Browser.Tests;

/// <summary>Issue 14 item 3 in the browser: Tab completes to the typed prefix, Shift-Tab inside a call lists the overloads.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CompletionTests(ClassicNotebook notebook)
{
    [Fact]
    public Task Tab_after_a_prefix_offers_only_matching_members() =>
        notebook.WithScreenshotsOnFailureAsync(nameof(Tab_after_a_prefix_offers_only_matching_members), async tabs =>
        {
            notebook.Server.WriteNotebook("complete.ipynb", "");
            var tab = await notebook.OpenAsync("complete.ipynb", "complete", tabs);
            await tab.WarmUpCompletionAsync();
            await tab.TypeIntoCellAsync(0, "Console.WriteL");
            await tab.Page.Keyboard.PressAsync("Tab");
            // Classic Notebook inserts a single match at once and lists several in a <select>.
            try
            {
                await tab.Page.WaitForFunctionAsync(
                    "() => document.querySelector('.completions select option') !== null || Jupyter.notebook.get_cell(0).get_text() !== 'Console.WriteL'",
                    new PuppeteerSharp.WaitForFunctionOptions { Timeout = 10_000, PollingInterval = 50 });
            }
            catch (PuppeteerSharp.WaitTaskTimeoutException)
            {
                Assert.Fail($"Tab after 'Console.WriteL' neither completed nor listed anything within 10 s; the kernel's complete_reply: {await tab.KernelCompleteReplyAsync("Console.WriteL")}");
            }

            var options = await tab.Page.EvaluateFunctionAsync<string[]>(
                "() => Array.from(document.querySelectorAll('.completions select option')).map(o => o.textContent)");
            var text = await tab.CellTextAsync(0);
            if (options.Length == 0)
            {
                Assert.Equal("Console.WriteLine", text);
            }
            else
            {
                Assert.Contains(options, o => o.EndsWith("WriteLine", StringComparison.Ordinal));
                // Every Console member (Beep, Clear, ReadLine, …) is what the kernel offered before the fix.
                Assert.DoesNotContain(options, o => o.EndsWith("Beep", StringComparison.Ordinal) || o.EndsWith("ReadLine", StringComparison.Ordinal));
                Assert.True(options.Length <= 5, $"{options.Length} completions for Console.WriteL: {string.Join(", ", options)}");
            }
        });

    [Fact]
    public Task Shift_tab_inside_an_argument_list_shows_every_overload() =>
        notebook.WithScreenshotsOnFailureAsync(nameof(Shift_tab_inside_an_argument_list_shows_every_overload), async tabs =>
        {
            notebook.Server.WriteNotebook("inspect.ipynb", "");
            var tab = await notebook.OpenAsync("inspect.ipynb", "inspect", tabs);
            await tab.WarmUpCompletionAsync();
            await tab.TypeIntoCellAsync(0, "Math.Max(");
            await tab.Page.Keyboard.DownAsync("Shift");
            await tab.Page.Keyboard.PressAsync("Tab");
            await tab.Page.Keyboard.UpAsync("Shift");
            string tooltip = "";
            try
            {
                await tab.Page.WaitForFunctionAsync(
                    "() => { var t = document.getElementById('tooltip'); return t && t.offsetParent !== null && t.innerText.includes('Max'); }",
                    new PuppeteerSharp.WaitForFunctionOptions { Timeout = 10_000, PollingInterval = 50 });
                tooltip = await tab.Page.EvaluateExpressionAsync<string>("document.getElementById('tooltip').innerText");
            }
            catch (PuppeteerSharp.WaitTaskTimeoutException)
            {
                var text = await tab.CellTextAsync(0);
                Assert.Fail($"no tooltip within 10 s of Shift-Tab inside 'Math.Max(' (cell text '{text}'); the kernel's inspect_reply there: {await tab.KernelInspectReplyAsync(text, "Math.Max(".Length)}");
            }

            // Math.Max has overloads for byte, decimal, double, short, int, long, sbyte, float, ushort, uint, ulong, nint, nuint.
            int signatures = System.Text.RegularExpressions.Regex.Matches(tooltip, @"Max\(").Count;
            Assert.True(signatures >= 3, $"the tooltip shows {signatures} Max( signatures:\n{tooltip}");
            Assert.Contains("double", tooltip, StringComparison.Ordinal);
            Assert.Contains("int", tooltip, StringComparison.Ordinal);
        });
}
