using System.Text.Json.Nodes;

namespace Descent.Kernel.Tests.Clients;

/// <summary>
/// Memory through a lecture (issue 14, item 5): the built kernel, driven by jupyter_client (Clients/memory_driver.py),
/// runs 120 trivial cells and 8 chart cells (after 4 warm-up charts). Every bound is relative to a baseline taken in the same run, never an
/// absolute size or time, so a loaded or a different machine does not change the verdict.
/// </summary>
[Collection(JupyterClientsCollection.Name)]
public sealed class MemoryTests(JupyterClients clients)
{
    private static readonly Lazy<JsonNode>[] Result = [null!];

    private JsonNode Run()
    {
        Assert.True(clients.Harness.SkipReason is null, clients.Harness.SkipReason);
        lock (Result)
        {
            Result[0] ??= new Lazy<JsonNode>(() => clients.Harness.RunClientScript("memory_driver.py", "memory"));
            return Result[0].Value;
        }
    }

    [Fact]
    public void TrivialCells_KeepLittleAndNoMoreForLaterCells()
    {
        var r = Run();
        var heap = r["trivial_heap"]!.AsArray().Select(p => p![1]!.GetValue<double>()).ToArray();
        var cells = r["trivial_cells"]!.GetValue<int>();
        var (warm, mid, end) = (heap[0], heap[1], heap[2]);
        // Live managed bytes after full compacting collections (resident size moves in steps of the GC's budget;
        // live bytes do not). Baseline from this run: the live heap of the warmed-up engine with Descent loaded (~16 MB).
        // Before the fix every trivial cell kept 0.3–0.4 MB, more for each later cell: 120 cells kept about 40 MB,
        // 2.5 times the baseline. Now each keeps its compiled submission, about 0.09 MB: 120 cells keep ~11 MB.
        Assert.True(end - warm <= 1.5 * warm,
            $"{cells} trivial cells kept {(end - warm) / 1e6:F1} MB of live managed memory ({(end - warm) / cells / 1e6:F3} MB per cell), " +
            $"more than 1.5 × the warmed-up engine's {warm / 1e6:F1} MB; heap samples: {r["trivial_heap"]!.ToJsonString()}");
        // Unbounded growth shows as later cells keeping more than earlier ones (the chain of submissions made each
        // cell's cost grow with the cell count). The second half may keep at most 1.5 × what the first half kept;
        // before the fix it kept about twice as much.
        var first = mid - warm;
        var second = end - mid;
        Assert.True(second <= 1.5 * Math.Max(first, 0.02 * warm),
            $"cells {cells / 2}–{cells} kept {second / 1e6:F1} MB against {first / 1e6:F1} MB for cells 1–{cells / 2}: " +
            $"the cost per cell grows with the number of cells; heap samples: {r["trivial_heap"]!.ToJsonString()}");
    }

    [Fact]
    public void ChartCells_KeepNoOutputDataOnceSent()
    {
        var r = Run();
        var charts = r["charts"]!.GetValue<int>();
        var chartKept = (r["heap_after_charts"]!.GetValue<double>() - r["heap_before_charts"]!.GetValue<double>()) / charts;
        var sentPerChart = r["chart_output_bytes"]!.GetValue<double>() / charts;
        var heap = r["trivial_heap"]!.AsArray().Select(p => p![1]!.GetValue<double>()).ToArray();
        var trivialKept = Math.Max(heap[^1] - heap[0], 0) / r["trivial_cells"]!.GetValue<int>();
        Assert.True(sentPerChart > 0, "the chart cells sent no output data");
        // Baselines from this run: what a trivial cell keeps (its compiled submission, ~0.09 MB) and the output data a
        // chart sends (plotly JSON, HTML and text, ~0.36 MB). Output kept as .NET strings would cost at least twice its
        // UTF-8 size (UTF-16), so a chart cell that kept its output would keep ≥ 0.8 MB. A chart cell's submission is
        // larger than a trivial one's (~0.2 MB measured): allowed is a trivial cell plus three quarters of the output.
        var allowed = trivialKept + 0.75 * sentPerChart;
        Assert.True(chartKept <= allowed,
            $"each chart cell kept {chartKept / 1e6:F2} MB of live managed memory, more than {allowed / 1e6:F2} MB " +
            $"(a trivial cell's {trivialKept / 1e6:F2} MB plus 3/4 of the {sentPerChart / 1e6:F2} MB of output it sent)");
    }

    [Fact]
    public void ChartCells_GiveTheirTransientMemoryBack()
    {
        var r = Run();
        var charts = r["charts"]!.GetValue<int>();
        var sent = r["chart_output_bytes"]!.GetValue<double>();
        var growth = r["rss_after_charts"]!.GetValue<double>() - r["rss_before_charts"]!.GetValue<double>();
        var samples = r["trivial_samples"]!.AsArray();
        var trivialPerCell = (samples[^1]![1]!.GetValue<double>() - samples[0]![1]!.GetValue<double>()) / r["trivial_cells"]!.GetValue<int>();
        // Baseline from this run: what a trivial cell costs in resident size, and the output the charts sent. Each chart
        // cell allocates ~100 MB of garbage building its figure; with the runtime's defaults the kernel kept that peak
        // committed and grew by ~3 MB per chart (24 MB for 8, against ~3 MB sent and ~2 MB for 8 trivial cells).
        // Compacting after such cells brings a chart cell to about a trivial cell's cost. Allowed: 8 trivial cells
        // plus twice the output sent.
        var allowed = charts * Math.Max(trivialPerCell, 0) + 2 * sent;
        Assert.True(growth <= allowed,
            $"{charts} chart cells grew the kernel's resident size by {growth / 1e6:F1} MB, more than {allowed / 1e6:F1} MB " +
            $"({charts} trivial cells at {trivialPerCell / 1e6:F2} MB plus twice the {sent / 1e6:F1} MB of output sent)");
    }
}
