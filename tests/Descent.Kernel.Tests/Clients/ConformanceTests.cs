using System.Text.Json.Nodes;

namespace Descent.Kernel.Tests.Clients;

/// <summary>
/// Jupyter's own kernel conformance suite (Debian's python3-jupyter-kernel-test, Clients/conformance.py) against the
/// built, installed kernel, with every sample configured: completion, is_complete, pager, errors, results, display
/// data, history (tail, range, search), inspection and clear_output. Every test and sub-test must pass; a skip fails.
/// </summary>
[Collection(JupyterClientsCollection.Name)]
public sealed class ConformanceTests(JupyterClients clients)
{
    /// <summary>The test_* methods of jupyter_kernel_test 0.4.x's KernelTests.</summary>
    private static readonly string[] SuiteTests =
    [
        "test_clear_output", "test_completion", "test_display_data", "test_error", "test_execute_result",
        "test_execute_stderr", "test_execute_stdout", "test_history", "test_inspect", "test_is_complete",
        "test_kernel_info", "test_pager",
    ];

    [Fact]
    public void JupyterKernelTest_PassesEveryTestWithNoneSkipped()
    {
        var environment = new Dictionary<string, string>
        {
            // A fresh history store, so the search sub-tests see only this run's cells.
            ["DESCENT_HISTORY"] = Path.Combine(clients.Harness.Scratch, "conformance-history.sqlite"),
        };
        var (result, stderr) = clients.Harness.RunScript("conformance.py", environment);

        var problems = result["records"]!.AsArray()
            .Select(r => $"{r!["kind"]}: {r["test"]}\n{r["detail"]}")
            .ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems) + "\n" + stderr);
        Assert.Empty(result["unset_attributes"]!.AsArray());
        var passed = result["passed"]!.AsArray().Select(p => p!.GetValue<string>().Split('.')[^1]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(SuiteTests, passed);
        Assert.Equal(SuiteTests.Length, result["tests_run"]!.GetValue<int>());
        // Sub-tests: 3 completion samples, 3 is_complete groups, 3 execute results, 2 displays, and history's
        // tail, tail+output, range, search and its normal, unique and n variants (7).
        Assert.Equal(18, result["subtests_passed"]!.GetValue<int>());
    }
}
