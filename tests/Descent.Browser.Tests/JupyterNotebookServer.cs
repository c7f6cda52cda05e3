using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Descent.Testing;

namespace Descent.Browser.Tests;

/// <summary>
/// Debian's classic Jupyter Notebook 6.4 (<c>/usr/bin/python3 -m notebook</c>) on 127.0.0.1 and a free port, with a token,
/// its own JUPYTER_PATH / JUPYTER_CONFIG_DIR / JUPYTER_DATA_DIR / JUPYTER_RUNTIME_DIR under a temporary directory, and the
/// built Descent kernel installed there by <c>descent kernel install --prefix</c>. Dispose kills the server and every
/// kernel it started (the whole process tree) and deletes the directory.
/// </summary>
public sealed class JupyterNotebookServer : IDisposable
{
    /// <summary>The kernel spec the tests install into their temporary prefix: the chapters' "descent-csharp".</summary>
    public const string KernelName = "descent-csharp";

    public const string Python = "/usr/bin/python3";

    private readonly Process _server;
    private readonly StringBuilder _log = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };

    public JupyterNotebookServer()
    {
        RepositoryRoot = Descent.Testing.RepositoryRoot.FullName;
        Scratch = Directory.CreateTempSubdirectory("descent-browser-tests-").FullName;
        NotebookDirectory = Directory.CreateDirectory(Path.Combine(Scratch, "notebooks")).FullName;
        try
        {
            RequireNotebookPackage();
            var prefix = Path.Combine(Scratch, "prefix");
            // The chapters' own spec name, so outputs stored by `descent run` load plotly.js from this spec's folder as
            // they do on a student's machine; the temporary prefix keeps it apart from any user install. (Classic Notebook
            // offers no kernel for a notebook when two specs share the display name, so there is only this one.)
            var (code, output) = RunCli(TimeSpan.FromMinutes(2), "kernel", "install", "--prefix", prefix);
            if (code != 0)
            {
                throw new InvalidOperationException($"descent kernel install failed ({code}): {output}");
            }

            KernelSpecDirectory = Path.Combine(prefix, "share", "jupyter", "kernels", KernelName);
            Port = FreePort();
            Token = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
            var start = new ProcessStartInfo(Python)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = NotebookDirectory,
            };
            foreach (var argument in new[]
                     {
                         "-m", "notebook", "--no-browser", "--allow-root" /* CI runs as root */, "--ip=127.0.0.1", $"--port={Port}", "--port-retries=0",
                         $"--NotebookApp.token={Token}", $"--notebook-dir={NotebookDirectory}",
                         // A safety net should a test run be killed before Dispose: the server ends itself after 10 idle minutes.
                         "--NotebookApp.shutdown_no_activity_timeout=600", "--MappingKernelManager.cull_idle_timeout=600",
                     })
            {
                start.ArgumentList.Add(argument);
            }

            SetJupyterEnvironment(start, prefix);
            _server = Process.Start(start) ?? throw new InvalidOperationException("could not start " + Python);
            _server.OutputDataReceived += (_, e) => Log(e.Data);
            _server.ErrorDataReceived += (_, e) => Log(e.Data);
            _server.BeginOutputReadLine();
            _server.BeginErrorReadLine();
            WaitUntilReady(TimeSpan.FromSeconds(60));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string RepositoryRoot { get; }

    public string Scratch { get; }

    public string NotebookDirectory { get; }

    public string KernelSpecDirectory { get; } = "";

    public int Port { get; }

    public string Token { get; } = "";

    /// <summary>The server's log so far (for failure messages).</summary>
    public string ServerLog
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The classic Notebook page of <paramref name="notebook"/> (a file name in <see cref="NotebookDirectory"/>).</summary>
    public string NotebookUrl(string notebook) => $"http://127.0.0.1:{Port}/notebooks/{Uri.EscapeDataString(notebook)}?token={Token}";

    /// <summary>Writes a notebook (nbformat 4.5, this kernel) whose code cells are <paramref name="cells"/>, without outputs.</summary>
    public string WriteNotebook(string name, params string[] cells)
    {
        var notebook = new JsonObject
        {
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["name"] = KernelName, ["display_name"] = "C# (Descent)", ["language"] = "csharp" },
                ["language_info"] = new JsonObject { ["name"] = "csharp" },
            },
            ["cells"] = new JsonArray(cells.Select((source, i) => (JsonNode)new JsonObject
            {
                ["cell_type"] = "code",
                ["id"] = $"cell-{i}",
                ["metadata"] = new JsonObject(),
                ["execution_count"] = null,
                ["outputs"] = new JsonArray(),
                ["source"] = source,
            }).ToArray()),
        };
        var path = Path.Combine(NotebookDirectory, name);
        File.WriteAllText(path, notebook.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    /// <summary>Runs the built CLI (<c>dotnet Descent.Cli.dll ARGS</c>) and returns its exit code and output.</summary>
    public (int Code, string Output) RunCli(TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(CliDll());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        return RunProcess(start, timeout);
    }

    /// <summary>Marks <paramref name="notebookPath"/> trusted in this server's signature database (<c>jupyter trust</c>).</summary>
    public void Trust(string notebookPath)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("from nbformat.sign import TrustNotebookApp; TrustNotebookApp.launch_instance()");
        start.ArgumentList.Add(notebookPath);
        SetJupyterEnvironment(start, Path.Combine(Scratch, "prefix"));
        var (code, output) = RunProcess(start, TimeSpan.FromSeconds(60));
        if (code != 0)
        {
            throw new InvalidOperationException($"jupyter trust {notebookPath} failed ({code}): {output}");
        }
    }

    /// <summary>Shuts down every kernel the server runs (so a runaway cell stops burning a core between tests).</summary>
    public async Task ShutdownKernelsAsync()
    {
        var kernels = JsonNode.Parse(await _http.GetStringAsync($"http://127.0.0.1:{Port}/api/kernels?token={Token}"))!.AsArray();
        foreach (var kernel in kernels)
        {
            var id = kernel!["id"]!.GetValue<string>();
            using var response = await _http.DeleteAsync($"http://127.0.0.1:{Port}/api/kernels/{id}?token={Token}");
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        if (_server is not null)
        {
            try
            {
                if (!_server.HasExited)
                {
                    _server.Kill(entireProcessTree: true);
                    _server.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            _server.Dispose();
        }

        try
        {
            Directory.Delete(Scratch, recursive: true);
        }
        catch (IOException)
        {
            // A kernel still flushing its log; the OS cleans temporary files.
        }
    }

    private void SetJupyterEnvironment(ProcessStartInfo start, string prefix)
    {
        start.Environment["JUPYTER_PATH"] = Path.Combine(prefix, "share", "jupyter");
        start.Environment["JUPYTER_CONFIG_DIR"] = Path.Combine(Scratch, "config");
        start.Environment["JUPYTER_DATA_DIR"] = Path.Combine(Scratch, "data");
        start.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(Scratch, "runtime");
        start.Environment["IPYTHONDIR"] = Path.Combine(Scratch, "ipython");
        start.Environment["JUPYTER_PLATFORM_DIRS"] = "1";
        start.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
    }

    private void WaitUntilReady(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_server.HasExited)
            {
                throw new InvalidOperationException($"jupyter notebook exited with code {_server.ExitCode} before it was ready:\n{ServerLog}");
            }

            try
            {
                using var response = _http.GetAsync($"http://127.0.0.1:{Port}/api/status?token={Token}").GetAwaiter().GetResult();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            Thread.Sleep(200);
        }

        throw new TimeoutException($"jupyter notebook did not answer /api/status within {timeout.TotalSeconds} s:\n{ServerLog}");
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private string CliDll()
    {
        // The test's output path ends in bin/<Configuration>/<tfm>/; the CLI is built with the same configuration.
        var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var output = Path.Combine(RepositoryRoot, "src", "Descent.Cli", "bin", tfmDir.Parent!.Name, tfmDir.Name);
        var runtimeConfig = Directory.Exists(output) ? Directory.GetFiles(output, "*.runtimeconfig.json").FirstOrDefault() : null;
        return runtimeConfig is null
            ? throw new InvalidOperationException($"the CLI is not built in {output}; run dotnet build Descent.slnx")
            : runtimeConfig.Replace(".runtimeconfig.json", ".dll", StringComparison.Ordinal);
    }

    private static void RequireNotebookPackage()
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import notebook, nbformat; assert notebook.__version__.startswith('6.'), notebook.__version__");
        (int code, string output) result;
        try
        {
            result = RunProcess(start, TimeSpan.FromSeconds(60));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"the browser tests need {Python} with the classic Notebook 6 (Debian: jupyter-notebook): {e.Message}");
        }

        if (result.code != 0)
        {
            throw new InvalidOperationException(
                $"the browser tests need {Python} with the classic Notebook 6 (Debian package jupyter-notebook; .ci/run installs environment/apt-packages.txt): {result.output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (int Code, string Output) RunProcess(ProcessStartInfo start, TimeSpan timeout)
    {
        var (code, stdout, stderr) = ProcessRunner.Run(start, timeout);
        return (code, stdout + stderr);
    }
}
