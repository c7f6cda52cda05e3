using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Descent.Kernel.Tests.Clients;

/// <summary>
/// Installs the built kernel into a temporary Jupyter prefix with <c>descent kernel install --prefix</c> and runs
/// <c>Clients/kernel_driver.py</c> (Jupyter's own jupyter_client / nbclient) against it, returning the driver's JSON.
/// </summary>
public sealed class KernelHarness : IDisposable
{
    /// <summary>The kernel spec name used by the tests (not the user's "descent-csharp").</summary>
    public const string KernelName = "descent-test";

    private readonly Lazy<string?> _python = new(FindPython);
    private readonly Lazy<string> _prefix;

    public KernelHarness()
    {
        RepositoryRoot = Testing.RepositoryRoot.FullName;
        _prefix = new Lazy<string>(Install);
    }

    public string RepositoryRoot { get; }

    /// <summary>The Debian/Ubuntu packages that give python3 the modules the real-client tests import.</summary>
    public const string ClientPackages = "python3-jupyter-client python3-nbclient python3-nbformat python3-zmq";

    /// <summary>
    /// The one message every real-client test fails with when Jupyter's clients are missing (never a skip: a machine
    /// without them cannot check the kernel, and the test command must say so).
    /// </summary>
    public static string MissingClientsMessage =>
        $"Jupyter's Python clients are not installed: {PythonCandidatesText()} cannot import jupyter_client, nbclient, nbformat and zmq. " +
        $"Install the Debian/Ubuntu packages {ClientPackages} (`bash test.sh`, the README's test command, installs every " +
        "package in environment/apt-packages.txt), or set DESCENT_PYTHON to a python3 that has them.";

    /// <summary>The python3 that has Jupyter's clients; throws <see cref="MissingClientsMessage"/> when none has.</summary>
    public string Python => _python.Value ?? throw new InvalidOperationException(MissingClientsMessage);

    public string Scratch { get; } = Directory.CreateTempSubdirectory("descent-kernel-tests-").FullName;

    /// <summary>Runs the driver against the Descent kernel installed by this harness and returns its JSON result.</summary>
    public JsonNode RunDriver(params string[] arguments) => RunClientScript("kernel_driver.py", arguments);

    /// <summary>Runs <paramref name="script"/> (a Python client in Clients/, invoked as the driver is) against the Descent
    /// kernel installed by this harness and returns its JSON result.</summary>
    public JsonNode RunClientScript(string script, params string[] arguments) =>
        RunClientScriptIn(script, Path.Combine(_prefix.Value, "share", "jupyter"), KernelName, arguments);

    /// <summary>Runs the driver with kernel <paramref name="kernelName"/> found under <paramref name="jupyterPath"/>
    /// (JUPYTER_PATH) and returns its JSON result.</summary>
    public JsonNode RunDriverIn(string jupyterPath, string kernelName, params string[] arguments) =>
        RunClientScriptIn("kernel_driver.py", jupyterPath, kernelName, arguments);

    private JsonNode RunClientScriptIn(string script, string jupyterPath, string kernelName, string[] arguments)
    {
        var python = Python;
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Scratch,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Clients", script));
        start.ArgumentList.Add(arguments[0]);
        start.ArgumentList.Add("--kernel");
        start.ArgumentList.Add(kernelName);
        foreach (var argument in arguments.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["JUPYTER_PATH"] = jupyterPath;
        start.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(Scratch, "runtime");
        start.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";
        // Each run's kernels keep their input history in the scratch directory, never in the user's own.
        start.Environment["DESCENT_HISTORY"] = Path.Combine(Scratch, "history-" + arguments[0] + ".sqlite");
        var (code, stdout, stderr) = RunProcess(start, TimeSpan.FromMinutes(8));
        var marker = stdout.LastIndexOf("@@JSON@@", StringComparison.Ordinal);
        if (code != 0 || marker < 0)
        {
            throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} exited {code}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        }

        return JsonNode.Parse(stdout[(marker + "@@JSON@@".Length)..])!;
    }

