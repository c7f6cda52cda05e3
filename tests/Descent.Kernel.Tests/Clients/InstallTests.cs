using System.Text.Json.Nodes;

namespace Descent.Kernel.Tests.Clients;

/// <summary><c>descent kernel install / uninstall</c> through the built CLI.</summary>
[Collection(JupyterClientsCollection.Name)]
public sealed class InstallTests(JupyterClients clients)
{
    [Fact]
    public void Install_WritesKernelJsonAndLogos_UninstallRemovesThem()
    {
        var prefix = Path.Combine(clients.Harness.Scratch, "install-test");
        var (code, stdout, stderr) = clients.Harness.RunCli("kernel", "install", "--prefix", prefix, "--name", "descent-install-test");
        Assert.True(code == 0, stdout + stderr);
        var dir = Path.Combine(prefix, "share", "jupyter", "kernels", "descent-install-test");
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "kernel.json")))!;
        Assert.Equal("C# (Descent)", spec["display_name"]!.GetValue<string>());
        Assert.Equal("csharp", spec["language"]!.GetValue<string>());
        Assert.Equal("message", spec["interrupt_mode"]!.GetValue<string>());
        var argv = spec["argv"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();
        Assert.Equal(["kernel", "start", "{connection_file}"], argv[^3..]);
        Assert.Equal(Path.GetFullPath(clients.Harness.CliDll()), argv[^4]);
        Assert.Equal("descent-install-test", spec["env"]!["DESCENT_KERNEL_NAME"]!.GetValue<string>());
        // plotly.js beside the spec: Jupyter serves it at {base_url}kernelspecs/NAME/plotly.min.js for the charts.
        var plotly = File.ReadAllText(Path.Combine(dir, "plotly.min.js"));
        Assert.True(plotly.Length > 1_000_000, $"plotly.min.js has {plotly.Length} chars");
        Assert.Contains("plotly.js v", plotly[..500], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "plotly.min.js.LICENSE.txt")));
        foreach (var logo in new[] { "logo-32x32.png", "logo-64x64.png" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(dir, logo));
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        }

        Assert.Equal(0, clients.Harness.RunCli("kernel", "uninstall", "--prefix", prefix, "--name", "descent-install-test").Code);
        Assert.False(Directory.Exists(dir));
        Assert.Equal(1, clients.Harness.RunCli("kernel", "uninstall", "--prefix", prefix, "--name", "descent-install-test").Code);
    }

    [Fact]
    public void Install_RejectsTwoLocationsAndBadNames()
    {
        var (code, _, stderr) = clients.Harness.RunCli("kernel", "install", "--user", "--prefix", clients.Harness.Scratch);
        Assert.Equal(2, code);
        Assert.Contains("choose one of --user, --prefix DIR and --sys-prefix", stderr, StringComparison.Ordinal);
        (code, _, stderr) = clients.Harness.RunCli("kernel", "install", "--prefix", clients.Harness.Scratch, "--name", "bad name");
        Assert.Equal(2, code);
        Assert.Contains("may contain only letters", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithBadConnectionFileGivesOneClearMessage()
    {
        var path = Path.Combine(clients.Harness.Scratch, "bad-connection.json");
        File.WriteAllText(path, "{\"shell_port\": 1}");
        var (code, _, stderr) = clients.Harness.RunCli("kernel", "start", path);
        Assert.Equal(2, code);
        Assert.Contains("field 'iopub_port' is missing", stderr, StringComparison.Ordinal);
    }
}