    /// <summary>
    /// Runs <c>Clients/<paramref name="script"/></c> with <c>--kernel descent-test</c> and the extra
    /// <paramref name="environment"/>, returning its JSON result (printed after <c>@@JSON@@</c>) and its stderr.
    /// </summary>
    public (JsonNode Result, string Stderr) RunScript(string script, IReadOnlyDictionary<string, string> environment,
                                                      params string[] arguments)
    {
        var python = Python;
        var prefix = _prefix.Value;
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Scratch };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Clients", script));
        start.ArgumentList.Add("--kernel");
        start.ArgumentList.Add(KernelName);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["JUPYTER_PATH"] = Path.Combine(prefix, "share", "jupyter");
        start.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(Scratch, "runtime");
        start.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var (code, stdout, stderr) = RunProcess(start, TimeSpan.FromMinutes(8));
        var marker = stdout.LastIndexOf("@@JSON@@", StringComparison.Ordinal);
        if (code != 0 || marker < 0)
        {
            throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} exited {code}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        }

        return (JsonNode.Parse(stdout[(marker + "@@JSON@@".Length)..])!, stderr);
    }

    public string CliDll()
    {
        // The test's own output path ends in bin/<Configuration>/<tfm>/; the CLI is built with the same configuration.
        var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfmDir.Parent!.Name;
        var output = Path.Combine(RepositoryRoot, "src", "Descent.Cli", "bin", configuration, tfmDir.Name);
        var runtimeConfig = Directory.Exists(output) ? Directory.GetFiles(output, "*.runtimeconfig.json").FirstOrDefault() : null;
        return runtimeConfig is null
            ? throw new InvalidOperationException($"the CLI is not built in {output}; run dotnet build Descent.slnx")
            : runtimeConfig.Replace(".runtimeconfig.json", ".dll", StringComparison.Ordinal);
    }

    public (int Code, string Stdout, string Stderr) RunCli(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(CliDll());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return RunProcess(start, TimeSpan.FromMinutes(2));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Scratch, recursive: true);
        }
        catch (IOException)
        {
            // A kernel still writing its log; the temp directory is cleaned by the OS.
        }
    }

    private string Install()
    {
        var prefix = Path.Combine(Scratch, "prefix");
        var (code, stdout, stderr) = RunCli("kernel", "install", "--prefix", prefix, "--name", KernelName);
        if (code != 0)
        {
            throw new InvalidOperationException($"descent kernel install failed ({code}): {stdout}{stderr}");
        }

        return prefix;
    }

    /// <summary>Runs a process to the end (killed after <paramref name="timeout"/>) and returns its exit code and output.</summary>
    public static (int Code, string Stdout, string Stderr) RunProcess(ProcessStartInfo start, TimeSpan timeout) =>
        ProcessRunner.Run(start, timeout);

    /// <summary>DESCENT_PYTHON when set (only that one), else Debian's /usr/bin/python3, then python3 on PATH.</summary>
    private static string[] PythonCandidates() =>
        Environment.GetEnvironmentVariable("DESCENT_PYTHON") is { Length: > 0 } chosen ? [chosen] : ["/usr/bin/python3", "python3"];

    private static string PythonCandidatesText() => string.Join(" and ", PythonCandidates().Select(c => $"'{c}'"));

    private static string? FindPython()
    {
        foreach (var candidate in PythonCandidates())
        {
            try
            {
                var start = new ProcessStartInfo(candidate) { RedirectStandardOutput = true, RedirectStandardError = true };
                start.ArgumentList.Add("-c");
                start.ArgumentList.Add("import jupyter_client, nbclient, nbformat, zmq");
                using var process = Process.Start(start)!;
                process.WaitForExit(30_000);
                if (process.HasExited && process.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under this name.
            }
        }

        return null;
    }
}
